/* SPDX-License-Identifier: GPL-2.0-only */
/* 32-bit compatibility system calls. Apus runs no 32-bit user code (CONFIG_COMPAT is off). */
#ifndef _LINUX_COMPAT_H
#define _LINUX_COMPAT_H

#include <linux/types.h>

typedef u32 compat_uptr_t;

static inline bool in_compat_syscall(void)
{
	return false;
}

static inline void __user *compat_ptr(compat_uptr_t uptr)
{
	return (void __user *)(unsigned long)uptr;
}

#endif
