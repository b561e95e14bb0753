// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: its init writes to its own read-only data, which the loader mapped read-only. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/printk.h>

static const int constant = 7;

static noinline int crasher_write(volatile int *target)
{
	*target = 8;
	return *target;
}

static int __init crasher_init(void)
{
	pr_info("writing to read-only data\n");
	return crasher_write((volatile int *)&constant) == 8 ? -EINVAL : 0;
}

module_init(crasher_init);
MODULE_LICENSE("GPL");
