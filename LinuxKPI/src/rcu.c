// SPDX-License-Identifier: GPL-2.0-only
/*
 * RCU (linux/rcupdate.h has the design). Each CPU counts its quiescent states: timer ticks that
 * interrupted code with preempt_count 0. A grace period is over once every other online CPU's count moved
 * past the value read at its start; the caller's own CPU is quiescent already, since synchronize_rcu()
 * sleeps and so is never called from a reader. call_rcu() callbacks wait in a FIFO that the "rcu" thread
 * takes as a batch, waits a grace period for, and runs in order.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include "lkpi.h"

static unsigned long quiescent_states[NR_CPUS];

void lkpi_rcu_quiescent(int cpu)
{
	if (cpu < NR_CPUS)
		WRITE_ONCE(quiescent_states[cpu], quiescent_states[cpu] + 1);
}

void __rcu_read_lock(void)
{
	preempt_disable();
}
EXPORT_SYMBOL_GPL(__rcu_read_lock);

void __rcu_read_unlock(void)
{
	preempt_enable();
}
EXPORT_SYMBOL_GPL(__rcu_read_unlock);

void synchronize_rcu(void)
{
	unsigned long snapshot[NR_CPUS];
	int self, cpu;

	might_sleep();
	/* Updates made before the call are visible to every reader that starts after the snapshot. */
	smp_mb();
	self = raw_smp_processor_id();
	for_each_online_cpu(cpu)
		snapshot[cpu] = READ_ONCE(quiescent_states[cpu]);
	for_each_online_cpu(cpu) {
		if (cpu == self)
			continue;
		while (READ_ONCE(quiescent_states[cpu]) == snapshot[cpu])
			schedule_timeout_uninterruptible(1);
	}
	smp_mb();
}
EXPORT_SYMBOL_GPL(synchronize_rcu);

void synchronize_rcu_expedited(void)
{
	synchronize_rcu();
}
EXPORT_SYMBOL_GPL(synchronize_rcu_expedited);

/* ---- callbacks ---- */

static DEFINE_SPINLOCK(callback_lock);
static struct rcu_head *callbacks_head;
static struct rcu_head **callbacks_tail = &callbacks_head;
static DECLARE_WAIT_QUEUE_HEAD(callback_wait);

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	unsigned long flags;

	head->func = func;
	head->next = NULL;
	spin_lock_irqsave(&callback_lock, flags);
	*callbacks_tail = head;
	callbacks_tail = &head->next;
	spin_unlock_irqrestore(&callback_lock, flags);
	wake_up(&callback_wait);
}
EXPORT_SYMBOL_GPL(call_rcu);

void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	call_rcu(head, func);
}
EXPORT_SYMBOL_GPL(kvfree_call_rcu);

void kvfree_rcu_mightsleep(void *ptr)
{
	if (!ptr)
		return;
	synchronize_rcu();
	kvfree(ptr);
}
EXPORT_SYMBOL_GPL(kvfree_rcu_mightsleep);

static bool callbacks_queued(void)
{
	return READ_ONCE(callbacks_head) != NULL;
}

static int rcu_callback_thread(void *unused)
{
	for (;;) {
		struct rcu_head *batch, *next;
		unsigned long flags;

		wait_event(callback_wait, callbacks_queued());
		spin_lock_irqsave(&callback_lock, flags);
		batch = callbacks_head;
		callbacks_head = NULL;
		callbacks_tail = &callbacks_head;
		spin_unlock_irqrestore(&callback_lock, flags);

		synchronize_rcu();
		for (; batch; batch = next) {
			unsigned long offset = (unsigned long)batch->func;

			next = batch->next;
			if (__is_kvfree_rcu_offset(offset))
				kvfree((char *)batch - offset);
			else
				batch->func(batch);
		}
	}
	return 0;
}

struct rcu_barrier_head {
	struct rcu_head head;
	struct completion done;
};

static void rcu_barrier_callback(struct rcu_head *head)
{
	complete(&container_of(head, struct rcu_barrier_head, head)->done);
}

/* Callbacks run in queue order, so when this one runs every earlier one has. */
void rcu_barrier(void)
{
	struct rcu_barrier_head barrier;

	init_completion(&barrier.done);
	call_rcu(&barrier.head, rcu_barrier_callback);
	wait_for_completion(&barrier.done);
}
EXPORT_SYMBOL_GPL(rcu_barrier);

void lkpi_rcu_init(void)
{
	struct task_struct *thread = kthread_run(rcu_callback_thread, NULL, "rcu");

	if (IS_ERR(thread))
		panic("LinuxKPI: cannot start the RCU callback thread");
}
