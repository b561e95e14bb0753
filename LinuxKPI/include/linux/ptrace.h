/* SPDX-License-Identifier: GPL-2.0-only */
/* Process tracing. Apus has no user processes: only the system-call return helper drivers use. */
#ifndef _LINUX_PTRACE_H
#define _LINUX_PTRACE_H

#include <linux/compat.h>
#include <linux/uaccess.h>

/* x86 needs nothing to let a negative ioctl result through as a success; as in Linux's x86. */
#define force_successful_syscall_return() do { } while (0)

#endif
