/* SPDX-License-Identifier: GPL-2.0-only */
/* One NUMA node: every device and allocation is on node 0 (NUMA_NO_NODE means "any"). */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#define NODES_SHIFT 0
#define MAX_NUMNODES 1
#define NUMA_NO_NODE (-1)

static inline int numa_map_to_online_node(int node) { return 0; }

#endif
