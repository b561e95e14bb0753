// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sleeping mutexes (linux/mutex.h). Waiters sit in `wait_list` in arrival order; mutex_unlock() clears the
 * owner and wakes the first waiter, which retries. A waiter sets its sleeping state before it retries, so
 * an unlock between the failed retry and schedule() makes schedule() return at once.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	atomic_long_set(&lock->owner, 0);
	raw_spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
}
EXPORT_SYMBOL(__mutex_init);

static bool __mutex_trylock(struct mutex *lock)
{
	long expected = 0;
	return atomic_long_try_cmpxchg_acquire(&lock->owner, &expected, (long)current);
}

int mutex_trylock(struct mutex *lock)
{
	return __mutex_trylock(lock);
}
EXPORT_SYMBOL(mutex_trylock);

static void __mutex_lock_slowpath(struct mutex *lock, unsigned int state)
{
	struct mutex_waiter waiter;

	raw_spin_lock_irq(&lock->wait_lock);
	waiter.task = current;
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		if (__mutex_trylock(lock))
			break;
		raw_spin_unlock_irq(&lock->wait_lock);
		schedule();
		raw_spin_lock_irq(&lock->wait_lock);
	}
	__set_current_state(TASK_RUNNING);
	list_del(&waiter.list);
	raw_spin_unlock_irq(&lock->wait_lock);
}

void mutex_lock(struct mutex *lock)
{
	might_sleep();
	if (!__mutex_trylock(lock))
		__mutex_lock_slowpath(lock, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(mutex_lock);

void mutex_lock_io(struct mutex *lock)
{
	mutex_lock(lock);
}
EXPORT_SYMBOL_GPL(mutex_lock_io);

int mutex_lock_interruptible(struct mutex *lock)
{
	might_sleep();
	if (!__mutex_trylock(lock))
		__mutex_lock_slowpath(lock, TASK_INTERRUPTIBLE);
	return 0;
}
EXPORT_SYMBOL(mutex_lock_interruptible);

int mutex_lock_killable(struct mutex *lock)
{
	might_sleep();
	if (!__mutex_trylock(lock))
		__mutex_lock_slowpath(lock, TASK_KILLABLE);
	return 0;
}
EXPORT_SYMBOL(mutex_lock_killable);

void mutex_unlock(struct mutex *lock)
{
	unsigned long flags;

	WARN_ONCE(atomic_long_read(&lock->owner) != (long)current, "mutex_unlock by a task that does not hold it\n");
	atomic_long_set_release(&lock->owner, 0);
	raw_spin_lock_irqsave(&lock->wait_lock, flags);
	if (!list_empty(&lock->wait_list)) {
		struct mutex_waiter *first = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
		wake_up_process(first->task);
	}
	raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
}
EXPORT_SYMBOL(mutex_unlock);

/* Decrements *cnt; if it reached 0, returns 1 with `lock` held. */
int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock)
{
	if (atomic_add_unless(cnt, -1, 1))
		return 0;
	mutex_lock(lock);
	if (!atomic_dec_and_test(cnt)) {
		mutex_unlock(lock);
		return 0;
	}
	return 1;
}
EXPORT_SYMBOL(atomic_dec_and_mutex_lock);
