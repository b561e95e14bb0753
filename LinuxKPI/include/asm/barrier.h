/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory barriers with x86-64's rules (TSO): loads are not reordered with loads nor stores with stores,
 * so smp_rmb/smp_wmb and acquire/release only need to stop the compiler; a full barrier is a locked
 * instruction. mb/rmb/wmb order device (MMIO, write-combining) accesses as well and use the fences.
 */
#ifndef _ASM_X86_BARRIER_H
#define _ASM_X86_BARRIER_H

#include <linux/compiler.h>

#define mb() __asm__ __volatile__("mfence" ::: "memory")
#define rmb() __asm__ __volatile__("lfence" ::: "memory")
#define wmb() __asm__ __volatile__("sfence" ::: "memory")
#define dma_rmb() barrier()
#define dma_wmb() barrier()

/* A locked add to the stack is a full barrier and cheaper than mfence. */
#define __smp_mb() __asm__ __volatile__("lock; addl $0,-4(%%rsp)" ::: "memory", "cc")
#define smp_mb() __smp_mb()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define smp_store_mb(var, value)						\
	do {									\
		WRITE_ONCE(var, value);						\
		smp_mb();							\
	} while (0)

/* Locked read-modify-write instructions are already full barriers on x86. */
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()
#define smp_mb__after_spinlock() barrier()

#define smp_store_release(p, v)							\
	do {									\
		compiletime_assert_atomic_type(*p);				\
		barrier();							\
		WRITE_ONCE(*p, v);						\
	} while (0)
#define smp_load_acquire(p)							\
	({									\
		typeof(*p) ___p1 = READ_ONCE(*p);				\
		compiletime_assert_atomic_type(*p);				\
		barrier();							\
		___p1;								\
	})

#define virt_mb() smp_mb()
#define virt_rmb() smp_rmb()
#define virt_wmb() smp_wmb()

/* Reads dependent on an earlier read are ordered on x86. */
#define smp_acquire__after_ctrl_dep() smp_rmb()

/* Spins until cond_expr (which may use VAL, the latest value of *ptr) is true; evaluates to VAL. */
#define smp_cond_load_relaxed(ptr, cond_expr)					\
	({									\
		typeof(ptr) __PTR = (ptr);					\
		__unqual_scalar_typeof(*ptr) VAL;				\
		for (;;) {							\
			VAL = READ_ONCE(*__PTR);				\
			if (cond_expr)						\
				break;						\
			__asm__ __volatile__("pause" ::: "memory");		\
		}								\
		(typeof(*ptr))VAL;						\
	})
#define smp_cond_load_acquire(ptr, cond_expr)					\
	({									\
		__unqual_scalar_typeof(*ptr) _val;				\
		_val = smp_cond_load_relaxed(ptr, cond_expr);			\
		barrier();							\
		(typeof(*ptr))_val;						\
	})

/* Speculation barrier for array_index_nospec users; bounds are checked before the index is used. */
#define barrier_nospec() __asm__ __volatile__("lfence" ::: "memory")

#endif
