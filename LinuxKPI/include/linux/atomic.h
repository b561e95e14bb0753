/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * atomic_t, atomic64_t and atomic_long_t with Linux's whole operation set and its ordering rules
 * (Documentation/atomic_t.txt), on the compiler's __atomic builtins:
 *   - atomic_read/atomic_set are plain single accesses (relaxed);
 *   - operations that return nothing (atomic_add, atomic_inc, atomic_and …) are unordered (relaxed);
 *   - operations that return a value (…_return, atomic_fetch_…, atomic_xchg, atomic_cmpxchg,
 *     atomic_try_cmpxchg, the …_and_test and conditional ones) are fully ordered;
 *   - the _relaxed, _acquire and _release variants order as their names say.
 * On x86-64 every read-modify-write is a locked instruction anyway.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)

#define __LKPI_RELAXED __ATOMIC_RELAXED
#define __LKPI_ACQUIRE __ATOMIC_ACQUIRE
#define __LKPI_RELEASE __ATOMIC_RELEASE
#define __LKPI_FULL __ATOMIC_SEQ_CST

/* One operation in its four orderings: name (fully ordered), name_relaxed, name_acquire, name_release. */
#define __LKPI_ATOMIC_ORDERED(p, T, V, name, params, body)			\
	static __always_inline T p##name params { const int __mo = __LKPI_FULL; body }	\
	static __always_inline T p##name##_relaxed params { const int __mo = __LKPI_RELAXED; body } \
	static __always_inline T p##name##_acquire params { const int __mo = __LKPI_ACQUIRE; body } \
	static __always_inline T p##name##_release params { const int __mo = __LKPI_RELEASE; body }

/* The release half of a read-modify-write has no acquire: give compare-exchange a valid failure order. */
#define __lkpi_fail_order(mo) ((mo) == __LKPI_RELEASE ? __LKPI_RELAXED : ((mo) == __ATOMIC_ACQ_REL ? __LKPI_ACQUIRE : (mo)))

/*
 * All operations for one atomic type: p is the prefix (atomic_), V the atomic type, T the value type.
 * The counter is accessed as its declared type C (the value type may differ, as long vs s64 does).
 */
