/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Simple wait queues: a raw spinlock and a FIFO of sleeping tasks, without custom wake functions; swake_up_one
 * wakes the longest waiter. completion is built on them, as in Linux (LinuxKPI/src/wait.c).
 */
#ifndef _LINUX_SWAIT_H
#define _LINUX_SWAIT_H

#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct swait_queue_head {
	raw_spinlock_t lock;
	struct list_head task_list;
};

struct swait_queue {
	struct task_struct *task;
	struct list_head task_list;
};

#define __SWAITQUEUE_INITIALIZER(name) {					\
		.task = current,						\
		.task_list = LIST_HEAD_INIT((name).task_list),			\
	}
#define DECLARE_SWAITQUEUE(name) struct swait_queue name = __SWAITQUEUE_INITIALIZER(name)

#define __SWAIT_QUEUE_HEAD_INITIALIZER(name) {					\
		.lock = __RAW_SPIN_LOCK_UNLOCKED(name.lock),			\
		.task_list = LIST_HEAD_INIT((name).task_list),			\
	}
#define DECLARE_SWAIT_QUEUE_HEAD(name) struct swait_queue_head name = __SWAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_SWAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_SWAIT_QUEUE_HEAD(name)

void __init_swait_queue_head(struct swait_queue_head *q, const char *name, struct lock_class_key *key);
#define init_swait_queue_head(q) __init_swait_queue_head((q), #q, NULL)

static inline int swait_active(struct swait_queue_head *wq) { return !list_empty(&wq->task_list); }

static inline bool swq_has_sleeper(struct swait_queue_head *wq)
{
	smp_mb();
	return swait_active(wq);
}

/* Queues `wait` (for the current task) at the tail unless it is queued; the queue lock is held. */
static inline void __prepare_to_swait(struct swait_queue_head *q, struct swait_queue *wait)
{
	wait->task = current;
	if (list_empty(&wait->task_list))
		list_add_tail(&wait->task_list, &q->task_list);
}

void swake_up_one(struct swait_queue_head *q);
void swake_up_all(struct swait_queue_head *q);
void swake_up_locked(struct swait_queue_head *q);
void prepare_to_swait_exclusive(struct swait_queue_head *q, struct swait_queue *wait, int state);
long prepare_to_swait_event(struct swait_queue_head *q, struct swait_queue *wait, int state);
void __finish_swait(struct swait_queue_head *q, struct swait_queue *wait);
void finish_swait(struct swait_queue_head *q, struct swait_queue *wait);

#define ___swait_event(wq, condition, state, ret, cmd)				\
	({									\
		__label__ __out;						\
		struct swait_queue __wait;					\
		long __ret = ret;						\
		INIT_LIST_HEAD(&__wait.task_list);				\
		for (;;) {							\
			long __int = prepare_to_swait_event(&wq, &__wait, state); \
			if (condition)						\
				break;						\
			if (___wait_is_interruptible(state) && __int) {		\
				__ret = __int;					\
				goto __out;					\
			}							\
			cmd;							\
		}								\
		finish_swait(&wq, &__wait);					\
	__out:	__ret;								\
	})

#define swait_event_exclusive(wq, condition)					\
	do {									\
		if (condition)							\
			break;							\
		(void)___swait_event(wq, condition, TASK_UNINTERRUPTIBLE, 0, schedule()); \
	} while (0)
#define swait_event_timeout_exclusive(wq, condition, timeout)			\
	({									\
		long __ret = timeout;						\
		if (!___wait_cond_timeout(condition))				\
			__ret = ___swait_event(wq, ___wait_cond_timeout(condition), \
					       TASK_UNINTERRUPTIBLE, timeout,	\
					       __ret = schedule_timeout(__ret)); \
		__ret;								\
	})
#define swait_event_interruptible_exclusive(wq, condition)			\
	({									\
		int __ret = 0;							\
		if (!(condition))						\
			__ret = ___swait_event(wq, condition, TASK_INTERRUPTIBLE, 0, schedule()); \
		__ret;								\
	})
#define swait_event_idle_exclusive(wq, condition)				\
	do {									\
		if (condition)							\
			break;							\
		(void)___swait_event(wq, condition, TASK_IDLE, 0, schedule());	\
	} while (0)

#endif
