/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Power-management quality of service. Apus has neither CPU idle states nor device PM (CONFIG_CPU_IDLE
 * and CONFIG_PM off), so, as Linux's stubs for that configuration, requests are accepted and change
 * nothing, and every constraint reads as "no constraint".
 */
#ifndef _LINUX_PM_QOS_H
#define _LINUX_PM_QOS_H

#include <linux/types.h>
#include <linux/list.h>

struct device;

#define PM_QOS_DEFAULT_VALUE	(-1)
#define PM_QOS_LATENCY_ANY	S32_MAX
#define PM_QOS_LATENCY_ANY_NS	((s64)PM_QOS_LATENCY_ANY * NSEC_PER_USEC)
#define PM_QOS_CPU_LATENCY_DEFAULT_VALUE	(2000 * USEC_PER_SEC)
#define PM_QOS_RESUME_LATENCY_DEFAULT_VALUE	PM_QOS_LATENCY_ANY
#define PM_QOS_RESUME_LATENCY_NO_CONSTRAINT	PM_QOS_LATENCY_ANY
#define PM_QOS_LATENCY_TOLERANCE_DEFAULT_VALUE	0
#define PM_QOS_LATENCY_TOLERANCE_NO_CONSTRAINT	(-1)

struct pm_qos_request {
	s32 value;
};

enum dev_pm_qos_req_type {
	DEV_PM_QOS_RESUME_LATENCY = 1,
	DEV_PM_QOS_LATENCY_TOLERANCE,
	DEV_PM_QOS_MIN_FREQUENCY,
	DEV_PM_QOS_MAX_FREQUENCY,
	DEV_PM_QOS_FLAGS,
};

struct dev_pm_qos_request {
	enum dev_pm_qos_req_type type;
	struct device *dev;
};

static inline void cpu_latency_qos_add_request(struct pm_qos_request *req, s32 value) { req->value = value; }
static inline void cpu_latency_qos_update_request(struct pm_qos_request *req, s32 new_value) { req->value = new_value; }
static inline void cpu_latency_qos_remove_request(struct pm_qos_request *req) { }
static inline bool cpu_latency_qos_request_active(struct pm_qos_request *req) { return false; }
static inline s32 cpu_latency_qos_limit(void) { return PM_QOS_CPU_LATENCY_DEFAULT_VALUE; }

static inline int dev_pm_qos_add_request(struct device *dev, struct dev_pm_qos_request *req,
					 enum dev_pm_qos_req_type type, s32 value) { return 0; }
static inline int dev_pm_qos_update_request(struct dev_pm_qos_request *req, s32 new_value) { return 0; }
static inline int dev_pm_qos_remove_request(struct dev_pm_qos_request *req) { return 0; }
static inline int dev_pm_qos_expose_latency_tolerance(struct device *dev) { return 0; }
static inline void dev_pm_qos_hide_latency_tolerance(struct device *dev) { }
static inline int dev_pm_qos_update_user_latency_tolerance(struct device *dev, s32 val) { return 0; }
static inline s32 dev_pm_qos_get_user_latency_tolerance(struct device *dev)
{
	return PM_QOS_LATENCY_TOLERANCE_NO_CONSTRAINT;
}
static inline s32 dev_pm_qos_raw_resume_latency(struct device *dev)
{
	return PM_QOS_RESUME_LATENCY_NO_CONSTRAINT;
}

#endif
