/* SPDX-License-Identifier: GPL-2.0-only */
/* The page flags LinuxKPI keeps (a compound page's head and tails) and the tests drivers use. */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/bitops.h>
#include <linux/mm_types.h>

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_reserved,
	PG_private,
	PG_writeback,
	PG_head,
	PG_swapbacked,
	PG_unevictable,
	__NR_PAGEFLAGS,
};

static __always_inline int PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static __always_inline int PageHead(const struct page *page)
{
	return test_bit(PG_head, &page->flags);
}

static __always_inline int PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

static __always_inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (unlikely(head & 1))
		return (struct page *)(head - 1);
	return (struct page *)page;
}

/* Apus has no high memory, no reserved-page accounting and no memory reserves. */
static inline int PageHighMem(const struct page *page) { return 0; }
static inline int PageReserved(const struct page *page) { return test_bit(PG_reserved, &page->flags); }
static inline int PageSlab(const struct page *page) { return 0; }

#endif
