/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * BUG/WARN. BUG() and BUG_ON() stop the kernel through the Swift panic path (message, file:line,
 * symbolized backtrace). WARN*() log "WARNING: CPU: N at file:line function" with a backtrace and go on;
 * each evaluates to its condition. The _ONCE forms warn the first time per call site.
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <asm/bug.h>
#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/once_lite.h>

#define MAYBE_BUILD_BUG_ON(cond)						\
	do {									\
		if (__builtin_constant_p((cond)))				\
			BUILD_BUG_ON(cond);					\
		else								\
			BUG_ON(cond);						\
	} while (0)

enum bug_trap_type {
	BUG_TRAP_TYPE_NONE = 0,
	BUG_TRAP_TYPE_WARN = 1,
	BUG_TRAP_TYPE_BUG = 2,
};

/* Warns when a list or other structure is found corrupted; evaluates to the condition. */
#define CHECK_DATA_CORRUPTION(condition, fmt, ...)				\
	({									\
		bool corruption = unlikely(condition);				\
		if (corruption)							\
			WARN(1, fmt, ##__VA_ARGS__);				\
		corruption;							\
	})

#endif
