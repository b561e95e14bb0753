/* SPDX-License-Identifier: GPL-2.0-only */
/* T10 Protection Information tuples and the reference tags of a request (linux/t10-pi.h of Linux 6.1). */
#ifndef _LINUX_T10_PI_H
#define _LINUX_T10_PI_H

#include <linux/types.h>
#include <linux/log2.h>
#include <linux/blk-mq.h>

enum t10_dif_type {
	T10_PI_TYPE0_PROTECTION = 0x0,
	T10_PI_TYPE1_PROTECTION = 0x1,
	T10_PI_TYPE2_PROTECTION = 0x2,
	T10_PI_TYPE3_PROTECTION = 0x3,
};

/* 8 bytes of protection information per logical block: CRC16 guard, application and reference tags. */
struct t10_pi_tuple {
	__be16 guard_tag;
	__be16 app_tag;
	__be32 ref_tag;
};

/* The 64-bit-guard format: CRC64 guard and a 48-bit reference tag. */
struct crc64_pi_tuple {
	__be64 guard_tag;
	__be16 app_tag;
	__u8   ref_tag[6];
};

#define T10_PI_APP_ESCAPE cpu_to_be16(0xffff)
#define T10_PI_REF_ESCAPE cpu_to_be32(0xffffffff)

/* The request's first logical block number (integrity intervals equal logical blocks: no integrity). */
static inline u32 t10_pi_ref_tag(struct request *rq)
{
	unsigned int shift = ilog2(queue_logical_block_size(rq->q));

	return blk_rq_pos(rq) >> (shift - SECTOR_SHIFT) & 0xffffffff;
}

static inline u64 lower_48_bits(u64 n)
{
	return n & ((1ull << 48) - 1);
}

static inline u64 ext_pi_ref_tag(struct request *rq)
{
	unsigned int shift = ilog2(queue_logical_block_size(rq->q));

	return lower_48_bits(blk_rq_pos(rq) >> (shift - SECTOR_SHIFT));
}

#endif
