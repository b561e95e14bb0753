/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Block devices as drivers see them (linux/blkdev.h of Linux 6.1): the request queue and its limits, the
 * disk (gendisk) and its operations, and the queue-limit setters. The out-of-line functions declared here
 * are LinuxKPI's block core. Apus' configuration has no zoned devices (CONFIG_BLK_DEV_ZONED), integrity
 * metadata, I/O schedulers, cgroups or partition tables beyond the whole disk.
 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/blk_types.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/bio.h>
#include <linux/gfp.h>
#include <linux/kdev_t.h>
#include <linux/fs.h>
#include <linux/rcupdate.h>
#include <linux/rculist.h>
#include <linux/srcu.h>
#include <linux/rwsem.h>
#include <linux/completion.h>
#include <linux/xarray.h>
#include <linux/idr.h>
#include <linux/uuid.h>
#include <linux/slab.h>
#include <linux/sched.h>

struct module;
struct request;
struct blk_mq_tag_set;
struct blk_mq_hw_ctx;
struct blk_mq_ctx;
struct hd_geometry;
struct pr_ops;
struct io_comp_batch;
struct blk_zone;
struct backing_dev_info;

#define DISK_NAME_LEN		32
#define SECTOR_SHIFT		9
#define SECTOR_SIZE		(1 << SECTOR_SHIFT)
#define BLK_MAX_SEGMENT_SIZE	65536
#define BLK_SAFE_MAX_SECTORS	255
#define BLK_DEF_MAX_SECTORS	2560
#define BLK_MAX_SEGMENTS	128
#define BLKDEV_MAX_RQ		128

/* gendisk.flags */
enum {
	GENHD_FL_REMOVABLE	= 1 << 0,
	GENHD_FL_HIDDEN		= 1 << 1,
	GENHD_FL_NO_PART	= 1 << 2,
};

/* gendisk.state bits */
#define GD_NEED_PART_SCAN	0
#define GD_READ_ONLY		1
#define GD_DEAD			2
#define GD_NATIVE_CAPACITY	3
#define GD_ADDED		4
#define GD_SUPPRESS_PART_SCAN	5
#define GD_OWNS_QUEUE		6

struct gendisk {
	int			major;
	int			first_minor;
	int			minors;
	char			disk_name[DISK_NAME_LEN];
	unsigned short		events;
	unsigned short		event_flags;
	struct block_device	*part0;
	const struct block_device_operations *fops;
	struct request_queue	*queue;
	void			*private_data;
	int			flags;
	unsigned long		state;
	struct mutex		open_mutex;
	unsigned int		open_partitions;
	struct backing_dev_info	*bdi;
	int			node_id;
	u64			diskseq;
};

static inline bool disk_live(struct gendisk *disk)
{
	return disk->part0 && !test_bit(GD_DEAD, &disk->state) && test_bit(GD_ADDED, &disk->state);
}

static inline sector_t get_capacity(struct gendisk *disk)
{
	return disk->part0->bd_nr_sectors;
}

static inline sector_t bdev_nr_sectors(struct block_device *bdev)
{
	return bdev->bd_nr_sectors;
}

static inline dev_t disk_devt(struct gendisk *disk)
{
	return disk->part0->bd_dev;
}

#define disk_to_dev(disk)	(&((disk)->part0->bd_device))
#define dev_to_disk(device)	(dev_to_bdev(device)->bd_disk)

enum blk_zoned_model {
	BLK_ZONED_NONE = 0,
	BLK_ZONED_HA,
	BLK_ZONED_HM,
};

enum blk_bounce {
	BLK_BOUNCE_NONE,
	BLK_BOUNCE_HIGH,
};

struct queue_limits {
	enum blk_bounce		bounce;
	unsigned long		seg_boundary_mask;
	unsigned long		virt_boundary_mask;
	unsigned int		max_hw_sectors;
	unsigned int		max_dev_sectors;
	unsigned int		chunk_sectors;
	unsigned int		max_sectors;
	unsigned int		max_segment_size;
	unsigned int		physical_block_size;
	unsigned int		logical_block_size;
	unsigned int		alignment_offset;
	unsigned int		io_min;
	unsigned int		io_opt;
	unsigned int		max_discard_sectors;
	unsigned int		max_hw_discard_sectors;
	unsigned int		max_secure_erase_sectors;
	unsigned int		max_write_zeroes_sectors;
	unsigned int		max_zone_append_sectors;
	unsigned int		discard_granularity;
	unsigned int		discard_alignment;
	unsigned int		zone_write_granularity;
	unsigned short		max_segments;
	unsigned short		max_integrity_segments;
	unsigned short		max_discard_segments;
	unsigned char		misaligned;
	unsigned char		discard_misaligned;
	unsigned char		raid_partial_stripes_expensive;
	enum blk_zoned_model	zoned;
	unsigned int		dma_alignment;
};

