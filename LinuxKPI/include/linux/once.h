/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * DO_ONCE(func, args…): call func(args…) exactly once, however many CPUs get here together; the others
 * wait until it has returned. Evaluates to true on the one call that ran func. As in Linux, func runs
 * under a global lock with interrupts off and must not sleep; DO_ONCE_SLEEPABLE's func may sleep (the
 * others spin until it is done, Linux lets them sleep on a mutex).
 */
#ifndef _LINUX_ONCE_H
#define _LINUX_ONCE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/once_lite.h>

bool __do_once_start(bool *done, unsigned long *flags);
void __do_once_done(bool *done, unsigned long *flags);
bool __do_once_sleepable_start(bool *done);
void __do_once_sleepable_done(bool *done);

#define DO_ONCE(func, ...)							\
	({									\
		bool ___ret = false;						\
		static bool ___done = false;					\
		if (unlikely(!__atomic_load_n(&___done, __ATOMIC_ACQUIRE))) {	\
			unsigned long ___flags;					\
			___ret = __do_once_start(&___done, &___flags);		\
			if (unlikely(___ret)) {					\
				func(__VA_ARGS__);				\
				__do_once_done(&___done, &___flags);		\
			}							\
		}								\
		___ret;								\
	})

#define DO_ONCE_SLEEPABLE(func, ...)						\
	({									\
		bool ___ret = false;						\
		static bool ___done = false;					\
		if (unlikely(!__atomic_load_n(&___done, __ATOMIC_ACQUIRE))) {	\
			___ret = __do_once_sleepable_start(&___done);		\
			if (unlikely(___ret)) {					\
				func(__VA_ARGS__);				\
				__do_once_sleepable_done(&___done);		\
			}							\
		}								\
		___ret;								\
	})

#endif
