// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device messages: "DRIVER NAME: message" at the given level, e.g. "e1000e 0000:00:02.0: ...", or
 * "(NULL device *): message". The message is formatted into a buffer first (longer ones are cut at 512
 * bytes), then printed with its prefix in one printk, so lines from several CPUs do not interleave.
 */
#include <linux/device.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/kernel.h>

#define DEV_MESSAGE_MAX 512

void dev_vprintk(const char *level, const struct device *dev, const char *fmt, va_list args)
{
	char message[DEV_MESSAGE_MAX];

	vsnprintf(message, sizeof(message), fmt, args);
	if (dev)
		printk("%s%s %s: %s", level, dev_driver_string(dev), dev_name(dev), message);
	else
		printk("%s(NULL device *): %s", level, message);
}
EXPORT_SYMBOL(dev_vprintk);

void dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	dev_vprintk(level, dev, fmt, args);
	va_end(args);
}
EXPORT_SYMBOL(dev_printk);

#define define_dev_printk_level(func, kern_level)			\
void func(const struct device *dev, const char *fmt, ...)		\
{									\
	va_list args;							\
									\
	va_start(args, fmt);						\
	dev_vprintk(kern_level, dev, fmt, args);			\
	va_end(args);							\
}									\
EXPORT_SYMBOL(func);

define_dev_printk_level(_dev_emerg, KERN_EMERG);
define_dev_printk_level(_dev_alert, KERN_ALERT);
define_dev_printk_level(_dev_crit, KERN_CRIT);
define_dev_printk_level(_dev_err, KERN_ERR);
define_dev_printk_level(_dev_warn, KERN_WARNING);
define_dev_printk_level(_dev_notice, KERN_NOTICE);
define_dev_printk_level(_dev_info, KERN_INFO);

/*
 * For probe errors: prints "error %pe: message" at error level and returns err — except for
 * -EPROBE_DEFER, which Linux logs only as a debug message (a deferred probe is retried).
 */
int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	char message[DEV_MESSAGE_MAX];
	va_list args;

	va_start(args, fmt);
	vsnprintf(message, sizeof(message), fmt, args);
	va_end(args);
	if (err != -EPROBE_DEFER)
		dev_err(dev, "error %pe: %s", ERR_PTR(err), message);
	else
		dev_dbg(dev, "error %pe: %s", ERR_PTR(err), message);
	return err;
}
EXPORT_SYMBOL_GPL(dev_err_probe);
