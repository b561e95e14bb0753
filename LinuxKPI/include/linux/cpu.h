/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPU hotplug: Apus has none (every CPU comes online at boot and stays), so the hotplug read lock has
 * nothing to exclude and is empty.
 */
#ifndef _LINUX_CPU_H_
#define _LINUX_CPU_H_

#include <linux/cpumask.h>
#include <linux/smp.h>

static inline void cpus_read_lock(void) { }
static inline void cpus_read_unlock(void) { }
static inline int cpus_read_trylock(void) { return 1; }
static inline void get_online_cpus(void) { }
static inline void put_online_cpus(void) { }
static inline void lockdep_assert_cpus_held(void) { }
static inline void cpu_hotplug_disable(void) { }
static inline void cpu_hotplug_enable(void) { }

#endif
