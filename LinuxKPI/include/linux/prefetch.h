/* SPDX-License-Identifier: GPL-2.0-only */
/* Prefetch hints: prefetch/prefetchw (asm/processor.h) and prefetch_range. */
#ifndef _LINUX_PREFETCH_H
#define _LINUX_PREFETCH_H

#include <asm/processor.h>
#include <asm/cache.h>

#define PREFETCH_STRIDE (4 * L1_CACHE_BYTES)

static inline void prefetch_range(void *addr, size_t len)
{
	char *cp;
	char *end = (char *)addr + len;

	for (cp = addr; cp < end; cp += PREFETCH_STRIDE)
		prefetch(cp);
}

#endif
