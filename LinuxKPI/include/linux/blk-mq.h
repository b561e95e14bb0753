/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The multi-queue block layer as drivers see it (linux/blk-mq.h of Linux 6.1): requests, hardware queue
 * contexts, tag sets and the driver's operations, with the inline request helpers. The out-of-line
 * functions declared here are LinuxKPI's block core (blk-mq.c, the next issue's work). Differences from
 * Linux: no I/O schedulers (requests are never RQF_ELV), no timeout injection (CONFIG_FAIL_IO_TIMEOUT off),
 * tags are a plain array rather than sbitmaps.
 */
#ifndef BLK_MQ_H
#define BLK_MQ_H

#include <linux/blkdev.h>
#include <linux/workqueue.h>
#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/prefetch.h>
#include <linux/scatterlist.h>
#include <linux/dmapool.h>

struct blk_mq_tags;
struct blk_flush_queue;
struct pci_dev;
struct lock_class_key;

#define BLKDEV_MIN_RQ	4
#define BLKDEV_DEFAULT_RQ	128

typedef __u32 __bitwise req_flags_t;

#define RQF_STARTED		((__force req_flags_t)(1 << 1))
#define RQF_SOFTBARRIER		((__force req_flags_t)(1 << 3))
#define RQF_FLUSH_SEQ		((__force req_flags_t)(1 << 4))
#define RQF_MIXED_MERGE		((__force req_flags_t)(1 << 5))
#define RQF_MQ_INFLIGHT		((__force req_flags_t)(1 << 6))
#define RQF_DONTPREP		((__force req_flags_t)(1 << 7))
#define RQF_FAILED		((__force req_flags_t)(1 << 10))
#define RQF_QUIET		((__force req_flags_t)(1 << 11))
#define RQF_ELVPRIV		((__force req_flags_t)(1 << 12))
#define RQF_IO_STAT		((__force req_flags_t)(1 << 13))
#define RQF_PM			((__force req_flags_t)(1 << 15))
#define RQF_HASHED		((__force req_flags_t)(1 << 16))
#define RQF_STATS		((__force req_flags_t)(1 << 17))
#define RQF_SPECIAL_PAYLOAD	((__force req_flags_t)(1 << 18))
#define RQF_ZONE_WRITE_LOCKED	((__force req_flags_t)(1 << 19))
#define RQF_MQ_POLL_SLEPT	((__force req_flags_t)(1 << 20))
#define RQF_TIMED_OUT		((__force req_flags_t)(1 << 21))
#define RQF_ELV			((__force req_flags_t)(1 << 22))
#define RQF_RESV		((__force req_flags_t)(1 << 23))

enum mq_rq_state {
	MQ_RQ_IDLE		= 0,
	MQ_RQ_IN_FLIGHT		= 1,
	MQ_RQ_COMPLETE		= 2,
};

enum rq_end_io_ret {
	RQ_END_IO_NONE,
	RQ_END_IO_FREE,
};

typedef enum rq_end_io_ret (rq_end_io_fn)(struct request *, blk_status_t);

/* One block I/O request; the driver's per-request data (tag_set.cmd_size bytes) follows it. */
struct request {
	struct request_queue	*q;
	struct blk_mq_ctx	*mq_ctx;
	struct blk_mq_hw_ctx	*mq_hctx;
	blk_opf_t		cmd_flags;
	req_flags_t		rq_flags;
	int			tag;
	int			internal_tag;
	unsigned int		timeout;
	unsigned int		__data_len;
	sector_t		__sector;
	struct bio		*bio;
	struct bio		*biotail;
	union {
		struct list_head	queuelist;
		struct request		*rq_next;
	};
	struct block_device	*part;
	u64			start_time_ns;
	u64			io_start_time_ns;
	unsigned short		stats_sectors;
	unsigned short		nr_phys_segments;
	unsigned short		write_hint;
	unsigned short		ioprio;
	enum mq_rq_state	state;
	atomic_t		ref;
	unsigned long		deadline;
	union {
		struct bio_vec		special_vec;
		void			*completion_data;
	};
	rq_end_io_fn		*end_io;
	void			*end_io_data;
};

