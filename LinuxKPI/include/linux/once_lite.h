/* SPDX-License-Identifier: GPL-2.0-only */
/* DO_ONCE_LITE: run a statement the first time this spot is reached (racing CPUs may both run it). */
#ifndef _LINUX_ONCE_LITE_H
#define _LINUX_ONCE_LITE_H

#include <linux/types.h>
#include <linux/compiler.h>

#define DO_ONCE_LITE(func, ...) DO_ONCE_LITE_IF(true, func, ##__VA_ARGS__)

/* Evaluates to condition; func(...) runs only the first time condition is true. */
#define DO_ONCE_LITE_IF(condition, func, ...)					\
	({									\
		static bool __already_done;					\
		bool __ret_do_once = !!(condition);				\
										\
		if (unlikely(__ret_do_once && !__already_done)) {		\
			__already_done = true;					\
			func(__VA_ARGS__);					\
		}								\
		unlikely(__ret_do_once);					\
	})

#endif
