// SPDX-License-Identifier: GPL-2.0-only
/*
 * alloc_pages and struct page (bridge section "memory"). Blocks come from the Swift buddy allocator;
 * each 4 MiB region of physical memory gets its 1024 struct pages the first time one of them is needed
 * (a kzalloc'ed chunk reached through a two-level table), so only memory LinuxKPI touches pays for them.
 * Reference counting follows Linux: alloc_pages returns a head page with count 1, and the put that drops
 * it to zero frees the block with the order it was allocated with.
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/export.h>
#include <linux/atomic.h>
#include <linux/vmalloc.h>
#include <apus/bridge.h>

#define CHUNK_SHIFT 10 /* 1024 pages = 4 MiB per chunk: a block of MAX_ORDER - 1 never spans two */
#define CHUNK_PAGES (1UL << CHUNK_SHIFT)
#define DIR_SHIFT 9
#define DIR_ENTRIES (1UL << DIR_SHIFT)
/* Two levels of 512 entries over chunks of 1024 pages: 2^28 frames, 1 TiB of physical memory. */
#define MAX_PFN (DIR_ENTRIES * DIR_ENTRIES * CHUNK_PAGES)

static struct page **memmap_dir[DIR_ENTRIES];

/* Installs *slot = fresh unless another CPU was first; returns what the slot holds afterwards. */
static void *lkpi_install(void **slot, void *fresh)
{
	void *expected = NULL;

	if (__atomic_compare_exchange_n(slot, &expected, fresh, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return fresh;
	kfree(fresh);
	return expected;
}

struct page *pfn_to_page(unsigned long pfn)
{
	unsigned long chunk = pfn >> CHUNK_SHIFT;
	struct page ***top = &memmap_dir[chunk >> DIR_SHIFT];
	struct page **second;
	struct page *pages;

	if (WARN_ON_ONCE(pfn >= MAX_PFN))
		return NULL;
	second = __atomic_load_n(top, __ATOMIC_ACQUIRE);
	if (unlikely(!second)) {
		second = kcalloc(DIR_ENTRIES, sizeof(*second), GFP_ATOMIC);
		if (!second)
			return NULL;
		second = lkpi_install((void **)top, second);
	}
	pages = __atomic_load_n(&second[chunk & (DIR_ENTRIES - 1)], __ATOMIC_ACQUIRE);
	if (unlikely(!pages)) {
		pages = kcalloc(CHUNK_PAGES, sizeof(*pages), GFP_ATOMIC);
		if (!pages)
			return NULL;
		for (unsigned long i = 0; i < CHUNK_PAGES; i++)
			pages[i].lkpi_pfn = (chunk << CHUNK_SHIFT) + i;
		pages = lkpi_install((void **)&second[chunk & (DIR_ENTRIES - 1)], pages);
	}
	return &pages[pfn & (CHUNK_PAGES - 1)];
}
EXPORT_SYMBOL(pfn_to_page);

/* The highest physical address + 1 a block may reach for these flags (0: no limit). */
static u64 lkpi_zone_limit(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return 16ULL << 20;
	if (gfp & __GFP_DMA32)
		return 4ULL << 30;
	return 0;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;
	u64 phys;

	if (WARN_ON_ONCE(order >= MAX_ORDER))
		return NULL;
	if (!apus_pages_alloc(order, lkpi_zone_limit(gfp), &phys)) {
		if (gfp & __GFP_NOFAIL)
			panic("out of memory: a __GFP_NOFAIL allocation of order %u failed", order);
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order:%u, mode:%#x\n", order, gfp);
		return NULL;
	}
	page = pfn_to_page(phys >> PAGE_SHIFT);
	/* Every chunk a block needs is created here, so later lookups of its pages cannot fail. */
	if (!page || (order && !pfn_to_page((phys >> PAGE_SHIFT) + (1UL << order) - 1))) {
		apus_pages_free(phys, order);
		return NULL;
	}
	if (gfp & __GFP_ZERO)
		memset(__va(phys), 0, PAGE_SIZE << order);
	page->flags = 0;
	page->compound_head = 0;
	page->private = 0;
	page->mapping = NULL;
	page->index = 0;
	page->lkpi_order = order;
	if (order && (gfp & __GFP_COMP)) {
		__set_bit(PG_head, &page->flags);
		for (unsigned long i = 1; i < (1UL << order); i++) {
			page[i].flags = 0;
			page[i].private = 0;
			set_page_count(&page[i], 0);
			WRITE_ONCE(page[i].compound_head, (unsigned long)page | 1);
		}
	}
	set_page_count(page, 1);
	return page;
}
EXPORT_SYMBOL(alloc_pages);

/* Gives a head page's block back to the allocator (its count reached zero). */
static void lkpi_free_block(struct page *page)
{
	unsigned int order = page->lkpi_order;

	if (PageHead(page)) {
		for (unsigned long i = 1; i < (1UL << order); i++)
			WRITE_ONCE(page[i].compound_head, 0);
		__clear_bit(PG_head, &page->flags);
	}
	apus_pages_free(page_to_phys(page), order);
}

/*
 * Drops the caller's reference; the block goes back when it was the last. Linux frees the tail part of
 * a non-compound block at once when other references remain; Apus keeps the whole block until the last
 * put_page of its first page.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (WARN_ONCE(order != page->lkpi_order, "__free_pages: order %u, allocated as %u\n", order,
		      page->lkpi_order))
		return;
	if (put_page_testzero(page))
		lkpi_free_block(page);
}
EXPORT_SYMBOL(__free_pages);

void put_page(struct page *page)
{
	page = compound_head(page);
	if (put_page_testzero(page))
		lkpi_free_block(page);
}
EXPORT_SYMBOL(put_page);

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}
EXPORT_SYMBOL(__get_free_pages);

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}
EXPORT_SYMBOL(get_zeroed_page);

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr == 0)
		return;
	if (WARN_ONCE(!virt_addr_valid((void *)addr), "free_pages: %#lx is not in the direct map\n", addr))
		return;
	__free_pages(virt_to_page((void *)addr), order);
}
EXPORT_SYMBOL(free_pages);

/*
 * size bytes of whole pages. Linux splits the block and frees the pages beyond size; here the block
 * stays whole until free_pages_exact (the tail pages are not handed to anyone else meanwhile).
 */
void *alloc_pages_exact(size_t size, gfp_t gfp_mask)
{
	unsigned int order = get_order(size);

	if (WARN_ON_ONCE(gfp_mask & __GFP_COMP))
		gfp_mask &= ~__GFP_COMP;
	return (void *)__get_free_pages(gfp_mask, order);
}
EXPORT_SYMBOL(alloc_pages_exact);

void free_pages_exact(void *virt, size_t size)
{
	free_pages((unsigned long)virt, get_order(size));
}
EXPORT_SYMBOL(free_pages_exact);

unsigned long totalram_pages(void)
{
	return apus_mem_total_pages();
}
EXPORT_SYMBOL(totalram_pages);

/* ---- page fragments ---- */

/* A fresh page for the cache: a 32 KiB compound page if one is free, else a single page. */
static struct page *lkpi_frag_refill(struct page_frag_cache *nc, gfp_t gfp_mask)
{
	struct page *page;

	page = alloc_pages((gfp_mask & ~__GFP_DIRECT_RECLAIM) | __GFP_COMP | __GFP_NOWARN | __GFP_NORETRY,
			   PAGE_FRAG_CACHE_MAX_ORDER);
	nc->size = page ? PAGE_FRAG_CACHE_MAX_SIZE : PAGE_SIZE;
	if (!page)
		page = alloc_pages(gfp_mask, 0);
	nc->va = page ? page_address(page) : NULL;
	return page;
}

/*
 * Carves fragsz bytes from the cache's page, from its end downwards. The cache holds a large stock of
 * references on the page (pagecnt_bias) and hands one out with each fragment, so freeing a fragment is a
 * plain put_page; when the page is used up, the cache returns its unused references and reuses the page
 * at once if every fragment was already freed.
 */
void *page_frag_alloc_align(struct page_frag_cache *nc, unsigned int fragsz, gfp_t gfp_mask,
			    unsigned int align_mask)
{
	struct page *page;
	int offset;

	if (unlikely(!nc->va)) {
refill:
		page = lkpi_frag_refill(nc, gfp_mask);
		if (!page)
			return NULL;
		/* One reference per possible fragment (at most one per byte), plus the page's own. */
		page_ref_add(page, PAGE_FRAG_CACHE_MAX_SIZE);
		nc->pfmemalloc = false;
		nc->pagecnt_bias = PAGE_FRAG_CACHE_MAX_SIZE + 1;
		nc->offset = nc->size;
	}
	offset = nc->offset - fragsz;
	if (unlikely(offset < 0)) {
		page = virt_to_page(nc->va);
		if (!page_ref_sub_and_test(page, nc->pagecnt_bias))
			goto refill;
		/* Every fragment came back: the page is ours alone again. */
		set_page_count(page, PAGE_FRAG_CACHE_MAX_SIZE + 1);
		nc->pagecnt_bias = PAGE_FRAG_CACHE_MAX_SIZE + 1;
		offset = nc->size - fragsz;
		if (unlikely(offset < 0)) {
			/* Larger than the cache's page can ever give. */
			return NULL;
		}
	}
	nc->pagecnt_bias--;
	offset &= align_mask;
	nc->offset = offset;
	return nc->va + offset;
}
EXPORT_SYMBOL(page_frag_alloc_align);

void page_frag_free(void *addr)
{
	put_page(virt_to_head_page(addr));
}
EXPORT_SYMBOL(page_frag_free);

/* Drops `count` references at once (a cache being torn down returns its pagecnt_bias). */
void __page_frag_cache_drain(struct page *page, unsigned int count)
{
	page = compound_head(page);
	if (page_ref_sub_and_test(page, count))
		lkpi_free_block(page);
}
EXPORT_SYMBOL(__page_frag_cache_drain);