static inline enum req_op req_op(const struct request *req)
{
	return (enum req_op)(req->cmd_flags & REQ_OP_MASK);
}

static inline bool blk_rq_is_passthrough(struct request *rq)
{
	return blk_op_is_passthrough(rq->cmd_flags);
}

#define rq_data_dir(rq)		(op_is_write(req_op(rq)) ? WRITE : READ)
#define rq_dma_dir(rq)		(op_is_write(req_op(rq)) ? DMA_TO_DEVICE : DMA_FROM_DEVICE)

enum hctx_type {
	HCTX_TYPE_DEFAULT,
	HCTX_TYPE_READ,
	HCTX_TYPE_POLL,
	HCTX_MAX_TYPES,
};

/* A hardware queue context: one per hardware submission queue. */
struct blk_mq_hw_ctx {
	spinlock_t		lock;
	struct list_head	dispatch;
	unsigned long		state;
	struct delayed_work	run_work;
	cpumask_var_t		cpumask;
	unsigned long		flags;
	struct request_queue	*queue;
	void			*driver_data;
	unsigned short		type;
	struct blk_mq_tags	*tags;
	unsigned int		numa_node;
	unsigned int		queue_num;
	atomic_t		nr_active;
	struct list_head	hctx_list;
};

struct blk_mq_queue_map {
	unsigned int	*mq_map;
	unsigned int	nr_queues;
	unsigned int	queue_offset;
};

struct blk_mq_tag_set {
	struct blk_mq_queue_map	map[HCTX_MAX_TYPES];
	unsigned int		nr_maps;
	const struct blk_mq_ops	*ops;
	unsigned int		nr_hw_queues;
	unsigned int		queue_depth;
	unsigned int		reserved_tags;
	unsigned int		cmd_size;
	int			numa_node;
	unsigned int		timeout;
	unsigned int		flags;
	void			*driver_data;
	struct blk_mq_tags	**tags;
	struct blk_mq_tags	*shared_tags;
	struct mutex		tag_list_lock;
	struct list_head	tag_list;
};

/* The tags of one hardware queue: which request each tag number stands for. */
struct blk_mq_tags {
	unsigned int		nr_tags;
	unsigned int		nr_reserved_tags;
	unsigned int		active_queues;
	struct request		**rqs;
	struct request		**static_rqs;
	struct list_head	page_list;
	spinlock_t		lock;
};

struct blk_mq_queue_data {
	struct request	*rq;
	bool		last;
};

enum blk_eh_timer_return {
	BLK_EH_DONE,
	BLK_EH_RESET_TIMER,
};

typedef bool (busy_tag_iter_fn)(struct request *, void *);

struct blk_mq_ops {
	blk_status_t	(*queue_rq)(struct blk_mq_hw_ctx *, const struct blk_mq_queue_data *);
	void		(*commit_rqs)(struct blk_mq_hw_ctx *);
	void		(*queue_rqs)(struct request **rqlist);
	int		(*get_budget)(struct request_queue *);
	void		(*put_budget)(struct request_queue *, int);
	void		(*set_rq_budget_token)(struct request *, int);
	int		(*get_rq_budget_token)(struct request *);
	enum blk_eh_timer_return (*timeout)(struct request *);
	int		(*poll)(struct blk_mq_hw_ctx *, struct io_comp_batch *);
	void		(*complete)(struct request *);
	int		(*init_hctx)(struct blk_mq_hw_ctx *, void *, unsigned int);
	void		(*exit_hctx)(struct blk_mq_hw_ctx *, unsigned int);
	int		(*init_request)(struct blk_mq_tag_set *set, struct request *, unsigned int,
					unsigned int);
	void		(*exit_request)(struct blk_mq_tag_set *set, struct request *, unsigned int);
	void		(*cleanup_rq)(struct request *);
	bool		(*busy)(struct request_queue *);
	void		(*map_queues)(struct blk_mq_tag_set *set);
};

