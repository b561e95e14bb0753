// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: imports from provider (so provider cannot go first) and takes parameters. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/printk.h>
#include "consumer.h"

int provider_double(int value);
int provider_gpl_secret(void);

int count = 1;
module_param(count, int, 0444);
MODULE_PARM_DESC(count, "a number the module doubles through provider");
char *greeting = CONSUMER_GREETING_DEFAULT;
module_param(greeting, charp, 0444);
bool quiet;
module_param(quiet, bool, 0444);
unsigned int levels[4];
unsigned int level_count;
module_param_array(levels, uint, &level_count, 0444);
static unsigned short port = 80;
module_param_named(port_number, port, ushort, 0444);
static char label[8] = "none";
module_param_string(label, label, sizeof(label), 0444);

static int __init consumer_init(void)
{
	pr_info("count=%d doubled=%d secret=%d\n", count, provider_double(count), provider_gpl_secret());
	pr_info("greeting=%s quiet=%d port=%u label=%s\n", greeting, quiet, port, label);
	pr_info("%u levels: %u %u %u %u\n", level_count, levels[0], levels[1], levels[2], levels[3]);
	consumer_report("init");
	if (!try_module_get(THIS_MODULE))
		return -EBUSY;
	module_put(THIS_MODULE);
	return 0;
}

static void __exit consumer_exit(void)
{
	consumer_report("exit");
}

module_init(consumer_init);
module_exit(consumer_exit);
MODULE_LICENSE("GPL v2");
MODULE_AUTHOR("Apus");
