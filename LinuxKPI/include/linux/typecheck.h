/* SPDX-License-Identifier: GPL-2.0-only */
/* typecheck(type, x): a compiler warning when x is not of that type; the expression's value is 1. */
#ifndef _LINUX_TYPECHECK_H
#define _LINUX_TYPECHECK_H

#define typecheck(type, x)					\
	({							\
		type __dummy;					\
		typeof(x) __dummy2;				\
		(void)(&__dummy == &__dummy2);			\
		1;						\
	})

#define typecheck_fn(type, function)				\
	({							\
		typeof(type) __tmp = function;			\
		(void)__tmp;					\
	})

/* Pointer (not an integer): checked at build time. */
#define typecheck_pointer(x)					\
	({							\
		typeof(x) __dummy;				\
		(void)sizeof(*__dummy);				\
		1;						\
	})

#endif
