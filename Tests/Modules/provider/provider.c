// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: exports a function and a GPL-only function for the consumer modules. */
#include <linux/module.h>
#include "../include/apus_test.h"

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
	test_print("provider: init");
	return 0;
}

static void __exit provider_exit(void)
{
	test_print("provider: exit after %d calls", calls);
}

module_init(provider_init);
module_exit(provider_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Apus module test: exports");
