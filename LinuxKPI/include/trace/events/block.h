/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The block layer's trace events. Without CONFIG_TRACEPOINTS they are calls that do nothing; only the
 * events drivers fire are declared.
 */
#ifndef _TRACE_BLOCK_H
#define _TRACE_BLOCK_H

#include <linux/blkdev.h>
#include <linux/tracepoint.h>

struct request_queue;
struct bio;

DECLARE_TRACE(block_bio_complete, TP_PROTO(struct request_queue *q, struct bio *bio), TP_ARGS(q, bio))
DECLARE_TRACE(block_bio_remap, TP_PROTO(struct bio *bio, dev_t dev, sector_t from), TP_ARGS(bio, dev, from))

#endif
