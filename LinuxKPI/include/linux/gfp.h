/* SPDX-License-Identifier: GPL-2.0-only */
/* GFP flags (<linux/gfp_types.h>) and what they ask for. */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/gfp_types.h>

/* Whether the caller allows the allocator to sleep (Apus' allocators never do either way). */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

static inline bool gfp_has_io_fs(gfp_t gfp)
{
	return (gfp & (__GFP_IO | __GFP_FS)) == (__GFP_IO | __GFP_FS);
}

#endif
