// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: its init fails, so the loader must undo everything. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/printk.h>

int provider_double(int value);

static int __init failing_init(void)
{
	pr_info("init uses provider (%d) and fails\n", provider_double(21));
	return -ENODEV;
}

module_init(failing_init);
MODULE_LICENSE("GPL");