#define __LKPI_ATOMIC_OPS(p, V, T, C)						\
	static __always_inline T p##read(const V *v) { return (T)__atomic_load_n(&v->counter, __LKPI_RELAXED); } \
	static __always_inline T p##read_acquire(const V *v) { return (T)__atomic_load_n(&v->counter, __LKPI_ACQUIRE); } \
	static __always_inline void p##set(V *v, T i) { __atomic_store_n(&v->counter, (C)i, __LKPI_RELAXED); } \
	static __always_inline void p##set_release(V *v, T i) { __atomic_store_n(&v->counter, (C)i, __LKPI_RELEASE); } \
										\
	static __always_inline void p##add(T i, V *v) { __atomic_fetch_add(&v->counter, (C)i, __LKPI_RELAXED); } \
	static __always_inline void p##sub(T i, V *v) { __atomic_fetch_sub(&v->counter, (C)i, __LKPI_RELAXED); } \
	static __always_inline void p##inc(V *v) { __atomic_fetch_add(&v->counter, 1, __LKPI_RELAXED); } \
	static __always_inline void p##dec(V *v) { __atomic_fetch_sub(&v->counter, 1, __LKPI_RELAXED); } \
	static __always_inline void p##and(T i, V *v) { __atomic_fetch_and(&v->counter, (C)i, __LKPI_RELAXED); } \
	static __always_inline void p##andnot(T i, V *v) { __atomic_fetch_and(&v->counter, ~(C)i, __LKPI_RELAXED); } \
	static __always_inline void p##or(T i, V *v) { __atomic_fetch_or(&v->counter, (C)i, __LKPI_RELAXED); } \
	static __always_inline void p##xor(T i, V *v) { __atomic_fetch_xor(&v->counter, (C)i, __LKPI_RELAXED); } \
										\
	__LKPI_ATOMIC_ORDERED(p, T, V, add_return, (T i, V *v), return (T)__atomic_add_fetch(&v->counter, (C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, sub_return, (T i, V *v), return (T)__atomic_sub_fetch(&v->counter, (C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, inc_return, (V *v), return (T)__atomic_add_fetch(&v->counter, 1, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, dec_return, (V *v), return (T)__atomic_sub_fetch(&v->counter, 1, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_add, (T i, V *v), return (T)__atomic_fetch_add(&v->counter, (C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_sub, (T i, V *v), return (T)__atomic_fetch_sub(&v->counter, (C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_inc, (V *v), return (T)__atomic_fetch_add(&v->counter, 1, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_dec, (V *v), return (T)__atomic_fetch_sub(&v->counter, 1, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_and, (T i, V *v), return (T)__atomic_fetch_and(&v->counter, (C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_andnot, (T i, V *v), return (T)__atomic_fetch_and(&v->counter, ~(C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_or, (T i, V *v), return (T)__atomic_fetch_or(&v->counter, (C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, fetch_xor, (T i, V *v), return (T)__atomic_fetch_xor(&v->counter, (C)i, __mo);) \
	__LKPI_ATOMIC_ORDERED(p, T, V, xchg, (V *v, T i), return (T)__atomic_exchange_n(&v->counter, (C)i, __mo);) \
	/* Stores new if the counter is old; returns the value found either way. */	\
	__LKPI_ATOMIC_ORDERED(p, T, V, cmpxchg, (V *v, T old, T new),		\
		C __old = (C)old;						\
		__atomic_compare_exchange_n(&v->counter, &__old, (C)new, false, __mo, __lkpi_fail_order(__mo)); \
		return (T)__old;)						\
	/* Stores new if the counter is *old and returns true; else updates *old and returns false. */ \
	__LKPI_ATOMIC_ORDERED(p, bool, V, try_cmpxchg, (V *v, T *old, T new),	\
		C __old = (C)*old;						\
		bool __ok = __atomic_compare_exchange_n(&v->counter, &__old, (C)new, false, __mo, \
							__lkpi_fail_order(__mo)); \
		*old = (T)__old;						\
		return __ok;)							\
										\
	static __always_inline bool p##sub_and_test(T i, V *v) { return p##sub_return(i, v) == 0; } \
	static __always_inline bool p##dec_and_test(V *v) { return p##dec_return(v) == 0; } \
	static __always_inline bool p##inc_and_test(V *v) { return p##inc_return(v) == 0; } \
	static __always_inline bool p##add_negative(T i, V *v) { return p##add_return(i, v) < 0; } \
	/* Adds a unless the counter is u; returns the old value. */		\
	static __always_inline T p##fetch_add_unless(V *v, T a, T u)		\
	{									\
		T c = p##read(v);						\
		do {								\
			if (c == u)						\
				break;						\
		} while (!p##try_cmpxchg(v, &c, c + a));			\
		return c;							\
	}									\
	static __always_inline bool p##add_unless(V *v, T a, T u) { return p##fetch_add_unless(v, a, u) != u; } \
	static __always_inline bool p##inc_not_zero(V *v) { return p##add_unless(v, 1, 0); } \
	static __always_inline bool p##inc_unless_negative(V *v)		\
	{									\
		T c = p##read(v);						\
		do {								\
			if (c < 0)						\
				return false;					\
		} while (!p##try_cmpxchg(v, &c, c + 1));			\
		return true;							\
	}									\
	static __always_inline bool p##dec_unless_positive(V *v)		\
	{									\
		T c = p##read(v);						\
		do {								\
			if (c > 0)						\
				return false;					\
		} while (!p##try_cmpxchg(v, &c, c - 1));			\
		return true;							\
	}									\
	/* Decrements unless the result would be negative; returns the decremented value either way. */ \
	static __always_inline T p##dec_if_positive(V *v)			\
	{									\
		T c = p##read(v);						\
		T d;								\
		do {								\
			d = c - 1;						\
			if (d < 0)						\
				break;						\
		} while (!p##try_cmpxchg(v, &c, d));				\
		return d;							\
	}

__LKPI_ATOMIC_OPS(atomic_, atomic_t, int, int)
__LKPI_ATOMIC_OPS(atomic64_, atomic64_t, s64, s64)
__LKPI_ATOMIC_OPS(atomic_long_, atomic_long_t, long, s64)

#define atomic_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic64_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic64_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic_long_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_long_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))

/* Generic xchg/cmpxchg on any naturally aligned scalar, fully ordered. */
#define xchg(ptr, x) __atomic_exchange_n((ptr), (x), __LKPI_FULL)
#define xchg_relaxed(ptr, x) __atomic_exchange_n((ptr), (x), __LKPI_RELAXED)
#define xchg_acquire(ptr, x) __atomic_exchange_n((ptr), (x), __LKPI_ACQUIRE)
#define xchg_release(ptr, x) __atomic_exchange_n((ptr), (x), __LKPI_RELEASE)
#define __lkpi_cmpxchg(ptr, old, new, mo)					\
	({									\
		__unqual_scalar_typeof(*(ptr)) __o = (old);			\
		__atomic_compare_exchange_n((ptr), &__o, (new), false, (mo), __lkpi_fail_order(mo)); \
		__o;								\
	})
#define cmpxchg(ptr, old, new) __lkpi_cmpxchg(ptr, old, new, __LKPI_FULL)
#define cmpxchg_relaxed(ptr, old, new) __lkpi_cmpxchg(ptr, old, new, __LKPI_RELAXED)
#define cmpxchg_acquire(ptr, old, new) __lkpi_cmpxchg(ptr, old, new, __LKPI_ACQUIRE)
#define cmpxchg_release(ptr, old, new) __lkpi_cmpxchg(ptr, old, new, __LKPI_RELEASE)
#define cmpxchg64(ptr, old, new) cmpxchg(ptr, old, new)
#define cmpxchg_local(ptr, old, new) cmpxchg(ptr, old, new)
#define cmpxchg64_local(ptr, old, new) cmpxchg(ptr, old, new)
#define __lkpi_try_cmpxchg(ptr, oldp, new, mo)					\
	__atomic_compare_exchange_n((ptr), (oldp), (new), false, (mo), __lkpi_fail_order(mo))
#define try_cmpxchg(ptr, oldp, new) __lkpi_try_cmpxchg(ptr, oldp, new, __LKPI_FULL)
#define try_cmpxchg_relaxed(ptr, oldp, new) __lkpi_try_cmpxchg(ptr, oldp, new, __LKPI_RELAXED)
#define try_cmpxchg_acquire(ptr, oldp, new) __lkpi_try_cmpxchg(ptr, oldp, new, __LKPI_ACQUIRE)
#define try_cmpxchg_release(ptr, oldp, new) __lkpi_try_cmpxchg(ptr, oldp, new, __LKPI_RELEASE)

#endif
