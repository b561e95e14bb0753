// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tasklets. Scheduling queues the tasklet on this CPU's softirq thread (Sources/Kernel/Interrupts/
 * Softirq.swift), which runs it with SOFTIRQ_OFFSET in preempt_count (in_softirq() is true, nothing
 * preempts it). The state bits follow Linux: SCHED from tasklet_schedule until the run starts, RUN while
 * it runs (so a tasklet never runs on two CPUs at once). A disabled tasklet that comes up is left
 * scheduled and is queued again by the tasklet_enable that re-enables it.
 */
#include <linux/interrupt.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/kernel.h>
#include <asm/processor.h>
#include <apus/bridge.h>

static void tasklet_run(void *context);

static void tasklet_queue(struct tasklet_struct *t, bool high)
{
	/* high is remembered in `next` (unused otherwise): 1 marks a high-priority tasklet. */
	t->next = (struct tasklet_struct *)(unsigned long)high;
	if (!apus_softirq_raise(tasklet_run, t, high))
		WARN_ONCE(1, "tasklet scheduled before the softirq threads started\n");
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	tasklet_queue(t, false);
}
EXPORT_SYMBOL(__tasklet_schedule);

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	tasklet_queue(t, true);
}
EXPORT_SYMBOL(__tasklet_hi_schedule);

static void tasklet_run(void *context)
{
	struct tasklet_struct *t = context;
	bool high = t->next != NULL;

	if (!tasklet_trylock(t)) {
		/* Running on another CPU right now: come back after it. */
		apus_softirq_raise(tasklet_run, t, high);
		cpu_relax();
		return;
	}
	if (atomic_read(&t->count)) {
		/* Disabled: stays scheduled; tasklet_enable queues it again. */
		tasklet_unlock(t);
		return;
	}
	if (!test_and_clear_bit(TASKLET_STATE_SCHED, &t->state)) {
		/* Queued twice (by tasklet_enable and a run that was already queued): already ran. */
		tasklet_unlock(t);
		return;
	}
	__local_bh_disable_ip(_THIS_IP_, SOFTIRQ_OFFSET);
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	__preempt_count_sub(SOFTIRQ_OFFSET);
	tasklet_unlock(t);
}

void tasklet_unlock(struct tasklet_struct *t)
{
	smp_mb__before_atomic();
	clear_bit(TASKLET_STATE_RUN, &t->state);
	smp_mb__after_atomic();
}
EXPORT_SYMBOL_GPL(tasklet_unlock);

void tasklet_unlock_wait(struct tasklet_struct *t)
{
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		cpu_relax();
}
EXPORT_SYMBOL_GPL(tasklet_unlock_wait);

void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
	smp_mb__after_atomic();
}
EXPORT_SYMBOL(tasklet_disable_nosync);

void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
	smp_mb();
}
EXPORT_SYMBOL(tasklet_disable);

void tasklet_enable(struct tasklet_struct *t)
{
	smp_mb__before_atomic();
	if (atomic_dec_and_test(&t->count) && test_bit(TASKLET_STATE_SCHED, &t->state))
		tasklet_queue(t, t->next != NULL);
}
EXPORT_SYMBOL(tasklet_enable);

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}
EXPORT_SYMBOL(tasklet_init);

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}
EXPORT_SYMBOL(tasklet_setup);

/* Waits until a scheduled run has happened and none is running; the tasklet is then idle for good. */
void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt())
		pr_notice("Attempt to kill tasklet from interrupt\n");
	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) {
		do
			schedule_timeout_uninterruptible(1);
		while (test_bit(TASKLET_STATE_SCHED, &t->state));
	}
	tasklet_unlock_wait(t);
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}
EXPORT_SYMBOL(tasklet_kill);
