// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: not GPL-licensed, yet uses a GPL-only export. */
#include <linux/module.h>

int provider_gpl_secret(void);

static int __init proprietary_init(void)
{
	return provider_gpl_secret() == 1234 ? 0 : -EINVAL;
}

module_init(proprietary_init);
MODULE_LICENSE("Proprietary");
