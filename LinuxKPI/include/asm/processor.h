/* SPDX-License-Identifier: GPL-2.0-only */
/* The CPU as drivers see it: cpu_relax() in busy-wait loops, cache line size, prefetch hints. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <asm/page.h>

/* Tells the CPU this is a spin-wait loop (PAUSE): saves power and helps the sibling hyperthread. */
static __always_inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

#define L1_CACHE_SHIFT 6
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)

static inline void prefetch(const void *x) { __builtin_prefetch(x, 0); }
static inline void prefetchw(const void *x) { __builtin_prefetch(x, 1); }

#endif
