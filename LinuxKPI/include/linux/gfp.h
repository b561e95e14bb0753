/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GFP flags (<linux/gfp_types.h>) and the page allocator: alloc_pages and friends hand out naturally
 * aligned blocks of 2^order page frames from the Swift buddy allocator (order <= MAX_ORDER - 1 = 10),
 * described by struct page (<linux/mm.h>). __GFP_DMA/__GFP_DMA32 keep a block below 16 MiB/4 GiB,
 * __GFP_COMP makes it a compound page, __GFP_ZERO zeroes it; the allocator never sleeps.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/mm_types.h>

#define MAX_ORDER 11

/* Whether the caller allows the allocator to sleep (Apus' allocators never do either way). */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

static inline bool gfp_has_io_fs(gfp_t gfp)
{
	return (gfp & (__GFP_IO | __GFP_FS)) == (__GFP_IO | __GFP_FS);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp_mask);
void free_pages(unsigned long addr, unsigned int order);
void *alloc_pages_exact(size_t size, gfp_t gfp_mask) __malloc;
void free_pages_exact(void *virt, size_t size);

#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
#define __get_dma_pages(gfp_mask, order) __get_free_pages((gfp_mask) | GFP_DMA, (order))
#define __free_page(page) __free_pages((page), 0)
#define free_page(addr) free_pages((addr), 0)

/* One NUMA node: the node is ignored. */
static inline struct page *alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order)
{
	return alloc_pages(gfp_mask, order);
}

static inline struct page *__alloc_pages_node(int nid, gfp_t gfp_mask, unsigned int order)
{
	return alloc_pages(gfp_mask, order);
}

#define alloc_page_vma(gfp_mask, vma, addr) alloc_pages(gfp_mask, 0)

/* Page fragments: small pieces of a cached compound page, freed with page_frag_free. */
void *page_frag_alloc_align(struct page_frag_cache *nc, unsigned int fragsz, gfp_t gfp_mask,
			    unsigned int align_mask);
void page_frag_free(void *addr);
void __page_frag_cache_drain(struct page *page, unsigned int count);

static inline void *page_frag_alloc(struct page_frag_cache *nc, unsigned int fragsz, gfp_t gfp_mask)
{
	return page_frag_alloc_align(nc, fragsz, gfp_mask, ~0u);
}

#endif
