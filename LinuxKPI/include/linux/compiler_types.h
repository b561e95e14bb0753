/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Annotations and attributes every Linux file may use without including anything: flags.mk force-includes
 * this header into each LinuxKPI and module compile, as Linux's build does. Sparse-only annotations
 * (__user, __iomem, __rcu, __bitwise …) expand to nothing: Apus has one address space and no checker run.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#ifndef __ASSEMBLY__

/* Checker annotations */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __nocast
#define __safe
#define __private
#define __bitwise
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x) ((void)0)
#define __release(x) ((void)0)
#define __cond_lock(x, c) (c)
#define ACCESS_PRIVATE(p, member) ((p)->member)

/* Attributes */
#define __always_inline inline __attribute__((__always_inline__))
#define __inline__ inline
#define __inline inline
#define noinline __attribute__((__noinline__))
#define __noinline noinline
#define noinline_for_stack noinline
#define __aligned(x) __attribute__((__aligned__(x)))
#define __aligned_largest __attribute__((__aligned__))
#define __packed __attribute__((__packed__))
#define __maybe_unused __attribute__((__unused__))
#define __always_unused __attribute__((__unused__))
#define __used __attribute__((__used__))
#define __weak __attribute__((__weak__))
#define __section(s) __attribute__((__section__(s)))
#define __cold __attribute__((__cold__))
#define __hot __attribute__((__hot__))
#define __noreturn __attribute__((__noreturn__))
#define __pure __attribute__((__pure__))
#define __attribute_const__ __attribute__((__const__))
#define __malloc __attribute__((__malloc__))
#define __must_check __attribute__((__warn_unused_result__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __scanf(a, b) __attribute__((__format__(scanf, a, b)))
#define __alias(symbol) __attribute__((__alias__(#symbol)))
#define __copy(symbol) __attribute__((__copy__(symbol)))
#define __visible __attribute__((__externally_visible__))
#define __nonstring
#define __noclone
#define __no_sanitize_address
#define __assume_aligned(a, ...) __attribute__((__assume_aligned__(a, ##__VA_ARGS__)))
#define __designated_init
#define __randomize_layout
#define __no_randomize_layout
#define __latent_entropy
#define __counted_by(member)
#define notrace
#define __naked __attribute__((__naked__)) notrace
#define __deprecated
#define __gnu_inline __attribute__((__gnu_inline__))
#define fallthrough __attribute__((__fallthrough__))
#define __compiletime_error(msg) __attribute__((__error__(msg)))
#define __diag_push()
#define __diag_pop()
#define __diag_ignore(compiler, version, option, comment)
#define __diag_ignore_all(option, comment)

/* Type helpers */
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __native_word(t) \
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) || sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long))
#define __unqual_scalar_typeof(x) typeof(_Generic((x),					\
	char: (char)0,									\
	unsigned char: (unsigned char)0, signed char: (signed char)0,			\
	unsigned short: (unsigned short)0, signed short: (signed short)0,		\
	unsigned int: (unsigned int)0, signed int: (signed int)0,			\
	unsigned long: (unsigned long)0, signed long: (signed long)0,			\
	unsigned long long: (unsigned long long)0, signed long long: (signed long long)0, \
	default: (x)))

/*
 * Compile-time assertions that name the failing condition. As in Linux, the condition need only become
 * constant after inlining and optimisation: a call to a function carrying the error attribute survives
 * (and fails the build) only when the condition is not proven true.
 */
#define __compiletime_assert(condition, msg, prefix, suffix)			\
	do {									\
		extern void prefix##suffix(void) __compiletime_error(msg);	\
		if (!(condition))						\
			prefix##suffix();					\
	} while (0)
#define _compiletime_assert(condition, msg, prefix, suffix) __compiletime_assert(condition, msg, prefix, suffix)
#define compiletime_assert(condition, msg) _compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)
#define compiletime_assert_atomic_type(t) \
	compiletime_assert(__native_word(t), "Need native word sized stores/loads for atomicity.")

#endif /* __ASSEMBLY__ */
#endif
