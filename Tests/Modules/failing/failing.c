// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: its init fails, so the loader must undo everything. */
#include <linux/errno.h>
#include <linux/module.h>
#include "../include/apus_test.h"

int provider_double(int value);

static int __init failing_init(void)
{
	test_print("failing: init uses provider (%d) and fails", provider_double(21));
	return -ENODEV;
}

module_init(failing_init);
MODULE_LICENSE("GPL");
