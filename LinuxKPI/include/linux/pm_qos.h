/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Power-management quality of service: CPU latency requests and device latency tolerance. Apus has no CPU
 * idle states (CONFIG_CPU_IDLE) or device power management (CONFIG_PM) to govern, so requests are accepted
 * and change nothing, as in Linux built without them.
 */
#ifndef _LINUX_PM_QOS_H
#define _LINUX_PM_QOS_H

#include <linux/types.h>
#include <linux/limits.h>

struct device;

#define PM_QOS_DEFAULT_VALUE	(-1)
#define PM_QOS_LATENCY_ANY	S32_MAX
#define PM_QOS_LATENCY_TOLERANCE_DEFAULT_VALUE	0
#define PM_QOS_LATENCY_TOLERANCE_NO_CONSTRAINT	(-1)

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

/* Per-device latency tolerance: Apus has no device power management (CONFIG_PM), as Linux without it. */
static inline int dev_pm_qos_update_user_latency_tolerance(struct device *dev, s32 val)
{
	return 0;
}

static inline int dev_pm_qos_expose_latency_tolerance(struct device *dev)
{
	return 0;
}

static inline void dev_pm_qos_hide_latency_tolerance(struct device *dev)
{
}

#endif
