// SPDX-License-Identifier: GPL-2.0-only
/*
 * jiffies and timer_list. The Swift core calls lkpi_timer_tick() from every CPU's timer interrupt: each
 * brings jiffies up to date, and the boot CPU then runs each pending timer whose expiry jiffies has reached,
 * in expiry order
 * (every CPU's timers, since Apus keeps one list: add_timer_on's CPU is not honoured); every CPU reports
 * RCU quiescent states. Callbacks run in the boot CPU's interrupt with interrupts off and the timer
 * already detached, so they may re-arm it; `running_timer` lets del_timer_sync wait for one that runs.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <apus/bridge.h>
#include "lkpi.h"

/* Linux's linker script makes `jiffies` the low word of jiffies_64; on x86-64 they are the same word. */
u64 jiffies_64 __aligned(8) = INITIAL_JIFFIES;
EXPORT_SYMBOL(jiffies_64);
extern unsigned long volatile jiffies __attribute__((alias("jiffies_64")));
EXPORT_SYMBOL(jiffies);

static DEFINE_RAW_SPINLOCK(timer_lock);
/* Pending timers, sorted by expiry (equal expiries in the order armed). */
static HLIST_HEAD(pending_timers);
/* The timer whose callback runs now, or NULL. */
static struct timer_list *running_timer;

void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key)
{
	timer->entry.pprev = NULL;
	timer->entry.next = NULL;
	timer->function = func;
	timer->flags = flags & TIMER_INIT_FLAGS;
	timer->expires = 0;
}
EXPORT_SYMBOL(init_timer_key);

static void detach_timer(struct timer_list *timer)
{
	__hlist_del(&timer->entry);
	WRITE_ONCE(timer->entry.pprev, NULL);
	timer->entry.next = NULL;
}

static void enqueue_timer(struct timer_list *timer)
{
	struct hlist_node *node, *last = NULL;

	hlist_for_each(node, &pending_timers) {
		struct timer_list *other = hlist_entry(node, struct timer_list, entry);
		if (time_after(other->expires, timer->expires)) {
			hlist_add_before(&timer->entry, node);
			return;
		}
		last = node;
	}
	if (last)
		hlist_add_behind(&timer->entry, last);
	else
		hlist_add_head(&timer->entry, &pending_timers);
}

/* Re-arms `timer` for `expires`; with pending_only, only if it is pending. Returns whether it was pending. */
static int __mod_timer(struct timer_list *timer, unsigned long expires, bool pending_only, bool reduce)
{
	unsigned long flags;
	int was_pending;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if ((pending_only && !was_pending) || !timer->function) {
		raw_spin_unlock_irqrestore(&timer_lock, flags);
		return was_pending;
	}
	if (was_pending) {
		if (reduce && !time_before(expires, timer->expires)) {
			raw_spin_unlock_irqrestore(&timer_lock, flags);
			return 1;
		}
		detach_timer(timer);
	}
	timer->expires = expires;
	enqueue_timer(timer);
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, false, false);
}
EXPORT_SYMBOL(mod_timer);

int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, true, false);
}
EXPORT_SYMBOL(mod_timer_pending);

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, false, true);
}
EXPORT_SYMBOL(timer_reduce);

void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	__mod_timer(timer, timer->expires, false, false);
}
EXPORT_SYMBOL(add_timer);

void add_timer_on(struct timer_list *timer, int cpu)
{
	add_timer(timer);
}
EXPORT_SYMBOL_GPL(add_timer_on);

int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending = 0;

	raw_spin_lock_irqsave(&timer_lock, flags);
	if (timer_pending(timer)) {
		detach_timer(timer);
		was_pending = 1;
	}
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}
EXPORT_SYMBOL(del_timer);

int timer_delete(struct timer_list *timer)
{
	return del_timer(timer);
}
EXPORT_SYMBOL(timer_delete);

/* Like del_timer, but -1 (and nothing done) while the callback runs. */
int try_to_del_timer_sync(struct timer_list *timer)
{
	unsigned long flags;
	int ret = -1;

	raw_spin_lock_irqsave(&timer_lock, flags);
	if (running_timer != timer) {
		ret = 0;
		if (timer_pending(timer)) {
			detach_timer(timer);
			ret = 1;
		}
	}
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}
EXPORT_SYMBOL(try_to_del_timer_sync);

