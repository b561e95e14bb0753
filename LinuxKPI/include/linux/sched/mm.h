/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Allocation scopes (memalloc_noio_save and friends). Apus never swaps or writes pages back to make room,
 * so an allocation can never recurse into I/O or a filesystem: the scopes only record the task's flag.
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/sched.h>

static inline unsigned int __lkpi_memalloc_save(unsigned int flag)
{
	unsigned int old = current->flags & flag;
	current->flags |= flag;
	return old;
}

static inline void __lkpi_memalloc_restore(unsigned int flag, unsigned int old)
{
	current->flags = (current->flags & ~flag) | old;
}

static inline unsigned int memalloc_noio_save(void) { return __lkpi_memalloc_save(PF_MEMALLOC_NOIO); }
static inline void memalloc_noio_restore(unsigned int flags) { __lkpi_memalloc_restore(PF_MEMALLOC_NOIO, flags); }
static inline unsigned int memalloc_nofs_save(void) { return __lkpi_memalloc_save(PF_MEMALLOC_NOFS); }
static inline void memalloc_nofs_restore(unsigned int flags) { __lkpi_memalloc_restore(PF_MEMALLOC_NOFS, flags); }
static inline unsigned int memalloc_noreclaim_save(void) { return __lkpi_memalloc_save(PF_MEMALLOC); }
static inline void memalloc_noreclaim_restore(unsigned int flags) { __lkpi_memalloc_restore(PF_MEMALLOC, flags); }

#endif
