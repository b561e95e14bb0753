// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmalloc and friends: page frames mapped contiguously in the vmalloc area by the Swift core (bridge
 * section "memory"; Sources/Kernel/Memory/VmallocArea.swift). GFP flags other than __GFP_ZERO change
 * nothing: the frames come from anywhere in RAM (vmalloc_32 memory is not kept below 4 GiB).
 */
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/printk.h>
#include <linux/export.h>
#include <apus/bridge.h>

bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr < VMALLOC_END;
}
EXPORT_SYMBOL(is_vmalloc_addr);

void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	void *p;

	if (!size)
		return NULL;
	p = apus_vmalloc(size, gfp_mask & __GFP_ZERO);
	if (!p) {
		if (gfp_mask & __GFP_NOFAIL)
			panic("out of memory: a __GFP_NOFAIL vmalloc of %lu bytes failed", size);
		if (!(gfp_mask & __GFP_NOWARN))
			pr_warn("vmalloc: allocation of %lu bytes failed\n", size);
	}
	return p;
}
EXPORT_SYMBOL(__vmalloc);

void *vmalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL);
}
EXPORT_SYMBOL(vmalloc);

void *vzalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO);
}
EXPORT_SYMBOL(vzalloc);

void *vmalloc_node(unsigned long size, int node)
{
	return __vmalloc(size, GFP_KERNEL);
}
EXPORT_SYMBOL(vmalloc_node);

void *vzalloc_node(unsigned long size, int node)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO);
}
EXPORT_SYMBOL(vzalloc_node);

void *vmalloc_32(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL);
}
EXPORT_SYMBOL(vmalloc_32);

void vfree(const void *addr)
{
	if (!addr)
		return;
	if (!apus_vfree(addr))
		WARN(1, "Trying to vfree() nonexistent vm area (%p)\n", addr);
}
EXPORT_SYMBOL(vfree);

unsigned long vmalloc_to_pfn(const void *addr)
{
	u64 phys = apus_vmalloc_to_phys(addr);

	return phys == ~0ULL ? 0 : phys >> PAGE_SHIFT;
}
EXPORT_SYMBOL(vmalloc_to_pfn);

struct page *vmalloc_to_page(const void *addr)
{
	u64 phys = apus_vmalloc_to_phys(addr);

	return phys == ~0ULL ? NULL : pfn_to_page(phys >> PAGE_SHIFT);
}
EXPORT_SYMBOL(vmalloc_to_page);
