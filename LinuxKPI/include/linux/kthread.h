/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel threads (LinuxKPI/src/kthread.c): Apus threads of the Swift scheduler with a task_struct. A new
 * kthread sleeps until wake_up_process() (kthread_run does both); kthread_stop() sets the stop flag, wakes
 * it and waits for its function to return, giving back its result. Threads never migrate: kthread_bind
 * and kthread_create_on_cpu only choose the CPU before the thread first runs.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

struct completion;

__printf(4, 5) struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
							  const char namefmt[], ...);
#define kthread_create(threadfn, data, namefmt, arg...)				\
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
					  const char *namefmt);

#define kthread_run(threadfn, data, namefmt, ...)				\
	({									\
		struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))						\
			wake_up_process(__k);					\
		__k;								\
	})

void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
void *kthread_data(struct task_struct *k);
void kthread_set_per_cpu(struct task_struct *k, int cpu);
bool kthread_is_per_cpu(struct task_struct *k);
void __noreturn kthread_exit(long result);
void __noreturn kthread_complete_and_exit(struct completion *comp, long code);

#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE (-1)
#endif

#endif
