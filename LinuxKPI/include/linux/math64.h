/* SPDX-License-Identifier: GPL-2.0-only */
/* 64-bit division helpers (on x86_64 plain C division; the names exist for 32-bit ports). */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <linux/types.h>

/* Divides n (an lvalue of 64 bits) by base in place; evaluates to the 32-bit remainder. */
#define do_div(n, base)								\
	({									\
		u32 __base = (base);						\
		u32 __rem = (u32)((u64)(n) % __base);				\
		(n) = (u64)(n) / __base;					\
		__rem;								\
	})

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = (u32)(dividend % divisor);
	return dividend / divisor;
}

static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
	*remainder = (s32)(dividend % divisor);
	return dividend / divisor;
}

static inline u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor) { return dividend / divisor; }
static inline s64 div_s64(s64 dividend, s32 divisor) { return dividend / divisor; }
static inline u64 div64_u64(u64 dividend, u64 divisor) { return dividend / divisor; }
static inline s64 div64_s64(s64 dividend, s64 divisor) { return dividend / divisor; }
#define div64_ul(x, y) div64_u64((x), (y))
#define div64_long(x, y) div64_s64((x), (y))

static inline u64 mul_u32_u32(u32 a, u32 b) { return (u64)a * b; }

/* (a * mul) >> shift with a 128-bit intermediate product. */
static inline u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

static inline u64 mul_u64_u64_shr(u64 a, u64 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

/*
 * a * mul / div with a 128-bit intermediate product, as x86's one mulq and one divq (a C division of an
 * __int128 would call the compiler's __udivti3, which the kernel does not have). The quotient must fit in
 * 64 bits: like Linux's, the divide instruction faults otherwise.
 */
static inline u64 mul_u64_u64_div_u64(u64 a, u64 mul, u64 div)
{
	u64 q;

	__asm__("mulq %2; divq %3" : "=a"(q) : "a"(a), "rm"(mul), "rm"(div) : "rdx");
	return q;
}

static inline u64 mul_u64_u32_div(u64 a, u32 mul, u32 divisor)
{
	return mul_u64_u64_div_u64(a, mul, divisor);
}

#define DIV64_U64_ROUND_UP(ll, d)						\
	({									\
		u64 _tmp = (d);							\
		div64_u64((ll) + _tmp - 1, _tmp);				\
	})
#define DIV_U64_ROUND_CLOSEST(dividend, divisor)				\
	({									\
		u32 _tmp = (divisor);						\
		div_u64((u64)(dividend) + _tmp / 2, _tmp);			\
	})

#endif
