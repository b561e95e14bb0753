/* SPDX-License-Identifier: GPL-2.0-only */
/* BUG(), BUG_ON(), WARN*() (see <linux/bug.h>); the out-of-line halves are in LinuxKPI/src/bug.c. */
#ifndef _ASM_X86_BUG_H
#define _ASM_X86_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/once_lite.h>

#define TAINT_WARN 9
#define BUGFLAG_WARNING (1 << 0)
#define BUGFLAG_ONCE (1 << 1)
#define BUGFLAG_TAINT(taint) (BUGFLAG_WARNING | ((taint) << 8))

/* Stops the kernel: "kernel BUG at file:line!" and a backtrace. */
void __noreturn lkpi_bug(const char *file, int line, const char *function);
/* Logs "WARNING: CPU: N at file:line function" and a backtrace of the caller. */
void lkpi_warn(const char *file, int line, const char *function);
/* Logs WARN()'s own message before the report (Linux's name: modules built for Linux import it). */
__printf(1, 2) void __warn_printk(const char *fmt, ...);

#define BUG() lkpi_bug(__FILE__, __LINE__, __func__)
#define BUG_ON(condition)							\
	do {									\
		if (unlikely(condition))					\
			BUG();							\
	} while (0)

#define __WARN() lkpi_warn(__FILE__, __LINE__, __func__)
#define __WARN_printf(taint, arg...)						\
	do {									\
		__warn_printk(arg);						\
		__WARN();							\
	} while (0)

#define WARN_ON(condition)							\
	({									\
		int __ret_warn_on = !!(condition);				\
		if (unlikely(__ret_warn_on))					\
			__WARN();						\
		unlikely(__ret_warn_on);					\
	})
#define WARN(condition, format...)						\
	({									\
		int __ret_warn_on = !!(condition);				\
		if (unlikely(__ret_warn_on))					\
			__WARN_printf(TAINT_WARN, format);			\
		unlikely(__ret_warn_on);					\
	})
#define WARN_TAINT(condition, taint, format...) WARN(condition, format)
#define WARN_ON_ONCE(condition) DO_ONCE_LITE_IF(condition, __WARN)
#define WARN_ONCE(condition, format...) DO_ONCE_LITE_IF(condition, __WARN_printf, TAINT_WARN, format)
#define WARN_TAINT_ONCE(condition, taint, format...) WARN_ONCE(condition, format)
#define WARN_ON_SMP(x) WARN_ON(x)

#endif
