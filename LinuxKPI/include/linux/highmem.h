/* SPDX-License-Identifier: GPL-2.0-only */
/* Mapping pages into the kernel: Apus has no high memory, every page is in the direct map already. */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>
#include <linux/string.h>

static inline void *kmap(struct page *page) { return page_address(page); }
static inline void kunmap(struct page *page) { }
static inline void *kmap_atomic(struct page *page) { return page_address(page); }
static inline void *kmap_local_page(struct page *page) { return page_address(page); }
#define kunmap_atomic(addr) do { (void)(addr); } while (0)
#define kunmap_local(addr) do { (void)(addr); } while (0)

static inline void clear_highpage(struct page *page)
{
	memset(page_address(page), 0, PAGE_SIZE);
}

static inline void zero_user_segment(struct page *page, unsigned int start, unsigned int end)
{
	memset((char *)page_address(page) + start, 0, end - start);
}

static inline void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len)
{
	memcpy(to, (char *)page_address(page) + offset, len);
}

static inline void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len)
{
	memcpy((char *)page_address(page) + offset, from, len);
}

static inline void memzero_page(struct page *page, size_t offset, size_t len)
{
	memset((char *)page_address(page) + offset, 0, len);
}

#endif
