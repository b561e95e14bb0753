// SPDX-License-Identifier: GPL-2.0-only
/*
 * Spinlocks and rwlocks: the out-of-line _raw_* operations modules import. Taking a lock first disables
 * preemption (and bottom halves or interrupts for the _bh and _irq forms), then spins; releasing undoes it
 * in reverse order, and preempt_enable() switches away if the scheduler held a preemption back meanwhile.
 */
#include <linux/export.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/instruction_pointer.h>

/* ---- spinlocks ---- */

void _raw_spin_lock(raw_spinlock_t *lock)
{
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
}
EXPORT_SYMBOL(_raw_spin_lock);

void _raw_spin_lock_bh(raw_spinlock_t *lock)
{
	__local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
	arch_spin_lock(&lock->raw_lock);
}
EXPORT_SYMBOL(_raw_spin_lock_bh);

void _raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
}
EXPORT_SYMBOL(_raw_spin_lock_irq);

unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	preempt_disable();
	arch_spin_lock(&lock->raw_lock);
	return flags;
}
EXPORT_SYMBOL(_raw_spin_lock_irqsave);

int _raw_spin_trylock(raw_spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw_lock))
		return 1;
	preempt_enable();
	return 0;
}
EXPORT_SYMBOL(_raw_spin_trylock);

int _raw_spin_trylock_bh(raw_spinlock_t *lock)
{
	__local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
	if (arch_spin_trylock(&lock->raw_lock))
		return 1;
	__local_bh_enable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
	return 0;
}
EXPORT_SYMBOL(_raw_spin_trylock_bh);

void _raw_spin_unlock(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}
EXPORT_SYMBOL(_raw_spin_unlock);

void _raw_spin_unlock_bh(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
	__local_bh_enable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
}
EXPORT_SYMBOL(_raw_spin_unlock_bh);

void _raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
	local_irq_enable();
	preempt_enable();
}
EXPORT_SYMBOL(_raw_spin_unlock_irq);

void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	arch_spin_unlock(&lock->raw_lock);
	local_irq_restore(flags);
	preempt_enable();
}
EXPORT_SYMBOL(_raw_spin_unlock_irqrestore);

int _atomic_dec_and_lock(atomic_t *atomic, spinlock_t *lock)
{
	/* Fast path: not the last reference. */
	if (atomic_add_unless(atomic, -1, 1))
		return 0;
	spin_lock(lock);
	if (atomic_dec_and_test(atomic))
		return 1;
	spin_unlock(lock);
	return 0;
}
EXPORT_SYMBOL(_atomic_dec_and_lock);

int _atomic_dec_and_lock_irqsave(atomic_t *atomic, spinlock_t *lock, unsigned long *flags)
{
	if (atomic_add_unless(atomic, -1, 1))
		return 0;
	spin_lock_irqsave(lock, *flags);
	if (atomic_dec_and_test(atomic))
		return 1;
	spin_unlock_irqrestore(lock, *flags);
	return 0;
}
EXPORT_SYMBOL(_atomic_dec_and_lock_irqsave);

/* ---- rwlocks (the word's layout is in linux/rwlock_types.h) ---- */

#define RW_READER_MASK 0x1fffffffU
#define RW_WRITER_WAITING 0x20000000U
#define RW_WRITER_LOCKED 0x40000000U

static bool arch_read_trylock(arch_rwlock_t *lock, bool ignore_waiting)
{
	u32 blocked = RW_WRITER_LOCKED | (ignore_waiting ? 0 : RW_WRITER_WAITING);
	u32 old = __atomic_load_n(&lock->cnts, __ATOMIC_RELAXED);

	while (!(old & blocked)) {
		if (__atomic_compare_exchange_n(&lock->cnts, &old, old + 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	}
	return false;
}

static void arch_read_lock(arch_rwlock_t *lock)
{
	/* Readers in interrupt context pass waiting writers: this CPU may hold the lock for reading already. */
	bool in_irq_context = in_interrupt();

	while (!arch_read_trylock(lock, in_irq_context))
		cpu_relax();
}

static void arch_read_unlock(arch_rwlock_t *lock)
{
	__atomic_fetch_sub(&lock->cnts, 1, __ATOMIC_RELEASE);
}

static bool arch_write_trylock(arch_rwlock_t *lock)
{
	u32 old = __atomic_load_n(&lock->cnts, __ATOMIC_RELAXED);

	while (!(old & (RW_WRITER_LOCKED | RW_READER_MASK))) {
		if (__atomic_compare_exchange_n(&lock->cnts, &old, (old & ~RW_WRITER_WAITING) | RW_WRITER_LOCKED,
						false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	}
	return false;
}

static void arch_write_lock(arch_rwlock_t *lock)
{
	while (!arch_write_trylock(lock)) {
		/* Hold new readers back until the ones inside leave. */
		__atomic_fetch_or(&lock->cnts, RW_WRITER_WAITING, __ATOMIC_RELAXED);
		cpu_relax();
	}
}

static void arch_write_unlock(arch_rwlock_t *lock)
{
	__atomic_fetch_and(&lock->cnts, ~RW_WRITER_LOCKED, __ATOMIC_RELEASE);
}

#define DEFINE_RWLOCK_OPS(kind)							\
	void _raw_##kind##_lock(rwlock_t *lock)					\
	{									\
		preempt_disable();						\
		arch_##kind##_lock(&lock->raw_lock);				\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_lock);					\
	void _raw_##kind##_lock_bh(rwlock_t *lock)				\
	{									\
		__local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);		\
		arch_##kind##_lock(&lock->raw_lock);				\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_lock_bh);					\
	void _raw_##kind##_lock_irq(rwlock_t *lock)				\
	{									\
		local_irq_disable();						\
		preempt_disable();						\
		arch_##kind##_lock(&lock->raw_lock);				\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_lock_irq);					\
	unsigned long _raw_##kind##_lock_irqsave(rwlock_t *lock)		\
	{									\
		unsigned long flags;						\
		local_irq_save(flags);						\
		preempt_disable();						\
		arch_##kind##_lock(&lock->raw_lock);				\
		return flags;							\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_lock_irqsave);				\
	void _raw_##kind##_unlock(rwlock_t *lock)				\
	{									\
		arch_##kind##_unlock(&lock->raw_lock);				\
		preempt_enable();						\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_unlock);					\
	void _raw_##kind##_unlock_bh(rwlock_t *lock)				\
	{									\
		arch_##kind##_unlock(&lock->raw_lock);				\
		__local_bh_enable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);		\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_unlock_bh);					\
	void _raw_##kind##_unlock_irq(rwlock_t *lock)				\
	{									\
		arch_##kind##_unlock(&lock->raw_lock);				\
		local_irq_enable();						\
		preempt_enable();						\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_unlock_irq);				\
	void _raw_##kind##_unlock_irqrestore(rwlock_t *lock, unsigned long flags) \
	{									\
		arch_##kind##_unlock(&lock->raw_lock);				\
		local_irq_restore(flags);					\
		preempt_enable();						\
	}									\
	EXPORT_SYMBOL(_raw_##kind##_unlock_irqrestore);

DEFINE_RWLOCK_OPS(read)
DEFINE_RWLOCK_OPS(write)

int _raw_read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_read_trylock(&lock->raw_lock, in_interrupt()))
		return 1;
	preempt_enable();
	return 0;
}
EXPORT_SYMBOL(_raw_read_trylock);

int _raw_write_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_write_trylock(&lock->raw_lock))
		return 1;
	preempt_enable();
	return 0;
}
EXPORT_SYMBOL(_raw_write_trylock);
