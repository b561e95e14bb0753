/* SPDX-License-Identifier: GPL-2.0-only */
/* Persistent reservation types and flags (Linux's user ABI values). */
#ifndef _UAPI_PR_H
#define _UAPI_PR_H

#include <linux/types.h>

enum pr_type {
	PR_WRITE_EXCLUSIVE		= 1,
	PR_EXCLUSIVE_ACCESS		= 2,
	PR_WRITE_EXCLUSIVE_REG_ONLY	= 3,
	PR_EXCLUSIVE_ACCESS_REG_ONLY	= 4,
	PR_WRITE_EXCLUSIVE_ALL_REGS	= 5,
	PR_EXCLUSIVE_ACCESS_ALL_REGS	= 6,
};

#define PR_FL_IGNORE_KEY	(1 << 0)

#endif