/* blk_mq_tag_set.flags */
enum {
	BLK_MQ_F_SHOULD_MERGE	= 1 << 0,
	BLK_MQ_F_TAG_QUEUE_SHARED = 1 << 1,
	BLK_MQ_F_STACKING	= 1 << 2,
	BLK_MQ_F_TAG_HCTX_SHARED = 1 << 3,
	BLK_MQ_F_BLOCKING	= 1 << 5,
	BLK_MQ_F_NO_SCHED	= 1 << 6,
	BLK_MQ_F_NO_SCHED_BY_DEFAULT = 1 << 7,
	BLK_MQ_F_ALLOC_POLICY_START_BIT = 8,
	BLK_MQ_F_ALLOC_POLICY_BITS = 1,

	BLK_MQ_S_STOPPED	= 0,
	BLK_MQ_S_TAG_ACTIVE	= 1,
	BLK_MQ_S_SCHED_RESTART	= 2,
	BLK_MQ_S_INACTIVE	= 3,

	BLK_MQ_MAX_DEPTH	= 10240,
	BLK_MQ_CPU_WORK_BATCH	= 8,
};

typedef __u32 __bitwise blk_mq_req_flags_t;

enum {
	BLK_MQ_REQ_NOWAIT	= (__force blk_mq_req_flags_t)(1 << 0),
	BLK_MQ_REQ_RESERVED	= (__force blk_mq_req_flags_t)(1 << 1),
	BLK_MQ_REQ_PM		= (__force blk_mq_req_flags_t)(1 << 2),
};

/* Tag sets, queues and disks (LinuxKPI's block core). */
int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);
int blk_mq_alloc_sq_tag_set(struct blk_mq_tag_set *set, const struct blk_mq_ops *ops,
			    unsigned int queue_depth, unsigned int set_flags);
void blk_mq_free_tag_set(struct blk_mq_tag_set *set);
void blk_mq_update_nr_hw_queues(struct blk_mq_tag_set *set, int nr_hw_queues);
struct request_queue *blk_mq_init_queue(struct blk_mq_tag_set *set);
void blk_mq_destroy_queue(struct request_queue *q);
struct gendisk *__blk_mq_alloc_disk(struct blk_mq_tag_set *set, void *queuedata,
				   struct lock_class_key *lkclass);
/* Linux passes a lock class key per call site for lockdep; Apus has no lockdep. */
#define blk_mq_alloc_disk(set, queuedata)	__blk_mq_alloc_disk(set, queuedata, NULL)
void blk_mq_map_queues(struct blk_mq_queue_map *qmap);

/* Requests. */
struct request *blk_mq_alloc_request(struct request_queue *q, blk_opf_t opf, blk_mq_req_flags_t flags);
struct request *blk_mq_alloc_request_hctx(struct request_queue *q, blk_opf_t opf,
					  blk_mq_req_flags_t flags, unsigned int hctx_idx);
void blk_mq_free_request(struct request *rq);
void blk_mq_start_request(struct request *rq);
void blk_mq_end_request(struct request *rq, blk_status_t error);
void __blk_mq_end_request(struct request *rq, blk_status_t error);
void blk_mq_end_request_batch(struct io_comp_batch *ib);
void blk_mq_requeue_request(struct request *rq, bool kick_requeue_list);
void blk_mq_kick_requeue_list(struct request_queue *q);
void blk_mq_delay_kick_requeue_list(struct request_queue *q, unsigned long msecs);
void blk_mq_complete_request(struct request *rq);
bool blk_mq_complete_request_remote(struct request *rq);
blk_status_t blk_execute_rq(struct request *rq, bool at_head);
void blk_execute_rq_nowait(struct request *rq, bool at_head);
int blk_rq_map_kern(struct request_queue *q, struct request *rq, void *kbuf, unsigned int len,
		    gfp_t gfp_mask);
int __blk_rq_map_sg(struct request_queue *q, struct request *rq, struct scatterlist *sglist,
		    struct scatterlist **last_sg);
int blk_rq_unmap_user(struct bio *bio);

