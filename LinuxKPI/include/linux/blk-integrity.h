/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Block integrity metadata. Apus' configuration leaves CONFIG_BLK_DEV_INTEGRITY off: as in Linux without
 * it, no disk has an integrity profile, requests carry no metadata and registration does nothing.
 */
#ifndef _LINUX_BLK_INTEGRITY_H
#define _LINUX_BLK_INTEGRITY_H

#include <linux/blk-mq.h>

struct request;

enum blk_integrity_flags {
	BLK_INTEGRITY_VERIFY		= 1 << 0,
	BLK_INTEGRITY_GENERATE		= 1 << 1,
	BLK_INTEGRITY_DEVICE_CAPABLE	= 1 << 2,
	BLK_INTEGRITY_IP_CHECKSUM	= 1 << 3,
};

struct blk_integrity_profile;

struct blk_integrity {
	const struct blk_integrity_profile *profile;
	unsigned char	flags;
	unsigned char	tuple_size;
	unsigned char	interval_exp;
	unsigned char	tag_size;
};

static inline int blk_rq_count_integrity_sg(struct request_queue *q, struct bio *b)
{
	return 0;
}

static inline int blk_rq_map_integrity_sg(struct request_queue *q, struct bio *b, struct scatterlist *s)
{
	return 0;
}

static inline struct blk_integrity *blk_get_integrity(struct gendisk *disk)
{
	return NULL;
}

static inline void blk_integrity_register(struct gendisk *d, struct blk_integrity *b)
{
}

static inline void blk_integrity_unregister(struct gendisk *d)
{
}

static inline void blk_queue_max_integrity_segments(struct request_queue *q, unsigned int segs)
{
}

static inline unsigned short queue_max_integrity_segments(const struct request_queue *q)
{
	return 0;
}

static inline int blk_integrity_rq(struct request *rq)
{
	return 0;
}

static inline struct bio_vec rq_integrity_vec(struct request *rq)
{
	return (struct bio_vec){ };
}

#endif
