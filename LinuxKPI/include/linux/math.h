/* SPDX-License-Identifier: GPL-2.0-only */
/* Integer rounding and division helpers: round_up/down, DIV_ROUND_UP/CLOSEST, roundup, abs, mult_frac. */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>
#include <linux/const.h>
#include <linux/math64.h>

/* y must be a power of two. */
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))

#define DIV_ROUND_UP __KERNEL_DIV_ROUND_UP
#define DIV_ROUND_DOWN_ULL(ll, d)						\
	({									\
		unsigned long long _tmp = (ll);					\
		_tmp /= (d);							\
		_tmp;								\
	})
#define DIV_ROUND_UP_ULL(ll, d) DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))
#define DIV_ROUND_UP_SECTOR_T(ll, d) DIV_ROUND_UP_ULL(ll, d)

/* Any y (not only powers of two). */
#define roundup(x, y)								\
	({									\
		typeof(y) __y = y;						\
		(((x) + (__y - 1)) / __y) * __y;				\
	})
#define rounddown(x, y)								\
	({									\
		typeof(x) __x = (x);						\
		__x - (__x % (y));						\
	})

/* Division rounded to the nearest integer; for signed operands it rounds half away from zero. */
#define DIV_ROUND_CLOSEST(x, divisor)						\
	({									\
		typeof(x) __x = x;						\
		typeof(divisor) __d = divisor;					\
		(((typeof(x))-1) > 0 || ((typeof(divisor))-1) > 0 ||		\
		 (((__x) > 0) == ((__d) > 0))) ?				\
			(((__x) + ((__d) / 2)) / (__d)) :			\
			(((__x) - ((__d) / 2)) / (__d));			\
	})
#define DIV_ROUND_CLOSEST_ULL(x, divisor)					\
	({									\
		typeof(divisor) __d = divisor;					\
		unsigned long long _tmp = (x) + (__d) / 2;			\
		_tmp /= __d;							\
		_tmp;								\
	})

/* x * numer / denom without overflowing in the intermediate product (when x / denom fits). */
#define mult_frac(x, numer, denom)						\
	({									\
		typeof(x) quot = (x) / (denom);					\
		typeof(x) rem = (x) % (denom);					\
		(quot * (numer)) + ((rem * (numer)) / (denom));			\
	})

#define sector_div(a, b) do_div(a, b)

/* The absolute value, in the operand's own type (long long stays long long). */
#define abs(x)									\
	__builtin_choose_expr(sizeof(x) == sizeof(long long),			\
		({ long long __x = (x); __x < 0 ? -__x : __x; }),		\
		({ long __x = (x); (typeof(x))(__x < 0 ? -__x : __x); }))
#define abs_diff(a, b)								\
	({									\
		typeof(a) __a = (a);						\
		typeof(b) __b = (b);						\
		(void)(&__a == &__b);						\
		__a > __b ? (__a - __b) : (__b - __a);				\
	})

static inline u32 reciprocal_scale(u32 val, u32 ep_ro)
{
	return (u32)(((u64)val * ep_ro) >> 32);
}

#endif
