/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct page: one per 4 KiB page frame, created on first use (see <linux/mm.h>), and the page-fragment
 * cache. Apus' struct page is 64 bytes, like Linux's, but holds only what LinuxKPI and drivers use.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/const.h>
#include <asm/page.h>

struct address_space;

struct page {
	unsigned long flags; /* PG_* bits (<linux/page-flags.h>) */
	union {
		/* Free for the owner of the page. */
		struct list_head lru;
		/* In a tail page of a compound page: the head's address | 1 (overlays lru.next). */
		unsigned long compound_head;
	};
	unsigned long private;
	struct address_space *mapping;
	unsigned long index;
	atomic_t _refcount;
	unsigned int lkpi_order; /* of the block a head page starts (alloc_pages) */
	unsigned long lkpi_pfn;	 /* the frame this struct describes */
};

/* A cache of page fragments (page_frag_alloc), refilled a compound page at a time. */
#define PAGE_FRAG_CACHE_MAX_SIZE __ALIGN_KERNEL(32768, PAGE_SIZE)
#define PAGE_FRAG_CACHE_MAX_ORDER 3

struct page_frag_cache {
	void *va;
	__u16 offset;
	__u16 size;
	/* References the cache still owns on its page (returned together when the page is used up). */
	unsigned int pagecnt_bias;
	bool pfmemalloc;
};

/* A piece of a page (used by sockets and skb frags). */
struct page_frag {
	struct page *page;
	__u32 offset;
	__u32 size;
};

#endif
