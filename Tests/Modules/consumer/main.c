// SPDX-License-Identifier: GPL-2.0-only
/* System-test module: imports from provider (so provider cannot go first) and takes parameters. */
#include <linux/module.h>
#include "../include/apus_test.h"
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
	test_print("consumer: count=%d doubled=%d secret=%d", count, provider_double(count), provider_gpl_secret());
	test_print("consumer: greeting=%s quiet=%d port=%u label=%s", greeting, quiet, port, label);
	test_print("consumer: %u levels: %u %u %u %u", level_count, levels[0], levels[1], levels[2], levels[3]);
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
