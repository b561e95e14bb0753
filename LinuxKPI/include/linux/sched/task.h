/* SPDX-License-Identifier: GPL-2.0-only */
/* References to tasks: a task_struct is freed when its last reference goes (sched.c). */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>
#include <linux/refcount.h>

void __put_task_struct(struct task_struct *task);

static inline struct task_struct *get_task_struct(struct task_struct *task)
{
	refcount_inc(&task->usage);
	return task;
}

static inline void put_task_struct(struct task_struct *task)
{
	if (refcount_dec_and_test(&task->usage))
		__put_task_struct(task);
}

#endif