int del_timer_sync(struct timer_list *timer)
{
	int ret;

	/* From the timer's own callback (or its interrupt) this would wait for itself forever. */
	WARN_ON(in_irq() && running_timer == timer);
	for (;;) {
		ret = try_to_del_timer_sync(timer);
		if (ret >= 0)
			return ret;
		cpu_relax();
	}
}
EXPORT_SYMBOL(del_timer_sync);

int timer_delete_sync(struct timer_list *timer)
{
	return del_timer_sync(timer);
}
EXPORT_SYMBOL(timer_delete_sync);

/* Deletes the timer and makes later arming attempts no-ops (Linux 6.2's timer_shutdown). */
int timer_shutdown_sync(struct timer_list *timer)
{
	int ret = del_timer_sync(timer);
	unsigned long flags;

	raw_spin_lock_irqsave(&timer_lock, flags);
	timer->function = NULL;
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(timer_shutdown_sync);

int timer_shutdown(struct timer_list *timer)
{
	unsigned long flags;
	int ret = 0;

	raw_spin_lock_irqsave(&timer_lock, flags);
	if (timer_pending(timer)) {
		detach_timer(timer);
		ret = 1;
	}
	timer->function = NULL;
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(timer_shutdown);

static void run_timers(void)
{
	raw_spin_lock(&timer_lock);
	while (!hlist_empty(&pending_timers)) {
		struct timer_list *timer = hlist_entry(pending_timers.first, struct timer_list, entry);
		void (*fn)(struct timer_list *);

		if (time_before(jiffies, timer->expires))
			break;
		detach_timer(timer);
		fn = timer->function;
		running_timer = timer;
		raw_spin_unlock(&timer_lock);
		if (fn)
			fn(timer);
		raw_spin_lock(&timer_lock);
		running_timer = NULL;
	}
	raw_spin_unlock(&timer_lock);
}

/*
 * jiffies follows the TSC clock: ticks since boot, so a tick that is lost (a CPU that kept interrupts off
 * for long, or a virtual CPU that did not run) is caught up by the next one, as Linux's tick does. Any
 * CPU's tick may advance it; it never goes back.
 */
static void update_jiffies(void)
{
	u64 now = (u64)INITIAL_JIFFIES + apus_time_ns() / TICK_NSEC;
	u64 old = READ_ONCE(jiffies_64);

	while ((s64)(now - old) > 0 && !try_cmpxchg(&jiffies_64, &old, now))
		;
}

void lkpi_timer_tick(bool boot_cpu, bool quiescent)
{
	if (quiescent)
		lkpi_rcu_quiescent(raw_smp_processor_id());
	update_jiffies();
	if (boot_cpu)
		run_timers();
}

/* ---- rounding to whole seconds ---- */

static unsigned long round_jiffies_common(unsigned long j, int cpu, bool force_up)
{
	unsigned long original = j;
	/* A per-CPU skew of 3 ticks, as Linux's, keeps CPUs from all firing on the same tick. */
	unsigned long skew = (unsigned long)cpu * 3;
	unsigned long rem;

	j += skew;
	rem = j % HZ;
	if (rem < HZ / 4 && !force_up)
		j -= rem;
	else
		j = j - rem + HZ;
	j -= skew;
	return time_is_after_jiffies(j) ? j : original;
}

unsigned long __round_jiffies(unsigned long j, int cpu)
{
	return round_jiffies_common(j, cpu, false);
}
EXPORT_SYMBOL_GPL(__round_jiffies);

unsigned long __round_jiffies_relative(unsigned long j, int cpu)
{
	unsigned long now = jiffies;
	return round_jiffies_common(j + now, cpu, false) - now;
}
EXPORT_SYMBOL_GPL(__round_jiffies_relative);

unsigned long round_jiffies(unsigned long j)
{
	return round_jiffies_common(j, raw_smp_processor_id(), false);
}
EXPORT_SYMBOL_GPL(round_jiffies);

unsigned long round_jiffies_relative(unsigned long j)
{
	return __round_jiffies_relative(j, raw_smp_processor_id());
}
EXPORT_SYMBOL_GPL(round_jiffies_relative);

unsigned long round_jiffies_up(unsigned long j)
{
	return round_jiffies_common(j, raw_smp_processor_id(), true);
}
EXPORT_SYMBOL_GPL(round_jiffies_up);

unsigned long round_jiffies_up_relative(unsigned long j)
{
	unsigned long now = jiffies;
	return round_jiffies_common(j + now, raw_smp_processor_id(), true) - now;
}
EXPORT_SYMBOL_GPL(round_jiffies_up_relative);
