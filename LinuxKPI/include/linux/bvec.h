/* SPDX-License-Identifier: GPL-2.0-only */
/* A piece of a page: the unit of block I/O vectors (bio) and of socket-buffer fragments. */
#ifndef _LINUX_BVEC_H
#define _LINUX_BVEC_H

#include <linux/types.h>

struct page;

struct bio_vec {
	struct page	*bv_page;
	unsigned int	bv_len;
	unsigned int	bv_offset;
};

#endif
