// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: imports a symbol nobody exports. */
#include <linux/module.h>

int apus_nobody_exports_this(void);

static int __init missing_init(void)
{
	return apus_nobody_exports_this();
}

module_init(missing_init);
MODULE_LICENSE("GPL");
