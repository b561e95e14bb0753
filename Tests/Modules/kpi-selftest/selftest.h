/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers the KPI self-test's suites share: helper threads on chosen CPUs, bounded waits. */
#ifndef _KPI_SELFTEST_H
#define _KPI_SELFTEST_H

#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/smp.h>

/* Starts fn(data) in a new kernel thread on cpu (< 0: wherever the scheduler puts it). */
static inline struct task_struct *selftest_start_thread(int (*fn)(void *data), void *data, int cpu,
							 const char *name)
{
	struct task_struct *task = cpu >= 0 ? kthread_create_on_cpu(fn, data, cpu, name) :
					      kthread_create(fn, data, "%s", name);

	if (!IS_ERR(task))
		wake_up_process(task);
	return task;
}

/* An online CPU other than the one running the caller, or -1 on a single-CPU machine. */
int selftest_other_cpu(void);

/*
 * Waits until *flag is non-zero or timeout_ms pass, checking every millisecond and sleeping in between (so
 * that on one CPU the thread or work item that sets it gets to run); returns whether it became non-zero.
 */
bool selftest_wait_until(const int *flag, unsigned int timeout_ms);

/* Milliseconds between two ktime_get() readings. */
static inline s64 selftest_ms_between(ktime_t start, ktime_t end)
{
	return ktime_to_ms(ktime_sub(end, start));
}

#endif
