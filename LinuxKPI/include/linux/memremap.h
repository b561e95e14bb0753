/* SPDX-License-Identifier: GPL-2.0-only */
/* Device memory with struct pages (ZONE_DEVICE). Off in Apus: no page is ever device memory. */
#ifndef _LINUX_MEMREMAP_H_
#define _LINUX_MEMREMAP_H_

#include <linux/mm.h>

/* The alignment memremap_pages() needs; x86 has no stricter one than a page. */
static inline unsigned long memremap_compat_align(void)
{
	return PAGE_SIZE;
}

static inline bool is_pci_p2pdma_page(const struct page *page)
{
	return false;
}

#endif
