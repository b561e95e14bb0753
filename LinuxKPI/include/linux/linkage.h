/* SPDX-License-Identifier: GPL-2.0-only */
/* Calling-convention and symbol annotations; on x86-64 every C function already uses the one ABI. */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>
#include <linux/export.h>

#define asmlinkage
#define SYSCALL_ALIAS(alias, name)
#define cond_syscall(x)

#endif
