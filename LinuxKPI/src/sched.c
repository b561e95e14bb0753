// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tasks and sleeping over the Swift scheduler: `current` (a task_struct made on first use for any Apus
 * thread), schedule() and schedule_timeout() (the Swift side blocks on the task's state word), the wake-up
 * functions, preemption points and the might_sleep() check. Also LinuxKPI's start-up: lkpi_sched_init(),
 * called by the Swift core once every CPU is online.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/jiffies.h>
#include <apus/bridge.h>
#include "lkpi.h"

/* ---- current ---- */

/* Makes the task_struct of a thread LinuxKPI did not start (the shell, Swift workers, test threads). */
static struct task_struct *lkpi_adopt_current(void)
{
	struct task_struct *task = kzalloc(sizeof(*task), GFP_ATOMIC);

	if (!task)
		panic("LinuxKPI: no memory for the task_struct of thread %d", apus_sched_current_id());
	task->__state = TASK_RUNNING;
	refcount_set(&task->usage, 1);
	task->prio = DEFAULT_PRIO;
	task->pid = apus_sched_current_id();
	task->tgid = task->pid;
	task->apus_thread = apus_sched_current_thread();
	apus_sched_current_name(task->comm, sizeof(task->comm));
	apus_sched_set_current_task(task);
	return task;
}

struct task_struct *get_current(void)
{
	struct task_struct *task = apus_sched_current_task();

	if (unlikely(!task))
		task = lkpi_adopt_current();
	task->on_cpu = raw_smp_processor_id();
	return task;
}
EXPORT_SYMBOL(get_current);

void __put_task_struct(struct task_struct *task)
{
	kfree(task->kthread);
	kfree(task);
}
EXPORT_SYMBOL_GPL(__put_task_struct);

char *__get_task_comm(char *buf, size_t buf_size, struct task_struct *task)
{
	strscpy(buf, task->comm, buf_size);
	return buf;
}
EXPORT_SYMBOL_GPL(__get_task_comm);

void __set_task_comm(struct task_struct *task, const char *name, bool exec)
{
	strscpy(task->comm, name, sizeof(task->comm));
}
EXPORT_SYMBOL(__set_task_comm);

/* ---- sleeping and waking ---- */

/* In TASK_RUNNING (a wake-up came first, or a caller just yields) it lets other threads of the CPU run. */
void schedule(void)
{
	struct task_struct *task = current;

	if (READ_ONCE(task->__state) == TASK_RUNNING)
		apus_sched_reschedule(true);
	else
		apus_sched_block(&task->__state, 0);
}
EXPORT_SYMBOL(schedule);

void schedule_preempt_disabled(void)
{
	sched_preempt_enable_no_resched();
	schedule();
	preempt_disable();
}
EXPORT_SYMBOL(schedule_preempt_disabled);

long schedule_timeout(long timeout)
{
	struct task_struct *task = current;
	u64 deadline, now;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	/*
	 * Linux arms a timer for jiffies + timeout, which fires (timeout - 1, timeout] ticks from now; the Swift
	 * sleep ends at the first tick at least `timeout` ticks from now. What is left is counted the same way.
	 */
	deadline = apus_time_ns() + (u64)timeout * TICK_NSEC;
	apus_sched_block(&task->__state, deadline);
	now = apus_time_ns();
	return now >= deadline ? 0 : (long)DIV_ROUND_UP(deadline - now, TICK_NSEC);
}
EXPORT_SYMBOL(schedule_timeout);

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_killable);

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_idle);

void io_schedule(void)
{
	schedule();
}
EXPORT_SYMBOL(io_schedule);

long io_schedule_timeout(long timeout)
{
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(io_schedule_timeout);

void yield(void)
{
	__set_current_state(TASK_RUNNING);
	apus_sched_reschedule(true);
}
EXPORT_SYMBOL(yield);

int try_to_wake_up(struct task_struct *task, unsigned int state, int wake_flags)
{
	return apus_sched_wake(task->apus_thread, &task->__state, state);
}
EXPORT_SYMBOL(try_to_wake_up);

int wake_up_process(struct task_struct *task)
{
	return try_to_wake_up(task, TASK_NORMAL, 0);
}
EXPORT_SYMBOL(wake_up_process);

int wake_up_state(struct task_struct *task, unsigned int state)
{
	return try_to_wake_up(task, state, 0);
}
EXPORT_SYMBOL(wake_up_state);

/* ---- preemption ---- */

void preempt_schedule(void)
{
	apus_sched_reschedule(false);
}
EXPORT_SYMBOL(preempt_schedule);

void preempt_schedule_notrace(void)
{
	apus_sched_reschedule(false);
}
EXPORT_SYMBOL(preempt_schedule_notrace);

void __local_bh_enable_ip(unsigned long ip, unsigned int cnt)
{
	barrier();
	preempt_count_sub(cnt);
	if (should_resched(0))
		preempt_schedule();
}
EXPORT_SYMBOL(__local_bh_enable_ip);

int _cond_resched(void)
{
	if (should_resched(0)) {
		apus_sched_reschedule(false);
		return 1;
	}
	return 0;
}
EXPORT_SYMBOL(_cond_resched);

int __cond_resched_lock(spinlock_t *lock)
{
	if (!should_resched(PREEMPT_LOCK_OFFSET) && !spin_is_contended(lock))
		return 0;
	spin_unlock(lock);
	_cond_resched();
	spin_lock(lock);
	return 1;
}
EXPORT_SYMBOL(__cond_resched_lock);

/* Linux's CONFIG_DEBUG_ATOMIC_SLEEP check: a sleeping function called where sleeping is not allowed. */
void __might_resched(const char *file, int line, unsigned int offsets)
{
	static unsigned long last_warning;
	int count = preempt_count();

	if (likely(count == (int)offsets && !irqs_disabled()))
		return;
	/* Once per ten seconds at most, like Linux's ratelimit of this message. */
	if (last_warning && time_before(jiffies, last_warning + 10 * HZ))
		return;
	last_warning = jiffies;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n", in_atomic(), irqs_disabled(),
	       current->pid, current->comm);
	dump_stack();
}
EXPORT_SYMBOL(__might_resched);

void __might_sleep(const char *file, int line)
{
	__might_resched(file, line, 0);
}
EXPORT_SYMBOL(__might_sleep);

void __cant_sleep(const char *file, int line, int preempt_offset)
{
	if (irqs_disabled() || preempt_count() > preempt_offset)
		return;
	pr_err("BUG: assuming atomic context at %s:%d\n", file, line);
	dump_stack();
}
EXPORT_SYMBOL_GPL(__cant_sleep);

/* ---- clocks ---- */

u64 sched_clock(void)
{
	return apus_time_ns();
}
EXPORT_SYMBOL_GPL(sched_clock);

u64 local_clock(void)
{
	return apus_time_ns();
}
EXPORT_SYMBOL_GPL(local_clock);

u64 running_clock(void)
{
	return apus_time_ns();
}

/* ---- start-up ---- */

void lkpi_sched_init(void)
{
	lkpi_cpumask_init();
	lkpi_rcu_init();
	lkpi_workqueue_init();
}
