// SPDX-License-Identifier: GPL-2.0-only
/* The CPU masks (linux/cpumask.h), filled from the Swift core's online CPUs once all are up. */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/cache.h>
#include <apus/bridge.h>
#include "lkpi.h"

unsigned int nr_cpu_ids __read_mostly = 1;
EXPORT_SYMBOL(nr_cpu_ids);
struct cpumask __cpu_possible_mask __read_mostly = { { [0] = 1UL } };
EXPORT_SYMBOL(__cpu_possible_mask);
struct cpumask __cpu_online_mask __read_mostly = { { [0] = 1UL } };
EXPORT_SYMBOL(__cpu_online_mask);
struct cpumask __cpu_present_mask __read_mostly = { { [0] = 1UL } };
EXPORT_SYMBOL(__cpu_present_mask);
struct cpumask __cpu_active_mask __read_mostly = { { [0] = 1UL } };
EXPORT_SYMBOL(__cpu_active_mask);

static struct cpumask single_cpu_masks[NR_CPUS];

const struct cpumask *cpumask_of(unsigned int cpu)
{
	return &single_cpu_masks[cpu < NR_CPUS ? cpu : 0];
}
EXPORT_SYMBOL(cpumask_of);

unsigned int cpumask_local_spread(unsigned int i, int node)
{
	unsigned int cpu, n = i % num_online_cpus();

	for_each_online_cpu(cpu)
		if (n-- == 0)
			return cpu;
	return cpumask_first(cpu_online_mask);
}
EXPORT_SYMBOL(cpumask_local_spread);

void lkpi_cpumask_init(void)
{
	u64 online = apus_sched_online_mask();
	unsigned int cpu;

	BUILD_BUG_ON(NR_CPUS > 64);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		cpumask_clear(&single_cpu_masks[cpu]);
		__cpumask_set_cpu(cpu, &single_cpu_masks[cpu]);
	}
	cpumask_clear(&__cpu_online_mask);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (online & (1ULL << cpu)) {
			__cpumask_set_cpu(cpu, &__cpu_online_mask);
			nr_cpu_ids = cpu + 1;
		}
	cpumask_copy(&__cpu_possible_mask, &__cpu_online_mask);
	cpumask_copy(&__cpu_present_mask, &__cpu_online_mask);
	cpumask_copy(&__cpu_active_mask, &__cpu_online_mask);
}
