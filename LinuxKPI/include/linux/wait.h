/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Wait queues, with Linux's structure and semantics: a head (spinlock + list) and entries that each carry a
 * wake function (default: wake the entry's task); exclusive waiters are woken one at a time, the others
 * all; wait_event*() are the usual prepare-check-schedule loops. Sleeping is the Swift scheduler's
 * (see linux/sched.h); signals never arrive, so the _interruptible forms end by wake-up or timeout only.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <asm/current.h>

typedef struct wait_queue_entry wait_queue_entry_t;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02
#define WQ_FLAG_BOOKMARK 0x04
#define WQ_FLAG_CUSTOM 0x08
#define WQ_FLAG_DONE 0x10
#define WQ_FLAG_PRIORITY 0x20

struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAITQUEUE_INITIALIZER(name, tsk) {					\
		.private = tsk,							\
		.func = default_wake_function,					\
		.entry = { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {					\
		.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
		.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_WAIT_QUEUE_HEAD(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name, struct lock_class_key *key);
#define init_waitqueue_head(wq_head) __init_waitqueue_head((wq_head), #wq_head, NULL)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
}

static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry, wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
}

static inline int waitqueue_active(struct wait_queue_head *wq_head) { return !list_empty(&wq_head->head); }

static inline bool wq_has_single_sleeper(struct wait_queue_head *wq_head)
{
	return list_is_singular(&wq_head->head);
}

static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	smp_mb();
	return waitqueue_active(wq_head);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_priority(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

static inline void __add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	list_add(&wq_entry->entry, &wq_head->head);
}

static inline void __add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	__add_wait_queue(wq_head, wq_entry);
}

static inline void __add_wait_queue_entry_tail(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	list_add_tail(&wq_entry->entry, &wq_head->head);
}

static inline void __add_wait_queue_entry_tail_exclusive(struct wait_queue_head *wq_head,
							  struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	__add_wait_queue_entry_tail(wq_head, wq_entry);
}

static inline void __remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	list_del(&wq_entry->entry);
}

/* Wakes waiters: every non-exclusive one and up to nr_exclusive exclusive ones (0: all). */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);
void __wake_up_locked_key(struct wait_queue_head *wq_head, unsigned int mode, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);
void __wake_up_sync(struct wait_queue_head *wq_head, unsigned int mode);
void __wake_up_sync_key(struct wait_queue_head *wq_head, unsigned int mode, void *key);

#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_locked(x) __wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_all_locked(x) __wake_up_locked((x), TASK_NORMAL, 0)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr) __wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_interruptible_sync(x) __wake_up_sync((x), TASK_INTERRUPTIBLE)
#define wake_up_poll(x, m) __wake_up(x, TASK_NORMAL, 1, (void *)(uintptr_t)(m))
#define wake_up_interruptible_poll(x, m) __wake_up(x, TASK_INTERRUPTIBLE, 1, (void *)(uintptr_t)(m))
#define wake_up_interruptible_sync_poll(x, m) __wake_up_sync_key((x), TASK_INTERRUPTIBLE, (void *)(uintptr_t)(m))

/* ---- waiting ---- */

#define DEFINE_WAIT_FUNC(name, function)					\
	struct wait_queue_entry name = {					\
		.private = current,						\
		.func = function,						\
		.entry = LIST_HEAD_INIT((name).entry),				\
	}
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

#define init_wait(wait)								\
	do {									\
		(wait)->private = current;					\
		(wait)->func = autoremove_wake_function;			\
		INIT_LIST_HEAD(&(wait)->entry);					\
		(wait)->flags = 0;						\
	} while (0)

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
long wait_woken(struct wait_queue_entry *wq_entry, unsigned mode, long timeout);
int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync, void *key);

#define ___wait_is_interruptible(state)						\
	(!__builtin_constant_p(state) || (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))

#define ___wait_cond_timeout(condition)						\
	({									\
		bool __cond = (condition);					\
		if (__cond && !__ret)						\
			__ret = 1;						\
		__cond || !__ret;						\
	})

