// SPDX-License-Identifier: GPL-2.0-only
/*
 * Counting semaphores (linux/semaphore.h). up() with waiters hands the unit to the first one (`granted`)
 * instead of raising the count, so it cannot be taken by a later caller meanwhile.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/semaphore.h>
#include <linux/sched.h>

struct semaphore_waiter {
	struct list_head list;
	struct task_struct *task;
	bool granted;
};

/* Waits up to `timeout` jiffies for a unit; 0 when it got one, -ETIME when the time ran out. */
static int __down_common(struct semaphore *sem, unsigned int state, long timeout)
{
	struct semaphore_waiter waiter;
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->lock, flags);
	if (likely(sem->count > 0)) {
		sem->count--;
		raw_spin_unlock_irqrestore(&sem->lock, flags);
		return 0;
	}
	waiter.task = current;
	waiter.granted = false;
	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		if (smp_load_acquire(&waiter.granted))
			break;
		if (timeout <= 0) {
			list_del(&waiter.list);
			raw_spin_unlock_irqrestore(&sem->lock, flags);
			return -ETIME;
		}
		__set_current_state(state);
		raw_spin_unlock_irqrestore(&sem->lock, flags);
		timeout = schedule_timeout(timeout);
		raw_spin_lock_irqsave(&sem->lock, flags);
	}
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	return 0;
}

void down(struct semaphore *sem)
{
	might_sleep();
	__down_common(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down);

int down_interruptible(struct semaphore *sem)
{
	might_sleep();
	return __down_common(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down_interruptible);

int down_killable(struct semaphore *sem)
{
	might_sleep();
	return __down_common(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down_killable);

int down_timeout(struct semaphore *sem, long timeout)
{
	might_sleep();
	return __down_common(sem, TASK_UNINTERRUPTIBLE, timeout);
}
EXPORT_SYMBOL(down_timeout);

/* 0 on success, 1 when no unit was free (Linux's inverted convention). */
int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	int busy;

	raw_spin_lock_irqsave(&sem->lock, flags);
	busy = sem->count == 0;
	if (!busy)
		sem->count--;
	raw_spin_unlock_irqrestore(&sem->lock, flags);
	return busy;
}
EXPORT_SYMBOL(down_trylock);

void up(struct semaphore *sem)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->lock, flags);
	if (list_empty(&sem->wait_list)) {
		sem->count++;
	} else {
		struct semaphore_waiter *waiter = list_first_entry(&sem->wait_list, struct semaphore_waiter, list);

		list_del(&waiter->list);
		wake_up_process(waiter->task);
		smp_store_release(&waiter->granted, true);
	}
	raw_spin_unlock_irqrestore(&sem->lock, flags);
}
EXPORT_SYMBOL(up);
