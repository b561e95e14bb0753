/* SPDX-License-Identifier: GPL-2.0-only */
/* Wake-up sources: Apus never sleeps, so devices record the setting and nothing wakes the system. */
#ifndef _LINUX_PM_WAKEUP_H
#define _LINUX_PM_WAKEUP_H

#include <linux/types.h>
#include <linux/device.h>

static inline bool device_can_wakeup(struct device *dev) { return dev->power.can_wakeup; }
static inline bool device_may_wakeup(struct device *dev) { return dev->power.can_wakeup && dev->power.should_wakeup; }
int device_wakeup_enable(struct device *dev);
int device_wakeup_disable(struct device *dev);
int device_set_wakeup_enable(struct device *dev, bool enable);
void device_set_wakeup_capable(struct device *dev, bool capable);
static inline int device_init_wakeup(struct device *dev, bool enable)
{
	device_set_wakeup_capable(dev, enable);
	return device_set_wakeup_enable(dev, enable);
}
static inline void pm_wakeup_event(struct device *dev, unsigned int msec) { }
static inline void pm_stay_awake(struct device *dev) { }
static inline void pm_relax(struct device *dev) { }

#endif
