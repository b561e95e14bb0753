// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: its init writes to its own read-only data, which the loader mapped read-only. */
#include <linux/module.h>
#include "../include/apus_test.h"

static const int constant = 7;

static noinline int crasher_write(volatile int *target)
{
	*target = 8;
	return *target;
}

static int __init crasher_init(void)
{
	test_print("crasher: writing to read-only data");
	return crasher_write((volatile int *)&constant) == 8 ? -EINVAL : 0;
}

module_init(crasher_init);
MODULE_LICENSE("GPL");
