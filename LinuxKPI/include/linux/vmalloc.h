/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmalloc: virtually contiguous memory built from single page frames mapped one after another in the
 * vmalloc area (VMALLOC_START … VMALLOC_END), each area followed by an unmapped guard page. vfree sends
 * TLB shootdowns to the other CPUs: do not call it with a spinlock held (Linux defers frees from atomic
 * context; Apus does not).
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>

/* Sources/KernelSupport/include/layout.h: VMALLOC_AREA_BASE and VMALLOC_AREA_SIZE. */
#define VMALLOC_START 0x0000700000000000UL
#define VMALLOC_END (VMALLOC_START + 0x0000010000000000UL)

void *vmalloc(unsigned long size) __malloc;
void *vzalloc(unsigned long size) __malloc;
void *__vmalloc(unsigned long size, gfp_t gfp_mask) __malloc;
void *vmalloc_node(unsigned long size, int node) __malloc;
void *vzalloc_node(unsigned long size, int node) __malloc;
void *vmalloc_32(unsigned long size) __malloc;
void vfree(const void *addr);

static inline void *vmalloc_array(size_t n, size_t size)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return vmalloc(bytes);
}

static inline void *vcalloc(size_t n, size_t size)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return vzalloc(bytes);
}

#endif
