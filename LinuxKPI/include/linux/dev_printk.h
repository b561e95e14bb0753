/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Messages about a device, prefixed as Linux prefixes them: "DRIVER NAME: " (for PCI "e1000e 0000:00:02.0: "),
 * or "BUS NAME: " before a driver is bound. dev_dbg prints only where DEBUG is defined (no dynamic debug).
 */
#ifndef _DEVICE_PRINTK_H_
#define _DEVICE_PRINTK_H_

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/printk.h>
#include <linux/ratelimit_types.h>

struct device;

__printf(3, 4) void dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
__printf(3, 0) void dev_vprintk(const char *level, const struct device *dev, const char *fmt, va_list args);
__printf(2, 3) void _dev_emerg(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_alert(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_crit(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_notice(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_info(const struct device *dev, const char *fmt, ...);
__printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);

#define dev_emerg(dev, fmt, ...) _dev_emerg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) _dev_alert(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) _dev_crit(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) _dev_err(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) _dev_warn(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_notice(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) _dev_info(dev, dev_fmt(fmt), ##__VA_ARGS__)

#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

#if defined(DEBUG)
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...)							\
({										\
	if (0)									\
		dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__);	\
})
#endif
#define dev_vdbg(dev, fmt, ...)							\
({										\
	if (0)									\
		dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__);	\
})

#define dev_level_once(dev_level, dev, fmt, ...)				\
do {										\
	static bool __print_once __read_mostly;					\
										\
	if (!__print_once) {							\
		__print_once = true;						\
		dev_level(dev, fmt, ##__VA_ARGS__);				\
	}									\
} while (0)

#define dev_emerg_once(dev, fmt, ...) dev_level_once(dev_emerg, dev, fmt, ##__VA_ARGS__)
#define dev_alert_once(dev, fmt, ...) dev_level_once(dev_alert, dev, fmt, ##__VA_ARGS__)
#define dev_crit_once(dev, fmt, ...) dev_level_once(dev_crit, dev, fmt, ##__VA_ARGS__)
#define dev_err_once(dev, fmt, ...) dev_level_once(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...) dev_level_once(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_notice_once(dev, fmt, ...) dev_level_once(dev_notice, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...) dev_level_once(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_once(dev, fmt, ...) dev_level_once(dev_dbg, dev, fmt, ##__VA_ARGS__)

#define dev_level_ratelimited(dev_level, dev, fmt, ...)				\
do {										\
	static DEFINE_RATELIMIT_STATE(_rs, DEFAULT_RATELIMIT_INTERVAL,		\
				      DEFAULT_RATELIMIT_BURST);			\
	if (__ratelimit(&_rs))							\
		dev_level(dev, fmt, ##__VA_ARGS__);				\
} while (0)

#define dev_emerg_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_emerg, dev, fmt, ##__VA_ARGS__)
#define dev_alert_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_alert, dev, fmt, ##__VA_ARGS__)
#define dev_crit_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_crit, dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_notice_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_notice, dev, fmt, ##__VA_ARGS__)
#define dev_info_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_info, dev, fmt, ##__VA_ARGS__)
#if defined(DEBUG)
#define dev_dbg_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_dbg, dev, fmt, ##__VA_ARGS__)
#else
#define dev_dbg_ratelimited(dev, fmt, ...) dev_dbg(dev, fmt, ##__VA_ARGS__)
#endif

#define dev_WARN(dev, format, arg...) WARN(1, "%s %s: " format, dev_driver_string(dev), dev_name(dev), ##arg)
#define dev_WARN_ONCE(dev, condition, format, arg...) \
	WARN_ONCE(condition, "%s %s: " format, dev_driver_string(dev), dev_name(dev), ##arg)

#endif
