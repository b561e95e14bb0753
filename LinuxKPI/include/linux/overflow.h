/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Overflow-checked arithmetic: check_{add,sub,mul}_overflow store the wrapped result and return true on
 * overflow; size_mul/size_add/struct_size saturate at SIZE_MAX so an allocation of the result fails.
 */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/const.h>

#define is_signed_type(type) (((type)(-1)) < (__force type)1)
#define is_unsigned_type(type) (!is_signed_type(type))
#define __type_half_max(type) ((type)1 << (8 * sizeof(type) - 1 - is_signed_type(type)))
#define type_max(T) ((T)((__type_half_max(T) - 1) + __type_half_max(T)))
#define type_min(T) ((T)((T)-type_max(T) - (T)1))

static inline bool __must_check __must_check_overflow(bool overflow)
{
	return unlikely(overflow);
}

#define check_add_overflow(a, b, d) __must_check_overflow(__builtin_add_overflow(a, b, d))
#define check_sub_overflow(a, b, d) __must_check_overflow(__builtin_sub_overflow(a, b, d))
#define check_mul_overflow(a, b, d) __must_check_overflow(__builtin_mul_overflow(a, b, d))

/* a << s into *d; true when bits or the sign are lost. */
#define check_shl_overflow(a, s, d)						\
	__must_check_overflow(({						\
		typeof(a) _a = a;						\
		typeof(s) _s = s;						\
		typeof(d) _d = d;						\
		u64 _a_full = _a;						\
		unsigned int _to_shift = is_signed_type(typeof(_s)) && _s < 0 ? 0 : \
			_s >= 8 * sizeof(*_d) ? 8 * sizeof(*_d) - 1 : _s;	\
		*_d = (_a_full << _to_shift);					\
		(_to_shift != _s || is_signed_type(typeof(*_d)) && *_d < 0 ||	\
		 (*_d >> _to_shift) != _a);					\
	}))

static inline size_t __must_check size_mul(size_t factor1, size_t factor2)
{
	size_t bytes;

	if (check_mul_overflow(factor1, factor2, &bytes))
		return SIZE_MAX;
	return bytes;
}

static inline size_t __must_check size_add(size_t addend1, size_t addend2)
{
	size_t bytes;

	if (check_add_overflow(addend1, addend2, &bytes))
		return SIZE_MAX;
	return bytes;
}

static inline size_t __must_check size_sub(size_t minuend, size_t subtrahend)
{
	size_t bytes;

	if (minuend == SIZE_MAX || subtrahend == SIZE_MAX || check_sub_overflow(minuend, subtrahend, &bytes))
		return SIZE_MAX;
	return bytes;
}

#define array_size(a, b) size_mul(a, b)
#define array3_size(a, b, c) size_mul(size_mul(a, b), c)
/* Bytes of `count` elements of the flexible array `member` of *p. */
#define flex_array_size(p, member, count)					\
	__builtin_choose_expr(__is_constexpr(count), (count) * sizeof(*(p)->member) + __must_be_array((p)->member), \
			      size_mul(count, sizeof(*(p)->member) + __must_be_array((p)->member)))
/* Bytes of *p with `count` elements in its trailing flexible array `member`. */
#define struct_size(p, member, count)						\
	__builtin_choose_expr(__is_constexpr(count),				\
			      sizeof(*(p)) + flex_array_size(p, member, count),	\
			      size_add(sizeof(*(p)), flex_array_size(p, member, count)))

#endif
