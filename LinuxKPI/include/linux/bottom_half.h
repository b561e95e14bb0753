/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Disabling bottom halves (softirqs) on this CPU: the softirq byte of preempt_count, as in Linux. Softirqs
 * (LinuxKPI/src/softirq.c) do not run on this CPU while it is non-zero; __local_bh_enable_ip is where a
 * softirq implementation runs what became pending meanwhile.
 */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

#include <linux/preempt.h>

static __always_inline void __local_bh_disable_ip(unsigned long ip, unsigned int cnt)
{
	preempt_count_add(cnt);
	barrier();
}

void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);

static inline void local_bh_disable(void) { __local_bh_disable_ip(0, SOFTIRQ_DISABLE_OFFSET); }
static inline void local_bh_enable_ip(unsigned long ip) { __local_bh_enable_ip(ip, SOFTIRQ_DISABLE_OFFSET); }
static inline void local_bh_enable(void) { __local_bh_enable_ip(0, SOFTIRQ_DISABLE_OFFSET); }

#endif
