/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * timer_list: a callback run once jiffies reaches `expires`. Pending timers wait in one list sorted by
 * expiry (LinuxKPI/src/timer.c); the boot CPU's tick runs the due ones right after advancing jiffies, with
 * interrupts off (Linux runs them from the TIMER softirq with interrupts on: the callback may not sleep in
 * either). A timer is pending from mod_timer/add_timer until its callback starts or it is deleted;
 * del_timer_sync also waits for a callback running on another CPU.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/ktime.h>
#include <linux/stddef.h>
#include <linux/lockdep.h>
#include <linux/container_of.h>

struct timer_list {
	struct hlist_node entry;	/* in the pending list while pending (pprev != NULL) */
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#define TIMER_CPUMASK 0x0003FFFF
#define TIMER_MIGRATING 0x00040000
#define TIMER_BASEMASK (TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
#define TIMER_INIT_FLAGS (TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)

#define __TIMER_INITIALIZER(_function, _flags) {				\
		.entry = { .next = NULL, .pprev = NULL },			\
		.function = (_function),					\
		.flags = (_flags),						\
	}
#define DEFINE_TIMER(_name, _function) struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key);

#define timer_setup(timer, callback, flags) init_timer_key((timer), (callback), (flags), NULL, NULL)
#define timer_setup_on_stack(timer, callback, flags) timer_setup(timer, callback, flags)
static inline void destroy_timer_on_stack(struct timer_list *timer) { }

#define from_timer(var, callback_timer, timer_fieldname) container_of(callback_timer, typeof(*var), timer_fieldname)

static inline int timer_pending(const struct timer_list *timer) { return READ_ONCE(timer->entry.pprev) != NULL; }

void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
#define del_singleshot_timer_sync(t) del_timer_sync(t)

#endif
