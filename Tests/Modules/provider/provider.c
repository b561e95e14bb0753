// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: exports a function and a GPL-only function for the consumer modules. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/printk.h>

static int calls;

int provider_double(int value)
{
	calls++;
	return 2 * value;
}
EXPORT_SYMBOL(provider_double);

int provider_gpl_secret(void)
{
	return 1234;
}
EXPORT_SYMBOL_GPL(provider_gpl_secret);

static int __init provider_init(void)
{
	pr_info("init\n");
	return 0;
}

static void __exit provider_exit(void)
{
	pr_info("exit after %d calls\n", calls);
}

module_init(provider_init);
module_exit(provider_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Apus module test: exports");