/*
 * The loop under every wait_event*(): queue the entry and set the task state, test `condition`, run `cmd`
 * (normally schedule()), again until the condition holds; the state set before the test makes a wake-up
 * that lands after the test end the following schedule() at once.
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd)		\
	({									\
		__label__ __out;						\
		struct wait_queue_entry __wq_entry;				\
		long __ret = ret;						\
		init_wait_entry(&__wq_entry, exclusive ? WQ_FLAG_EXCLUSIVE : 0); \
		for (;;) {							\
			long __int = prepare_to_wait_event(&wq_head, &__wq_entry, state); \
			if (condition)						\
				break;						\
			if (___wait_is_interruptible(state) && __int) {		\
				__ret = __int;					\
				goto __out;					\
			}							\
			cmd;							\
		}								\
		finish_wait(&wq_head, &__wq_entry);				\
	__out:	__ret;								\
	})

#define __wait_event(wq_head, condition)					\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule())
#define wait_event(wq_head, condition)						\
	do {									\
		might_sleep();							\
		if (condition)							\
			break;							\
		__wait_event(wq_head, condition);				\
	} while (0)

#define __wait_event_freezable(wq_head, condition)				\
	___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule())
#define wait_event_freezable(wq_head, condition)				\
	({									\
		int __ret = 0;							\
		might_sleep();							\
		if (!(condition))						\
			__ret = __wait_event_freezable(wq_head, condition);	\
		__ret;								\
	})

#define __wait_event_timeout(wq_head, condition, timeout)			\
	___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_UNINTERRUPTIBLE, 0, timeout, \
		      __ret = schedule_timeout(__ret))
#define wait_event_timeout(wq_head, condition, timeout)				\
	({									\
		long __ret = timeout;						\
		might_sleep();							\
		if (!___wait_cond_timeout(condition))				\
			__ret = __wait_event_timeout(wq_head, condition, timeout); \
		__ret;								\
	})

#define __wait_event_interruptible(wq_head, condition)				\
	___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule())
#define wait_event_interruptible(wq_head, condition)				\
	({									\
		int __ret = 0;							\
		might_sleep();							\
		if (!(condition))						\
			__ret = __wait_event_interruptible(wq_head, condition);	\
		__ret;								\
	})

#define __wait_event_interruptible_timeout(wq_head, condition, timeout)		\
	___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_INTERRUPTIBLE, 0, timeout, \
		      __ret = schedule_timeout(__ret))
#define wait_event_interruptible_timeout(wq_head, condition, timeout)		\
	({									\
		long __ret = timeout;						\
		might_sleep();							\
		if (!___wait_cond_timeout(condition))				\
			__ret = __wait_event_interruptible_timeout(wq_head, condition, timeout); \
		__ret;								\
	})

#define __wait_event_interruptible_exclusive(wq, condition)			\
	___wait_event(wq, condition, TASK_INTERRUPTIBLE, 1, 0, schedule())
#define wait_event_interruptible_exclusive(wq, condition)			\
	({									\
		int __ret = 0;							\
		might_sleep();							\
		if (!(condition))						\
			__ret = __wait_event_interruptible_exclusive(wq, condition); \
		__ret;								\
	})

#define __wait_event_killable(wq, condition)					\
	___wait_event(wq, condition, TASK_KILLABLE, 0, 0, schedule())
#define wait_event_killable(wq_head, condition)					\
	({									\
		int __ret = 0;							\
		might_sleep();							\
		if (!(condition))						\
			__ret = __wait_event_killable(wq_head, condition);	\
		__ret;								\
	})

#define __wait_event_killable_timeout(wq_head, condition, timeout)		\
	___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_KILLABLE, 0, timeout, \
		      __ret = schedule_timeout(__ret))
#define wait_event_killable_timeout(wq_head, condition, timeout)		\
	({									\
		long __ret = timeout;						\
		might_sleep();							\
		if (!___wait_cond_timeout(condition))				\
			__ret = __wait_event_killable_timeout(wq_head, condition, timeout); \
		__ret;								\
	})

#define __wait_event_idle(wq_head, condition)					\
	(void)___wait_event(wq_head, condition, TASK_IDLE, 0, 0, schedule())
#define wait_event_idle(wq_head, condition)					\
	do {									\
		might_sleep();							\
		if (!(condition))						\
			__wait_event_idle(wq_head, condition);			\
	} while (0)
#define __wait_event_idle_timeout(wq_head, condition, timeout)			\
	___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_IDLE, 0, timeout, \
		      __ret = schedule_timeout(__ret))
#define wait_event_idle_timeout(wq_head, condition, timeout)			\
	({									\
		long __ret = timeout;						\
		might_sleep();							\
		if (!___wait_cond_timeout(condition))				\
			__ret = __wait_event_idle_timeout(wq_head, condition, timeout); \
		__ret;								\
	})

/* The _lock_irq forms: called and returning with `lock` held and interrupts off;
 * the lock is dropped around schedule(). */
#define __wait_event_lock_irq(wq_head, condition, lock, cmd)			\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0,	\
			    spin_unlock_irq(&lock); cmd; schedule(); spin_lock_irq(&lock))
#define wait_event_lock_irq_cmd(wq_head, condition, lock, cmd)			\
	do {									\
		if (condition)							\
			break;							\
		__wait_event_lock_irq(wq_head, condition, lock, cmd);		\
	} while (0)
#define wait_event_lock_irq(wq_head, condition, lock)				\
	do {									\
		if (condition)							\
			break;							\
		__wait_event_lock_irq(wq_head, condition, lock, );		\
	} while (0)
#define __wait_event_interruptible_lock_irq(wq_head, condition, lock, cmd)	\
	___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0,		\
		      spin_unlock_irq(&lock); cmd; schedule(); spin_lock_irq(&lock))
#define wait_event_interruptible_lock_irq(wq_head, condition, lock)		\
	({									\
		int __ret = 0;							\
		if (!(condition))						\
			__ret = __wait_event_interruptible_lock_irq(wq_head, condition, lock, ); \
		__ret;								\
	})
#define __wait_event_lock_irq_timeout(wq_head, condition, lock, timeout, state)	\
	___wait_event(wq_head, ___wait_cond_timeout(condition), state, 0, timeout, \
		      spin_unlock_irq(&lock); __ret = schedule_timeout(__ret); spin_lock_irq(&lock))
#define wait_event_lock_irq_timeout(wq_head, condition, lock, timeout)		\
	({									\
		long __ret = timeout;						\
		if (!___wait_cond_timeout(condition))				\
			__ret = __wait_event_lock_irq_timeout(wq_head, condition, lock, timeout, \
							      TASK_UNINTERRUPTIBLE); \
		__ret;								\
	})
#define wait_event_interruptible_lock_irq_timeout(wq_head, condition, lock, timeout) \
	({									\
		long __ret = timeout;						\
		if (!___wait_cond_timeout(condition))				\
			__ret = __wait_event_lock_irq_timeout(wq_head, condition, lock, timeout, \
							      TASK_INTERRUPTIBLE); \
		__ret;								\
	})

#endif
