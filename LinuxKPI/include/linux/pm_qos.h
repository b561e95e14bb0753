/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Power-management quality of service: CPU latency requests. Apus has no CPU idle states to govern
 * (CONFIG_CPU_IDLE is off), so requests are accepted and change nothing, as in Linux built without it.
 */
#ifndef _LINUX_PM_QOS_H
#define _LINUX_PM_QOS_H

#include <linux/types.h>

#define PM_QOS_DEFAULT_VALUE	(-1)

struct pm_qos_request {
	s32	value;
};

static inline void cpu_latency_qos_add_request(struct pm_qos_request *req, s32 value)
{
}

static inline void cpu_latency_qos_update_request(struct pm_qos_request *req, s32 new_value)
{
}

static inline void cpu_latency_qos_remove_request(struct pm_qos_request *req)
{
}

static inline bool cpu_latency_qos_request_active(struct pm_qos_request *req)
{
	return false;
}

#endif