struct request_queue {
	struct request		*last_merge;
	void			*queuedata;
	unsigned long		queue_flags;
	int			id;
	spinlock_t		queue_lock;
	struct gendisk		*disk;
	struct blk_mq_ctx	*queue_ctx;
	struct blk_mq_hw_ctx	**queue_hw_ctx;
	unsigned int		nr_hw_queues;
	unsigned int		rq_timeout;
	unsigned int		queue_depth;
	struct queue_limits	limits;
	atomic_t		mq_freeze_depth;
	wait_queue_head_t	mq_freeze_wq;
	struct blk_mq_tag_set	*tag_set;
	struct list_head	tag_set_list;
	struct list_head	requeue_list;
	spinlock_t		requeue_lock;
	struct mutex		sysfs_lock;
};

/* request_queue.queue_flags bits */
#define QUEUE_FLAG_STOPPED	0
#define QUEUE_FLAG_DYING	1
#define QUEUE_FLAG_HAS_SRCU	2
#define QUEUE_FLAG_NOMERGES	3
#define QUEUE_FLAG_SAME_COMP	4
#define QUEUE_FLAG_FAIL_IO	5
#define QUEUE_FLAG_NONROT	6
#define QUEUE_FLAG_VIRT		QUEUE_FLAG_NONROT
#define QUEUE_FLAG_IO_STAT	7
#define QUEUE_FLAG_NOXMERGES	9
#define QUEUE_FLAG_ADD_RANDOM	10
#define QUEUE_FLAG_SAME_FORCE	12
#define QUEUE_FLAG_HW_WC	13
#define QUEUE_FLAG_INIT_DONE	14
#define QUEUE_FLAG_STABLE_WRITES 15
#define QUEUE_FLAG_POLL		16
#define QUEUE_FLAG_WC		17
#define QUEUE_FLAG_FUA		18
#define QUEUE_FLAG_DAX		19
#define QUEUE_FLAG_STATS	20
#define QUEUE_FLAG_REGISTERED	22
#define QUEUE_FLAG_QUIESCED	24
#define QUEUE_FLAG_PCI_P2PDMA	25
#define QUEUE_FLAG_ZONE_RESETALL 26
#define QUEUE_FLAG_RQ_ALLOC_TIME 27
#define QUEUE_FLAG_HCTX_ACTIVE	28
#define QUEUE_FLAG_NOWAIT	29
#define QUEUE_FLAG_SQ_SCHED	30

/* Driver-private passthrough commands (REQ_OP_DRV_IN/OUT) rather than reads and writes. */
static inline bool blk_op_is_passthrough(blk_opf_t op)
{
	op &= REQ_OP_MASK;
	return op == REQ_OP_DRV_IN || op == REQ_OP_DRV_OUT;
}

void blk_queue_flag_set(unsigned int flag, struct request_queue *q);
void blk_queue_flag_clear(unsigned int flag, struct request_queue *q);
bool blk_queue_flag_test_and_set(unsigned int flag, struct request_queue *q);

#define blk_queue_dying(q)	test_bit(QUEUE_FLAG_DYING, &(q)->queue_flags)
#define blk_queue_nonrot(q)	test_bit(QUEUE_FLAG_NONROT, &(q)->queue_flags)
#define blk_queue_quiesced(q)	test_bit(QUEUE_FLAG_QUIESCED, &(q)->queue_flags)
#define blk_queue_pci_p2pdma(q)	test_bit(QUEUE_FLAG_PCI_P2PDMA, &(q)->queue_flags)

static inline bool blk_queue_is_zoned(struct request_queue *q)
{
	return false;	/* CONFIG_BLK_DEV_ZONED is off */
}

static inline unsigned int queue_logical_block_size(const struct request_queue *q)
{
	return q && q->limits.logical_block_size ? q->limits.logical_block_size : 512;
}

static inline unsigned int queue_max_hw_sectors(const struct request_queue *q)
{
	return q->limits.max_hw_sectors;
}

static inline unsigned short queue_max_segments(const struct request_queue *q)
{
	return q->limits.max_segments;
}

static inline unsigned short queue_max_discard_segments(const struct request_queue *q)
{
	return q->limits.max_discard_segments;
}

static inline unsigned int queue_dma_alignment(const struct request_queue *q)
{
	return q ? q->limits.dma_alignment : 511;
}

static inline struct request_queue *bdev_get_queue(struct block_device *bdev)
{
	return bdev->bd_queue;
}

