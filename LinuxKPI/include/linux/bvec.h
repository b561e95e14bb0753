/* SPDX-License-Identifier: GPL-2.0-only */
/* A piece of a page (the unit of block I/O vectors and of socket-buffer fragments) and a cursor over them. */
#ifndef _LINUX_BVEC_H
#define _LINUX_BVEC_H

#include <linux/types.h>
#include <linux/mm.h>

struct bio_vec {
	struct page	*bv_page;
	unsigned int	bv_len;
	unsigned int	bv_offset;
};

struct bvec_iter {
	sector_t	bi_sector;	/* device address in 512-byte sectors */
	unsigned int	bi_size;	/* residual I/O count */
	unsigned int	bi_idx;		/* current index into bvl_vec */
	unsigned int	bi_bvec_done;	/* bytes completed in the current bvec */
} __packed;

/*
 * The piece of a vector an iterator stands at: the current entry, minus what of it is done, and no longer
 * than what remains of the whole I/O (a multi-page segment, as Linux's mp_bvec_iter_bvec).
 */
static inline struct bio_vec mp_bvec_iter_bvec(const struct bio_vec *bvec, struct bvec_iter iter)
{
	const struct bio_vec *entry = &bvec[iter.bi_idx];
	unsigned int left = entry->bv_len - iter.bi_bvec_done;

	return (struct bio_vec){
		.bv_page = entry->bv_page,
		.bv_len = iter.bi_size < left ? iter.bi_size : left,
		.bv_offset = entry->bv_offset + iter.bi_bvec_done,
	};
}

/* The kernel address of a bio_vec's data (every page is in the direct map). */
static inline void *bvec_virt(struct bio_vec *bvec)
{
	return page_address(bvec->bv_page) + bvec->bv_offset;
}

#endif
