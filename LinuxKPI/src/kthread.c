// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel threads (linux/kthread.h). The Swift thread starts at once but sleeps in schedule() (its task
 * state starts as TASK_UNINTERRUPTIBLE) until wake_up_process(); then it runs threadfn unless it was
 * stopped first. The task has two references, the thread's and the creator's (dropped by kthread_stop).
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <apus/bridge.h>
#include "lkpi.h"

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	int cpu;			/* where it runs, or -1 when the scheduler chose */
	bool should_stop;
	int result;
	struct completion exited;
};

static struct kthread *to_kthread(struct task_struct *task)
{
	return task->kthread;
}

void __noreturn kthread_exit(long result)
{
	struct task_struct *task = current;
	struct kthread *self = to_kthread(task);

	BUG_ON(!self);
	self->result = result;
	complete(&self->exited);
	put_task_struct(task);
	apus_sched_exit();
}
EXPORT_SYMBOL(kthread_exit);

void __noreturn kthread_complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);
	kthread_exit(code);
}
EXPORT_SYMBOL(kthread_complete_and_exit);

static void kthread_entry(void *arg)
{
	struct task_struct *task = arg;
	struct kthread *self = to_kthread(task);
	int ret = -EINTR;

	task->pid = apus_sched_current_id();
	task->tgid = task->pid;
	/* Sleeps until the creator's wake_up_process() (returns at once if that came first). */
	schedule();
	if (!READ_ONCE(self->should_stop))
		ret = self->threadfn(self->data);
	kthread_exit(ret);
}

struct task_struct *lkpi_kthread_create(int (*threadfn)(void *data), void *data, int cpu, int priority,
					const char *name)
{
	struct task_struct *task = kzalloc(sizeof(*task), GFP_KERNEL);
	struct kthread *self = kzalloc(sizeof(*self), GFP_KERNEL);
	void *thread;

	if (!task || !self) {
		kfree(task);
		kfree(self);
		return ERR_PTR(-ENOMEM);
	}
	self->threadfn = threadfn;
	self->data = data;
	self->cpu = cpu;
	init_completion(&self->exited);
	task->kthread = self;
	task->__state = TASK_UNINTERRUPTIBLE;
	task->flags = PF_KTHREAD;
	task->prio = DEFAULT_PRIO;
	refcount_set(&task->usage, 2);
	strscpy(task->comm, name, sizeof(task->comm));
	thread = apus_sched_spawn(kthread_entry, task, name, cpu, priority, task);
	if (!thread) {
		kfree(self);
		kfree(task);
		return ERR_PTR(-ENOMEM);
	}
	task->apus_thread = thread;
	return task;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...)
{
	char name[48];		/* the thread's name in `ps`; comm keeps the first 15 bytes */
	va_list args;

	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return lkpi_kthread_create(threadfn, data, -1, 1, name);
}
EXPORT_SYMBOL(kthread_create_on_node);

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
					  const char *namefmt)
{
	char name[48];		/* the thread's name in `ps`; comm keeps the first 15 bytes */

	snprintf(name, sizeof(name), namefmt, cpu);
	return lkpi_kthread_create(threadfn, data, cpu, 1, name);
}
EXPORT_SYMBOL(kthread_create_on_cpu);

/* Apus threads never move: a thread can only be bound to the CPU it was created on. */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	struct kthread *self = to_kthread(k);

	if (self && self->cpu != (int)cpu)
		pr_warn("kthread_bind: %s stays on the CPU it was created on (Apus threads do not migrate)\n", k->comm);
}
EXPORT_SYMBOL(kthread_bind);

void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask)
{
	struct kthread *self = to_kthread(k);

	if (self && self->cpu >= 0 && !cpumask_test_cpu(self->cpu, mask))
		pr_warn("kthread_bind_mask: %s stays on the CPU it was created on (Apus threads do not migrate)\n",
			k->comm);
}
EXPORT_SYMBOL_GPL(kthread_bind_mask);

void kthread_set_per_cpu(struct task_struct *k, int cpu)
{
	kthread_bind(k, cpu);
}

bool kthread_is_per_cpu(struct task_struct *k)
{
	struct kthread *self = to_kthread(k);
	return self && self->cpu >= 0;
}

bool kthread_should_stop(void)
{
	struct kthread *self = to_kthread(current);
	return self && READ_ONCE(self->should_stop);
}
EXPORT_SYMBOL(kthread_should_stop);

bool kthread_should_park(void)
{
	return false;
}
EXPORT_SYMBOL_GPL(kthread_should_park);

void *kthread_data(struct task_struct *k)
{
	struct kthread *self = to_kthread(k);
	return self ? self->data : NULL;
}
EXPORT_SYMBOL_GPL(kthread_data);

int kthread_stop(struct task_struct *k)
{
	struct kthread *self = to_kthread(k);
	int ret;

	might_sleep();
	WRITE_ONCE(self->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&self->exited);
	ret = self->result;
	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);