static inline unsigned int bdev_logical_block_size(struct block_device *bdev)
{
	return queue_logical_block_size(bdev_get_queue(bdev));
}

/* Queue limits (LinuxKPI's block core). */
void blk_queue_max_hw_sectors(struct request_queue *q, unsigned int max_hw_sectors);
void blk_queue_chunk_sectors(struct request_queue *q, unsigned int chunk_sectors);
void blk_queue_max_segments(struct request_queue *q, unsigned short max_segments);
void blk_queue_max_discard_segments(struct request_queue *q, unsigned short max_segments);
void blk_queue_max_discard_sectors(struct request_queue *q, unsigned int max_discard_sectors);
void blk_queue_max_write_zeroes_sectors(struct request_queue *q, unsigned int max_write_same_sectors);
void blk_queue_max_zone_append_sectors(struct request_queue *q, unsigned int max_zone_append_sectors);
void blk_queue_max_segment_size(struct request_queue *q, unsigned int max_size);
void blk_queue_logical_block_size(struct request_queue *q, unsigned int size);
void blk_queue_physical_block_size(struct request_queue *q, unsigned int size);
void blk_queue_io_min(struct request_queue *q, unsigned int min);
void blk_queue_io_opt(struct request_queue *q, unsigned int opt);
void blk_queue_virt_boundary(struct request_queue *q, unsigned long mask);
void blk_queue_dma_alignment(struct request_queue *q, int mask);
void blk_queue_write_cache(struct request_queue *q, bool enabled, bool fua);
void blk_queue_rq_timeout(struct request_queue *q, unsigned int timeout);
void blk_queue_segment_boundary(struct request_queue *q, unsigned long mask);
int blk_stack_limits(struct queue_limits *t, struct queue_limits *b, sector_t start);
void blk_set_queue_depth(struct request_queue *q, unsigned int depth);
void blk_sync_queue(struct request_queue *q);
void blk_put_queue(struct request_queue *q);
bool blk_get_queue(struct request_queue *q);
void blk_freeze_queue_start(struct request_queue *q);
int blk_status_to_errno(blk_status_t status);
blk_status_t errno_to_blk_status(int errno);

/* Disks (LinuxKPI's block core). */
int __must_check device_add_disk(struct device *parent, struct gendisk *disk,
				 const struct attribute_group **groups);
static inline int __must_check add_disk(struct gendisk *disk)
{
	return device_add_disk(NULL, disk, NULL);
}
void del_gendisk(struct gendisk *gp);
void put_disk(struct gendisk *disk);
void blk_mark_disk_dead(struct gendisk *disk);
void set_capacity(struct gendisk *disk, sector_t size);
bool set_capacity_and_notify(struct gendisk *disk, sector_t size);
void disk_update_readahead(struct gendisk *disk);
void set_disk_ro(struct gendisk *disk, bool read_only);
int bdev_disk_changed(struct gendisk *disk, bool invalidate);

static inline int get_disk_ro(struct gendisk *disk)
{
	return disk->part0->bd_read_only || test_bit(GD_READ_ONLY, &disk->state);
}

struct io_comp_batch {
	struct request	*req_list;
	bool		need_ts;
	void		(*complete)(struct io_comp_batch *);
};

#define DEFINE_IO_COMP_BATCH(name)	struct io_comp_batch name = { }

enum blk_unique_id {
	BLK_UID_T10	= 1,
	BLK_UID_EUI64	= 2,
	BLK_UID_NAA	= 3,
};

typedef int (*report_zones_cb)(struct blk_zone *zone, unsigned int idx, void *data);

struct block_device_operations {
	void	(*submit_bio)(struct bio *bio);
	int	(*poll_bio)(struct bio *bio, struct io_comp_batch *iob, unsigned int flags);
	int	(*open)(struct block_device *, fmode_t);
	void	(*release)(struct gendisk *, fmode_t);
	int	(*ioctl)(struct block_device *, fmode_t, unsigned, unsigned long);
	int	(*compat_ioctl)(struct block_device *, fmode_t, unsigned, unsigned long);
	unsigned int (*check_events)(struct gendisk *disk, unsigned int clearing);
	int	(*getgeo)(struct block_device *, struct hd_geometry *);
	int	(*set_read_only)(struct block_device *bdev, bool ro);
	void	(*free_disk)(struct gendisk *disk);
	int	(*report_zones)(struct gendisk *, sector_t sector, unsigned int nr_zones,
				report_zones_cb cb, void *data);
	int	(*get_unique_id)(struct gendisk *disk, u8 id[16], enum blk_unique_id id_type);
	struct module *owner;
	const struct pr_ops *pr_ops;
};

#endif