struct rq_map_data {
	struct page	**pages;
	unsigned long	offset;
	unsigned short	page_order;
	unsigned short	nr_entries;
	bool		null_mapped;
	bool		from_user;
};

int blk_rq_map_user(struct request_queue *q, struct request *rq, struct rq_map_data *map_data,
		    void __user *ubuf, unsigned long len, gfp_t gfp_mask);
int blk_rq_map_user_io(struct request *rq, struct rq_map_data *map_data, void __user *ubuf,
		       unsigned long buf_len, gfp_t gfp_mask, bool vec, int iov_count, bool check_iter_count,
		       int rw);
int blk_rq_map_user_iov(struct request_queue *q, struct request *rq, struct rq_map_data *map_data,
			const struct iov_iter *iter, gfp_t gfp_mask);
u32 blk_mq_unique_tag(struct request *rq);

static inline int blk_rq_map_sg(struct request_queue *q, struct request *rq, struct scatterlist *sglist)
{
	struct scatterlist *last_sg = NULL;

	return __blk_rq_map_sg(q, rq, sglist, &last_sg);
}

/* Queue state. */
void blk_mq_freeze_queue(struct request_queue *q);
void blk_mq_unfreeze_queue(struct request_queue *q);
void blk_mq_freeze_queue_wait(struct request_queue *q);
int blk_mq_freeze_queue_wait_timeout(struct request_queue *q, unsigned long timeout);
void blk_mq_quiesce_queue(struct request_queue *q);
void blk_mq_unquiesce_queue(struct request_queue *q);
void blk_mq_wait_quiesce_done(struct request_queue *q);
void blk_mq_quiesce_tagset(struct blk_mq_tag_set *set);
void blk_mq_unquiesce_tagset(struct blk_mq_tag_set *set);
void blk_mq_start_stopped_hw_queues(struct request_queue *q, bool async);
void blk_mq_run_hw_queues(struct request_queue *q, bool async);
void blk_mq_tagset_busy_iter(struct blk_mq_tag_set *tagset, busy_tag_iter_fn *fn, void *priv);
void blk_mq_tagset_wait_completed_request(struct blk_mq_tag_set *tagset);

/* The driver's per-request data lives right after struct request. */
static inline void *blk_mq_rq_to_pdu(struct request *rq)
{
	return rq + 1;
}

static inline struct request *blk_mq_rq_from_pdu(void *pdu)
{
	return pdu - sizeof(struct request);
}

static inline struct request *blk_mq_tag_to_rq(struct blk_mq_tags *tags, unsigned int tag)
{
	if (tag < tags->nr_tags) {
		prefetch(tags->rqs[tag]);
		return tags->rqs[tag];
	}
	return NULL;
}

static inline enum mq_rq_state blk_mq_rq_state(struct request *rq)
{
	return READ_ONCE(rq->state);
}

static inline int blk_mq_request_started(struct request *rq)
{
	return blk_mq_rq_state(rq) != MQ_RQ_IDLE;
}

static inline int blk_mq_request_completed(struct request *rq)
{
	return blk_mq_rq_state(rq) == MQ_RQ_COMPLETE;
}

/* For drivers that complete a request without blk_mq_complete_request (after a timeout, say). */
static inline void blk_mq_set_request_complete(struct request *rq)
{
	WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
}

static inline void blk_mq_complete_request_direct(struct request *rq,
						  void (*complete)(struct request *rq))
{
	WRITE_ONCE(rq->state, MQ_RQ_COMPLETE);
	complete(rq);
}

/* Timeout injection (CONFIG_FAIL_IO_TIMEOUT) is off. */
static inline bool blk_should_fake_timeout(struct request_queue *q)
{
	return false;
}

static inline bool blk_mq_need_time_stamp(struct request *rq)
{
	return (rq->rq_flags & (RQF_IO_STAT | RQF_STATS | RQF_ELV));
}

static inline bool blk_mq_is_reserved_rq(struct request *rq)
{
	return rq->rq_flags & RQF_RESV;
}

