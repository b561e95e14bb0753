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

/* The kernel address of a bio_vec's data (every page is in the direct map). */
static inline void *bvec_virt(struct bio_vec *bvec)
{
	return page_address(bvec->bv_page) + bvec->bv_offset;
}

#endif
