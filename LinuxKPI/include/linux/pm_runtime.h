/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Runtime power management is not implemented (CONFIG_PM off): devices stay powered, every call succeeds
 * without powering anything up or down, and devices always report themselves active — what Linux's own
 * !CONFIG_PM stubs do.
 */
#ifndef _LINUX_PM_RUNTIME_H
#define _LINUX_PM_RUNTIME_H

#include <linux/device.h>
#include <linux/pm.h>

#define RPM_ASYNC	0x01
#define RPM_NOWAIT	0x02
#define RPM_GET_PUT	0x04
#define RPM_AUTO	0x08

static inline int __pm_runtime_idle(struct device *dev, int rpmflags) { return -ENOSYS; }
static inline int __pm_runtime_suspend(struct device *dev, int rpmflags) { return -ENOSYS; }
static inline int __pm_runtime_resume(struct device *dev, int rpmflags) { return 1; }
static inline int pm_schedule_suspend(struct device *dev, unsigned int delay) { return -ENOSYS; }
static inline int pm_runtime_get_if_in_use(struct device *dev) { return -EINVAL; }
static inline int pm_runtime_get_if_active(struct device *dev, bool ign_usage_count) { return -EINVAL; }
static inline int __pm_runtime_set_status(struct device *dev, unsigned int status) { return 0; }
static inline int pm_runtime_barrier(struct device *dev) { return 0; }
static inline void pm_runtime_enable(struct device *dev) { }
static inline void __pm_runtime_disable(struct device *dev, bool c) { }
static inline void pm_runtime_allow(struct device *dev) { }
static inline void pm_runtime_forbid(struct device *dev) { }
static inline void pm_suspend_ignore_children(struct device *dev, bool enable) { }
static inline void pm_runtime_get_noresume(struct device *dev) { }
static inline void pm_runtime_put_noidle(struct device *dev) { }
static inline bool pm_runtime_suspended(struct device *dev) { return false; }
static inline bool pm_runtime_active(struct device *dev) { return true; }
static inline bool pm_runtime_status_suspended(struct device *dev) { return false; }
static inline bool pm_runtime_enabled(struct device *dev) { return false; }
static inline void pm_runtime_no_callbacks(struct device *dev) { }
static inline void pm_runtime_irq_safe(struct device *dev) { }
static inline bool pm_runtime_is_irq_safe(struct device *dev) { return false; }
static inline void pm_runtime_mark_last_busy(struct device *dev) { }
static inline void pm_runtime_set_autosuspend_delay(struct device *dev, int delay) { }
static inline void __pm_runtime_use_autosuspend(struct device *dev, bool use) { }
static inline int pm_runtime_idle(struct device *dev) { return __pm_runtime_idle(dev, 0); }
static inline int pm_runtime_suspend(struct device *dev) { return __pm_runtime_suspend(dev, 0); }
static inline int pm_runtime_autosuspend(struct device *dev) { return __pm_runtime_suspend(dev, RPM_AUTO); }
static inline int pm_runtime_resume(struct device *dev) { return __pm_runtime_resume(dev, 0); }
static inline int pm_request_idle(struct device *dev) { return __pm_runtime_idle(dev, RPM_ASYNC); }
static inline int pm_request_resume(struct device *dev) { return __pm_runtime_resume(dev, RPM_ASYNC); }
static inline int pm_request_autosuspend(struct device *dev) { return __pm_runtime_suspend(dev, RPM_ASYNC | RPM_AUTO); }
static inline int pm_runtime_get(struct device *dev) { return __pm_runtime_resume(dev, RPM_GET_PUT | RPM_ASYNC); }
static inline int pm_runtime_get_sync(struct device *dev) { return __pm_runtime_resume(dev, RPM_GET_PUT); }
static inline int pm_runtime_resume_and_get(struct device *dev) { return 0; }
static inline int pm_runtime_put(struct device *dev) { return __pm_runtime_idle(dev, RPM_GET_PUT | RPM_ASYNC); }
static inline int pm_runtime_put_autosuspend(struct device *dev) { return __pm_runtime_suspend(dev, RPM_GET_PUT | RPM_ASYNC | RPM_AUTO); }
static inline int pm_runtime_put_sync(struct device *dev) { return __pm_runtime_idle(dev, RPM_GET_PUT); }
static inline int pm_runtime_put_sync_suspend(struct device *dev) { return __pm_runtime_suspend(dev, RPM_GET_PUT); }
static inline int pm_runtime_put_sync_autosuspend(struct device *dev) { return __pm_runtime_suspend(dev, RPM_GET_PUT | RPM_AUTO); }
static inline int pm_runtime_set_active(struct device *dev) { return __pm_runtime_set_status(dev, RPM_ACTIVE); }
static inline int pm_runtime_set_suspended(struct device *dev) { return __pm_runtime_set_status(dev, RPM_SUSPENDED); }
static inline void pm_runtime_disable(struct device *dev) { __pm_runtime_disable(dev, true); }
static inline void pm_runtime_use_autosuspend(struct device *dev) { __pm_runtime_use_autosuspend(dev, true); }
static inline void pm_runtime_dont_use_autosuspend(struct device *dev) { __pm_runtime_use_autosuspend(dev, false); }
static inline int devm_pm_runtime_enable(struct device *dev) { return 0; }

#endif
