/* SPDX-License-Identifier: GPL-2.0-only */
/* CPU topology: Apus knows one NUMA node (0) and treats every CPU as its own core. */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/cpumask.h>
#include <linux/smp.h>

#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE (-1)
#endif

static inline int cpu_to_node(int cpu) { return 0; }
static inline int numa_node_id(void) { return 0; }
static inline int numa_mem_id(void) { return 0; }
static inline int cpu_to_mem(int cpu) { return 0; }
static inline int early_cpu_to_node(int cpu) { return 0; }
#define cpumask_of_node(node) cpu_online_mask
#define topology_physical_package_id(cpu) 0
#define topology_core_id(cpu) (cpu)
#define topology_sibling_cpumask(cpu) cpumask_of(cpu)
#define topology_core_cpumask(cpu) cpu_online_mask

#endif
