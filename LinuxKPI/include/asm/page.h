/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pages and the direct map. Apus maps all RAM at PAGE_OFFSET (DIRECT_MAP_BASE in
 * Sources/KernelSupport/include/layout.h; the Swift side checks the two agree) and runs its image at
 * physical = virtual below the module area, so __pa works for both, as on Linux.
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/const.h>
#include <linux/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_OFFSET _AC(0x0000400000000000, UL)
#define HPAGE_SHIFT 21
#define HPAGE_SIZE (_AC(1, UL) << HPAGE_SHIFT)

#ifndef __ASSEMBLY__

/* Physical address of a kernel virtual address: the direct map, or the identity-mapped image. */
static inline phys_addr_t __phys_addr(unsigned long x)
{
	return x >= PAGE_OFFSET ? x - PAGE_OFFSET : x;
}

#define __pa(x) __phys_addr((unsigned long)(x))
#define __pa_symbol(x) __pa(x)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))
#define __pa_nodebug(x) __pa(x)

#define PFN_ALIGN(x) (((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x) ((unsigned long)((x) >> PAGE_SHIFT))

#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

/* The order of the smallest block of pages that holds size bytes (size > 0). */
static __always_inline int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return 64 - __builtin_clzl((size - 1) >> PAGE_SHIFT);
}

#endif /* __ASSEMBLY__ */
#endif
