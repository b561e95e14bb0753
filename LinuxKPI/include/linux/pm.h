/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Power management callbacks drivers declare. Apus does not suspend or hibernate (CONFIG_PM is off), so the
 * SET_*_PM_OPS macros leave the callbacks out, as Linux does without CONFIG_PM_SLEEP; dev_pm_ops itself
 * is kept so drivers' tables compile.
 */
#ifndef _LINUX_PM_H
#define _LINUX_PM_H

#include <linux/types.h>
#include <linux/bits.h>

struct device;

typedef struct pm_message {
	int event;
} pm_message_t;

#define PM_EVENT_INVALID	(-1)
#define PM_EVENT_ON		0x0000
#define PM_EVENT_FREEZE		0x0001
#define PM_EVENT_SUSPEND	0x0002
#define PM_EVENT_HIBERNATE	0x0004
#define PM_EVENT_QUIESCE	0x0008
#define PM_EVENT_RESUME		0x0010
#define PMSG_SUSPEND		((struct pm_message){ .event = PM_EVENT_SUSPEND, })
#define PMSG_FREEZE		((struct pm_message){ .event = PM_EVENT_FREEZE, })
#define PMSG_ON			((struct pm_message){ .event = PM_EVENT_ON, })

struct dev_pm_ops {
	int (*prepare)(struct device *dev);
	void (*complete)(struct device *dev);
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
	int (*freeze)(struct device *dev);
	int (*thaw)(struct device *dev);
	int (*poweroff)(struct device *dev);
	int (*restore)(struct device *dev);
	int (*suspend_late)(struct device *dev);
	int (*resume_early)(struct device *dev);
	int (*freeze_late)(struct device *dev);
	int (*thaw_early)(struct device *dev);
	int (*poweroff_late)(struct device *dev);
	int (*restore_early)(struct device *dev);
	int (*suspend_noirq)(struct device *dev);
	int (*resume_noirq)(struct device *dev);
	int (*freeze_noirq)(struct device *dev);
	int (*thaw_noirq)(struct device *dev);
	int (*poweroff_noirq)(struct device *dev);
	int (*restore_noirq)(struct device *dev);
	int (*runtime_suspend)(struct device *dev);
	int (*runtime_resume)(struct device *dev);
	int (*runtime_idle)(struct device *dev);
};

/* Without CONFIG_PM the callbacks are left out (pm_ptr/pm_sleep_ptr give NULL). */
#define SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define SET_LATE_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define SET_NOIRQ_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn)
#define SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn)
#define pm_ptr(_ptr) NULL
#define pm_sleep_ptr(_ptr) NULL

#define DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	static const struct dev_pm_ops name = { }
#define SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	const struct dev_pm_ops __maybe_unused name = { }
#define UNIVERSAL_DEV_PM_OPS(name, suspend_fn, resume_fn, idle_fn) \
	const struct dev_pm_ops __maybe_unused name = { }
#define DEFINE_RUNTIME_DEV_PM_OPS(name, suspend_fn, resume_fn, idle_fn) \
	static const struct dev_pm_ops name = { }

enum rpm_status {
	RPM_INVALID = -1,
	RPM_ACTIVE = 0,
	RPM_RESUMING,
	RPM_SUSPENDED,
	RPM_SUSPENDING,
};

/* Per-device power state: always active. */
struct dev_pm_info {
	pm_message_t power_state;
	unsigned int can_wakeup:1;
	unsigned int should_wakeup:1;
	unsigned int async_suspend:1;
	unsigned int is_prepared:1;
	unsigned int runtime_auto:1;
	unsigned int ignore_children:1;
	unsigned int no_callbacks:1;
	enum rpm_status runtime_status;
	int usage_count;
	void (*set_latency_tolerance)(struct device *dev, s32 value);	/* recorded, never called */
};

/* Driver flags for system suspend (dev_pm_set_driver_flags): accepted, nothing suspends. */
#define DPM_FLAG_NO_DIRECT_COMPLETE	BIT(0)
#define DPM_FLAG_SMART_PREPARE		BIT(1)
#define DPM_FLAG_SMART_SUSPEND		BIT(2)
#define DPM_FLAG_MAY_SKIP_RESUME	BIT(3)

/* The system's sleep state transitions never happen on Apus. */
#define PM_SUSPEND_FLAG_FW_SUSPEND	(1 << 0)
#define PM_SUSPEND_FLAG_FW_RESUME	(1 << 1)
extern unsigned int pm_suspend_global_flags;
static inline bool pm_suspend_via_firmware(void) { return false; }
static inline bool pm_resume_via_firmware(void) { return false; }
static inline bool pm_suspend_no_platform(void) { return false; }

#endif
