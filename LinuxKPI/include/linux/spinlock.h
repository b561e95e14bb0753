/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Spinlocks (spinlock_t, raw_spinlock_t) and, through rwlock.h, rwlock_t. As in Linux, taking one disables
 * preemption (preempt_count), the _bh forms disable bottom halves, _irq turns interrupts off and
 * _irqsave/_irqrestore save and restore the interrupt flag. The lock operations are out of line
 * (LinuxKPI/src/spinlock.c), like Linux's _raw_spin_* which modules import.
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/typecheck.h>
#include <linux/preempt.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/stringify.h>
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <linux/spinlock_types.h>
#include <linux/bug.h>
#include <asm/barrier.h>
#include <asm/processor.h>

/* ---- the arch lock: one word, exchange to take, store to release ---- */

static __always_inline int arch_spin_is_locked(arch_spinlock_t *lock) { return READ_ONCE(lock->locked) != 0; }
static __always_inline int arch_spin_is_contended(arch_spinlock_t *lock) { return arch_spin_is_locked(lock); }

static __always_inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	return READ_ONCE(lock->locked) == 0 && __atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE) == 0;
}

static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
			cpu_relax();
}

static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

/* ---- raw_spinlock_t (out of line in spinlock.c) ---- */

void _raw_spin_lock(raw_spinlock_t *lock) __acquires(lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock) __acquires(lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock) __acquires(lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock) __acquires(lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
int _raw_spin_trylock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_bh(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock) __releases(lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags) __releases(lock);

#define raw_spin_lock_init(lock) do { *(lock) = __RAW_SPIN_LOCK_UNLOCKED(lock); } while (0)
#define raw_spin_is_locked(lock) arch_spin_is_locked(&(lock)->raw_lock)
#define raw_spin_is_contended(lock) arch_spin_is_contended(&(lock)->raw_lock)

#define raw_spin_lock(lock) _raw_spin_lock(lock)
#define raw_spin_lock_nested(lock, subclass) _raw_spin_lock(lock)
#define raw_spin_lock_nest_lock(lock, nest_lock) _raw_spin_lock(lock)
#define raw_spin_lock_bh(lock) _raw_spin_lock_bh(lock)
#define raw_spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags)					\
	do {									\
		typecheck(unsigned long, flags);				\
		flags = _raw_spin_lock_irqsave(lock);				\
	} while (0)
#define raw_spin_lock_irqsave_nested(lock, flags, subclass) raw_spin_lock_irqsave(lock, flags)
#define raw_spin_trylock(lock) __cond_lock(lock, _raw_spin_trylock(lock))
#define raw_spin_trylock_bh(lock) __cond_lock(lock, _raw_spin_trylock_bh(lock))
#define raw_spin_trylock_irq(lock)						\
	({									\
		local_irq_disable();						\
		raw_spin_trylock(lock) ? 1 : ({ local_irq_enable(); 0; });	\
	})
#define raw_spin_trylock_irqsave(lock, flags)					\
	({									\
		local_irq_save(flags);						\
		raw_spin_trylock(lock) ? 1 : ({ local_irq_restore(flags); 0; }); \
	})
#define raw_spin_unlock(lock) _raw_spin_unlock(lock)
#define raw_spin_unlock_bh(lock) _raw_spin_unlock_bh(lock)
#define raw_spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define raw_spin_unlock_irqrestore(lock, flags)					\
	do {									\
		typecheck(unsigned long, flags);				\
		_raw_spin_unlock_irqrestore(lock, flags);			\
	} while (0)

/* Orders a store before the lock against loads after it (x86: the exchange is a full barrier already). */
#define smp_mb__after_unlock_lock() do { } while (0)

#include <linux/rwlock.h>

/* ---- spinlock_t ---- */

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock) { return &lock->rlock; }

#define spin_lock_init(_lock)							\
	do {									\
		spinlock_check(_lock);						\
		*(_lock) = __SPIN_LOCK_UNLOCKED(_lock);				\
	} while (0)

static __always_inline void spin_lock(spinlock_t *lock) { raw_spin_lock(&lock->rlock); }
static __always_inline void spin_lock_bh(spinlock_t *lock) { raw_spin_lock_bh(&lock->rlock); }
static __always_inline int spin_trylock(spinlock_t *lock) { return raw_spin_trylock(&lock->rlock); }
static __always_inline void spin_lock_irq(spinlock_t *lock) { raw_spin_lock_irq(&lock->rlock); }
static __always_inline void spin_unlock(spinlock_t *lock) { raw_spin_unlock(&lock->rlock); }
static __always_inline void spin_unlock_bh(spinlock_t *lock) { raw_spin_unlock_bh(&lock->rlock); }
static __always_inline void spin_unlock_irq(spinlock_t *lock) { raw_spin_unlock_irq(&lock->rlock); }
static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	raw_spin_unlock_irqrestore(&lock->rlock, flags);
}
static __always_inline int spin_trylock_bh(spinlock_t *lock) { return raw_spin_trylock_bh(&lock->rlock); }
static __always_inline int spin_trylock_irq(spinlock_t *lock) { return raw_spin_trylock_irq(&lock->rlock); }
static __always_inline int spin_is_locked(spinlock_t *lock) { return raw_spin_is_locked(&lock->rlock); }
static __always_inline int spin_is_contended(spinlock_t *lock) { return raw_spin_is_contended(&lock->rlock); }

#define spin_lock_nested(lock, subclass) raw_spin_lock_nested(spinlock_check(lock), subclass)
#define spin_lock_nest_lock(lock, nest_lock) raw_spin_lock_nest_lock(spinlock_check(lock), nest_lock)
#define spin_lock_irqsave(lock, flags) raw_spin_lock_irqsave(spinlock_check(lock), flags)
#define spin_lock_irqsave_nested(lock, flags, subclass) raw_spin_lock_irqsave(spinlock_check(lock), flags)
#define spin_trylock_irqsave(lock, flags) raw_spin_trylock_irqsave(spinlock_check(lock), flags)

#define assert_raw_spin_locked(lock) BUG_ON(!raw_spin_is_locked(lock))
#define assert_spin_locked(lock) assert_raw_spin_locked(&(lock)->rlock)

/* Decrements *atomic; if it reached 0, returns true with `lock` held (spinlock.c). */
int _atomic_dec_and_lock(atomic_t *atomic, spinlock_t *lock);
int _atomic_dec_and_lock_irqsave(atomic_t *atomic, spinlock_t *lock, unsigned long *flags);
#define atomic_dec_and_lock(atomic, lock) __cond_lock(lock, _atomic_dec_and_lock(atomic, lock))
#define atomic_dec_and_lock_irqsave(atomic, lock, flags)			\
	__cond_lock(lock, _atomic_dec_and_lock_irqsave(atomic, lock, &(flags)))

#endif
