/* SPDX-License-Identifier: GPL-2.0-only */
/* Cache-line alignment helpers: SMP_CACHE_BYTES, ____cacheline_aligned, L1_CACHE_ALIGN. */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/const.h>
#include <asm/cache.h>

#define L1_CACHE_ALIGN(x) __ALIGN_KERNEL(x, L1_CACHE_BYTES)
#define SMP_CACHE_BYTES L1_CACHE_BYTES
#define SMP_CACHE_SHIFT L1_CACHE_SHIFT
#define ____cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define __cacheline_aligned ____cacheline_aligned
#define __cacheline_aligned_in_smp ____cacheline_aligned
#define ____cacheline_internodealigned_in_smp ____cacheline_aligned
#define cache_line_size() L1_CACHE_BYTES
#define __ro_after_init

#endif
