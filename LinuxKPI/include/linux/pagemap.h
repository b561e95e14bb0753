/* SPDX-License-Identifier: GPL-2.0-only */
/* The page cache does not exist in Apus: only the page helpers drivers reach through this header. */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/mm.h>
#include <linux/highmem.h>

#endif
