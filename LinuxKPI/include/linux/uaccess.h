/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Copies between kernel and user memory. Apus has no user space yet: a __user pointer a driver sees comes
 * from an in-kernel caller, and the out-of-line copies are LinuxKPI's (they return the bytes not copied).
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);

#endif
