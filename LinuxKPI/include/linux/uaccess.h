/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copies between kernel and user memory. Apus has no user space yet: a __user pointer a driver sees comes
 * from an in-kernel caller, and the out-of-line copies are LinuxKPI's (they return the bytes not copied).
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);

/* One value to or from user memory: 0, or -EFAULT when the copy fell short. */
#define put_user(x, ptr)							\
({									\
	__typeof__(*(ptr)) __pu_val = (x);					\
	copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT : 0;		\
})

#define get_user(x, ptr)							\
({									\
	__typeof__(*(ptr)) __gu_val;						\
	int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(__gu_val)) ? -EFAULT : 0; \
	(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val;			\
	__gu_err;								\
})

#endif