static inline bool blk_rq_is_poll(struct request *rq)
{
	return rq->mq_hctx && rq->mq_hctx->type == HCTX_TYPE_POLL;
}

/* Singly linked request lists (queue_rqs, completion batches). */
#define rq_list_add(listptr, rq)	do {		\
	(rq)->rq_next = *(listptr);			\
	*(listptr) = rq;				\
} while (0)

#define rq_list_add_tail(lastpptr, rq)	do {		\
	(rq)->rq_next = NULL;				\
	**(lastpptr) = rq;				\
	*(lastpptr) = &rq->rq_next;			\
} while (0)

#define rq_list_pop(listptr)				\
({							\
	struct request *__req = NULL;			\
	if ((listptr) && *(listptr)) {			\
		__req = *(listptr);			\
		*(listptr) = __req->rq_next;		\
	}						\
	__req;						\
})

#define rq_list_peek(listptr)				\
({							\
	struct request *__req = NULL;			\
	if ((listptr) && *(listptr))			\
		__req = *(listptr);			\
	__req;						\
})

#define rq_list_for_each(listptr, pos)			\
	for (pos = rq_list_peek((listptr)); pos; pos = rq_list_next(pos))

#define rq_list_for_each_safe(listptr, pos, nxt)			\
	for (pos = rq_list_peek((listptr)), nxt = rq_list_next(pos);	\
		pos; pos = nxt, nxt = pos ? rq_list_next(pos) : NULL)

#define rq_list_next(rq)	(rq)->rq_next
#define rq_list_empty(list)	((list) == (struct request *) NULL)

static inline void rq_list_move(struct request **src, struct request **dst, struct request *rq,
				struct request *prev)
{
	if (prev)
		prev->rq_next = rq->rq_next;
	else
		*src = rq->rq_next;
	rq_list_add(dst, rq);
}

/* Batched completion: queue rq on iob when the batch can take it. */
static inline bool blk_mq_add_to_batch(struct request *req, struct io_comp_batch *iob, int ioerror,
				       void (*complete)(struct io_comp_batch *))
{
	if (!iob || (req->rq_flags & RQF_ELV) || ioerror || (req->end_io && !blk_rq_is_passthrough(req)))
		return false;
	if (!iob->complete)
		iob->complete = complete;
	else if (iob->complete != complete)
		return false;
	iob->need_ts |= blk_mq_need_time_stamp(req);
	rq_list_add(&iob->req_list, req);
	return true;
}

/* Request geometry. */
static inline sector_t blk_rq_pos(const struct request *rq)
{
	return rq->__sector;
}

static inline unsigned int blk_rq_bytes(const struct request *rq)
{
	return rq->__data_len;
}

static inline unsigned int blk_rq_sectors(const struct request *rq)
{
	return blk_rq_bytes(rq) >> SECTOR_SHIFT;
}

/* Bytes of data the request moves: a special payload (discard ranges) replaces the bio's. */
static inline unsigned int blk_rq_payload_bytes(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return rq->special_vec.bv_len;
	return blk_rq_bytes(rq);
}

static inline struct bio_vec req_bvec(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return rq->special_vec;
	return mp_bvec_iter_bvec(rq->bio->bi_io_vec, rq->bio->bi_iter);
}

static inline unsigned short blk_rq_nr_phys_segments(struct request *rq)
{
	if (rq->rq_flags & RQF_SPECIAL_PAYLOAD)
		return 1;
	return rq->nr_phys_segments;
}

/* Discard ranges: one per segment, at least one. */
static inline unsigned short blk_rq_nr_discard_segments(struct request *rq)
{
	return max_t(unsigned short, rq->nr_phys_segments, 1);
}

#define blk_noretry_request(rq) \
	((rq)->cmd_flags & (REQ_FAILFAST_DEV | REQ_FAILFAST_TRANSPORT | REQ_FAILFAST_DRIVER))

#define __rq_for_each_bio(_bio, rq) \
	if ((rq->bio)) \
		for (_bio = (rq)->bio; _bio; _bio = _bio->bi_next)

#endif
