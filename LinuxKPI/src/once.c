// SPDX-License-Identifier: GPL-2.0-only
/*
 * DO_ONCE's out-of-line half: one global lock, taken with interrupts off on this CPU, serialises the
 * first callers; whoever finds `done` still false runs the function and sets it. The sleepable variant
 * uses a second lock word without disabling interrupts, so its function may sleep.
 */
#include <linux/once.h>
#include <linux/export.h>
#include <asm/processor.h>

static unsigned long once_lock;
static unsigned long once_sleepable_lock;

static void lkpi_lock(unsigned long *lock)
{
	while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(lock, __ATOMIC_RELAXED))
			cpu_relax();
}

static void lkpi_unlock(unsigned long *lock)
{
	__atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

bool __do_once_start(bool *done, unsigned long *flags)
{
	unsigned long rflags;

	__asm__ __volatile__("pushfq; popq %0; cli" : "=r"(rflags) : : "memory");
	*flags = rflags;
	lkpi_lock(&once_lock);
	if (*done) {
		lkpi_unlock(&once_lock);
		__asm__ __volatile__("pushq %0; popfq" : : "r"(rflags) : "memory", "cc");
		return false;
	}
	return true;
}
EXPORT_SYMBOL(__do_once_start);

void __do_once_done(bool *done, unsigned long *flags)
{
	__atomic_store_n(done, true, __ATOMIC_RELEASE);
	lkpi_unlock(&once_lock);
	__asm__ __volatile__("pushq %0; popfq" : : "r"(*flags) : "memory", "cc");
}
EXPORT_SYMBOL(__do_once_done);

bool __do_once_sleepable_start(bool *done)
{
	lkpi_lock(&once_sleepable_lock);
	if (*done) {
		lkpi_unlock(&once_sleepable_lock);
		return false;
	}
	return true;
}
EXPORT_SYMBOL(__do_once_sleepable_start);

void __do_once_sleepable_done(bool *done)
{
	__atomic_store_n(done, true, __ATOMIC_RELEASE);
	lkpi_unlock(&once_sleepable_lock);
}
EXPORT_SYMBOL(__do_once_sleepable_done);
