/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * min/max/clamp with Linux's rules: min(x, y) wants both operands of one type (a "comparison of distinct
 * pointer types" warning otherwise; min_t/max_t cast first), evaluates each operand once, and stays an
 * integer constant expression when both operands are constants (so it may size an array).
 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler.h>
#include <linux/const.h>

/* Comparing pointers to the two types warns when they differ; the value is always 1. */
#define __typecheck(x, y) (!!(sizeof((typeof(x) *)1 == (typeof(y) *)1)))
#define __no_side_effects(x, y) (__is_constexpr(x) && __is_constexpr(y))
#define __safe_cmp(x, y) (__typecheck(x, y) && __no_side_effects(x, y))

#define __cmp(x, y, op) ((x) op (y) ? (x) : (y))
#define __cmp_once(x, y, ux, uy, op)						\
	({									\
		typeof(x) ux = (x);						\
		typeof(y) uy = (y);						\
		__cmp(ux, uy, op);						\
	})
#define __careful_cmp(x, y, op)							\
	__builtin_choose_expr(__safe_cmp(x, y), __cmp(x, y, op),		\
			      __cmp_once(x, y, __UNIQUE_ID(__x), __UNIQUE_ID(__y), op))

#define __clamp(val, lo, hi) ((val) >= (hi) ? (hi) : ((val) <= (lo) ? (lo) : (val)))
#define __clamp_once(val, lo, hi, uval, ulo, uhi)				\
	({									\
		typeof(val) uval = (val);					\
		typeof(lo) ulo = (lo);						\
		typeof(hi) uhi = (hi);						\
		__clamp(uval, ulo, uhi);					\
	})
#define __careful_clamp(val, lo, hi)						\
	({									\
		(void)(__typecheck(val, lo) && __typecheck(val, hi));		\
		__builtin_choose_expr(__is_constexpr((val) - (lo) + (hi)),	\
				      __clamp(val, lo, hi),			\
				      __clamp_once(val, lo, hi, __UNIQUE_ID(__val), \
						   __UNIQUE_ID(__lo), __UNIQUE_ID(__hi))); \
	})

#define min(x, y) __careful_cmp(x, y, <)
#define max(x, y) __careful_cmp(x, y, >)
#define min3(x, y, z) min((typeof(x))min(x, y), z)
#define max3(x, y, z) max((typeof(x))max(x, y), z)
#define min_not_zero(x, y)							\
	({									\
		typeof(x) __x = (x);						\
		typeof(y) __y = (y);						\
		__x == 0 ? __y : ((__y == 0) ? __x : min(__x, __y));		\
	})
#define clamp(val, lo, hi) __careful_clamp(val, lo, hi)

#define min_t(type, x, y) __careful_cmp((type)(x), (type)(y), <)
#define max_t(type, x, y) __careful_cmp((type)(x), (type)(y), >)
#define clamp_t(type, val, lo, hi) __careful_clamp((type)(val), (type)(lo), (type)(hi))
#define clamp_val(val, lo, hi) clamp_t(typeof(val), val, lo, hi)

#define swap(a, b)								\
	do {									\
		typeof(a) __tmp = (a);						\
		(a) = (b);							\
		(b) = __tmp;							\
	} while (0)

#endif
