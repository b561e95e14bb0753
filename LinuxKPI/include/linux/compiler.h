/* SPDX-License-Identifier: GPL-2.0-only */
/* Branch hints, compiler barriers and single-copy memory access (READ_ONCE/WRITE_ONCE). */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely_notrace(x) likely(x)
#define unlikely_notrace(x) unlikely(x)

/* Stops the compiler from moving memory accesses across this point. */
#define barrier() __asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr) __asm__ __volatile__("" : : "r"(ptr) : "memory")
#define OPTIMIZER_HIDE_VAR(var) __asm__("" : "=r"(var) : "0"(var))
#define RELOC_HIDE(ptr, off) ((typeof(ptr))((unsigned long)(ptr) + (off)))
/* A fixed address the compiler may not reason about (no out-of-bounds warnings on it). */
#define absolute_pointer(val) RELOC_HIDE((void *)(val), 0)

#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)

/* A build error when `a` is a pointer, not an array (used by ARRAY_SIZE). */
#define __must_be_array(a) (sizeof(struct { int : (-!!__same_type((a), &(a)[0])); }))
#define __is_constexpr(x) (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))

/*
 * One load or store of the whole object, never torn, merged or repeated by the compiler (x86 makes
 * naturally aligned word accesses atomic).
 */
#define __READ_ONCE(x) (*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define READ_ONCE(x)								\
	({									\
		compiletime_assert_atomic_type(typeof(x));			\
		(typeof(x))__READ_ONCE(x);					\
	})
#define __WRITE_ONCE(x, val)							\
	do {									\
		*(volatile typeof(x) *)&(x) = (val);				\
	} while (0)
#define WRITE_ONCE(x, val)							\
	do {									\
		compiletime_assert_atomic_type(typeof(x));			\
		__WRITE_ONCE(x, val);						\
	} while (0)
#define data_race(expr) (expr)

#endif /* __ASSEMBLY__ */
#endif
