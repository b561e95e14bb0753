/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pages and the direct map as drivers use them. Every page frame of RAM is mapped at PAGE_OFFSET, so
 * page_address() and virt_to_page() are arithmetic plus a lookup of the frame's struct page; struct pages
 * are created on first use in chunks of 1024 (one 4 MiB region each), so struct pages of one block
 * returned by alloc_pages are consecutive (page + i works for compound pages, as on Linux).
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/sizes.h>
#include <linux/pfn.h>
#include <asm/page.h>

/* The struct page of page frame `pfn`, created on first use; NULL only when out of memory. */
struct page *pfn_to_page(unsigned long pfn);

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page->lkpi_pfn;
}

#define page_to_phys(page) ((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)
#define phys_to_page(phys) pfn_to_page((phys) >> PAGE_SHIFT)
#define nth_page(page, n) pfn_to_page(page_to_pfn((page)) + (n))
#define pfn_valid(pfn) ((pfn) < (1UL << (40 - PAGE_SHIFT)))

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

#define lowmem_page_address(page) page_address(page)
#define page_to_virt(page) page_address(page)
#define virt_to_pfn(kaddr) PFN_DOWN(__pa(kaddr))
#define virt_to_page(kaddr) pfn_to_page(virt_to_pfn(kaddr))
#define pfn_to_kaddr(pfn) __va((pfn) << PAGE_SHIFT)

/* Whether kaddr is in the direct map of RAM (what virt_to_page accepts). */
static inline bool virt_addr_valid(const volatile void *kaddr)
{
	unsigned long a = (unsigned long)kaddr;

	return a >= PAGE_OFFSET && a - PAGE_OFFSET < (1UL << 40);
}

static inline struct page *virt_to_head_page(const void *x)
{
	return compound_head(virt_to_page(x));
}

static inline unsigned int compound_order(const struct page *page)
{
	return PageHead(page) ? page->lkpi_order : 0;
}

static inline unsigned long page_size(const struct page *page)
{
	return PAGE_SIZE << compound_order(page);
}

static inline unsigned int page_shift(const struct page *page)
{
	return PAGE_SHIFT + compound_order(page);
}

static inline int page_to_nid(const struct page *page) { return 0; }
static inline bool page_is_pfmemalloc(const struct page *page) { return false; }
static inline void set_page_private(struct page *page, unsigned long private) { page->private = private; }
static inline unsigned long page_private(const struct page *page) { return page->private; }

/* References to a page (of its compound head): the last put_page frees the block alloc_pages gave. */
static inline void get_page(struct page *page)
{
	page_ref_inc(compound_head(page));
}

static inline bool get_page_unless_zero(struct page *page)
{
	return page_ref_add_unless(page, 1, 0);
}

void put_page(struct page *page);

static inline bool put_page_testzero(struct page *page)
{
	return page_ref_dec_and_test(page);
}

/*
 * Gives a page-fragment cache's page back (its remaining references). Linux 6.6's helper; 6.1 drivers
 * call __page_frag_cache_drain on the page themselves.
 */
static inline void page_frag_cache_drain(struct page_frag_cache *nc)
{
	if (!nc->va)
		return;
	__page_frag_cache_drain(virt_to_head_page(nc->va), nc->pagecnt_bias);
	nc->va = NULL;
}

#define MAX_ORDER_NR_PAGES (1 << (MAX_ORDER - 1))

#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

/* kvmalloc's counterparts that need <linux/mm.h> in Linux. */
bool is_vmalloc_addr(const void *x);
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

static inline struct page *kmem_to_page(const void *addr)
{
	return is_vmalloc_addr(addr) ? vmalloc_to_page(addr) : virt_to_page(addr);
}

/* RAM in pages (for drivers sizing their rings and caches). */
unsigned long totalram_pages(void);

#endif
