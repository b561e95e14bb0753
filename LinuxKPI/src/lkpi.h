/* SPDX-License-Identifier: GPL-2.0-only */
/* What LinuxKPI's scheduling and time files share among themselves (not part of the Linux API). */
#ifndef _LKPI_SCHED_INTERNAL_H
#define _LKPI_SCHED_INTERNAL_H

#include <linux/types.h>

/* Start-up steps, in this order, from lkpi_sched_init() (sched.c). */
void lkpi_cpumask_init(void);
void lkpi_rcu_init(void);
void lkpi_workqueue_init(void);

/* From the timer tick (timer.c): this CPU passed a quiescent state (rcu.c). */
void lkpi_rcu_quiescent(int cpu);

struct task_struct;
/* kthread_create with a scheduler priority (0 high, 1 normal, 2 low) and a ready-made name (kthread.c). */
struct task_struct *lkpi_kthread_create(int (*threadfn)(void *data), void *data, int cpu, int priority,
					const char *name);

/* Swift calls these (Sources/Kernel/KPI). */
void lkpi_sched_init(void);
void lkpi_timer_tick(bool boot_cpu, bool quiescent);

#endif
