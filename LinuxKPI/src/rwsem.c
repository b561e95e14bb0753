// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reader-writer semaphores (linux/rwsem.h). All state changes happen under `wait_lock`. A waiter is granted
 * the semaphore by the releasing side (`granted` set, count already updated), so it never has to compete
 * again: when the last holder leaves, the first waiter gets it — a writer alone, or the readers at the
 * front of the queue together.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

#define RWSEM_WRITER (-1L)

struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	bool writer;
	bool granted;
};

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	atomic_long_set(&sem->count, 0);
	sem->owner = NULL;
	raw_spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
}
EXPORT_SYMBOL(__init_rwsem);

/* Hands the free semaphore to the waiters at the head of the queue (wait_lock held). */
static void rwsem_grant(struct rw_semaphore *sem)
{
	struct rwsem_waiter *waiter, *next;

	list_for_each_entry_safe(waiter, next, &sem->wait_list, list) {
		long count = atomic_long_read(&sem->count);

		if (waiter->writer) {
			if (count != 0)
				return;
			atomic_long_set(&sem->count, RWSEM_WRITER);
			sem->owner = waiter->task;
		} else {
			if (count < 0)
				return;
			atomic_long_set(&sem->count, count + 1);
		}
		list_del(&waiter->list);
		/* The waiter may leave as soon as it sees `granted`: read everything needed first. */
		wake_up_process(waiter->task);
		smp_store_release(&waiter->granted, true);
		if (waiter->writer)
			return;
	}
}

static bool rwsem_try(struct rw_semaphore *sem, bool writer)
{
	long count = atomic_long_read(&sem->count);

	if (!list_empty(&sem->wait_list))
		return false;
	if (writer) {
		if (count != 0)
			return false;
		atomic_long_set(&sem->count, RWSEM_WRITER);
		sem->owner = current;
	} else {
		if (count < 0)
			return false;
		atomic_long_set(&sem->count, count + 1);
	}
	return true;
}

static void rwsem_down(struct rw_semaphore *sem, bool writer, unsigned int state)
{
	struct rwsem_waiter waiter;
	unsigned long flags;

	might_sleep();
	raw_spin_lock_irqsave(&sem->wait_lock, flags);
	if (rwsem_try(sem, writer)) {
		raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
		return;
	}
	waiter.task = current;
	waiter.writer = writer;
	waiter.granted = false;
	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		set_current_state(state);
		if (smp_load_acquire(&waiter.granted))
			break;
		raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
		schedule();
		raw_spin_lock_irqsave(&sem->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
}

static int rwsem_trylock(struct rw_semaphore *sem, bool writer)
{
	unsigned long flags;
	bool ok;

	raw_spin_lock_irqsave(&sem->wait_lock, flags);
	ok = rwsem_try(sem, writer);
	raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
	return ok;
}

void down_read(struct rw_semaphore *sem)
{
	rwsem_down(sem, false, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(down_read);

int down_read_interruptible(struct rw_semaphore *sem)
{
	rwsem_down(sem, false, TASK_INTERRUPTIBLE);
	return 0;
}
EXPORT_SYMBOL(down_read_interruptible);

int down_read_killable(struct rw_semaphore *sem)
{
	rwsem_down(sem, false, TASK_KILLABLE);
	return 0;
}
EXPORT_SYMBOL(down_read_killable);

int down_read_trylock(struct rw_semaphore *sem)
{
	return rwsem_trylock(sem, false);
}
EXPORT_SYMBOL(down_read_trylock);

void down_write(struct rw_semaphore *sem)
{
	rwsem_down(sem, true, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(down_write);

int down_write_killable(struct rw_semaphore *sem)
{
	rwsem_down(sem, true, TASK_KILLABLE);
	return 0;
}
EXPORT_SYMBOL(down_write_killable);

int down_write_trylock(struct rw_semaphore *sem)
{
	return rwsem_trylock(sem, true);
}
EXPORT_SYMBOL(down_write_trylock);

void up_read(struct rw_semaphore *sem)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->wait_lock, flags);
	WARN_ON_ONCE(atomic_long_read(&sem->count) <= 0);
	if (atomic_long_dec_return(&sem->count) == 0)
		rwsem_grant(sem);
	raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
}
EXPORT_SYMBOL(up_read);

void up_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->wait_lock, flags);
	WARN_ON_ONCE(atomic_long_read(&sem->count) != RWSEM_WRITER);
	sem->owner = NULL;
	atomic_long_set(&sem->count, 0);
	rwsem_grant(sem);
	raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
}
EXPORT_SYMBOL(up_write);

/* The writer becomes a reader; waiting readers at the head of the queue may join it. */
void downgrade_write(struct rw_semaphore *sem)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&sem->wait_lock, flags);
	sem->owner = NULL;
	atomic_long_set(&sem->count, 1);
	rwsem_grant(sem);
	raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
}
EXPORT_SYMBOL(downgrade_write);
