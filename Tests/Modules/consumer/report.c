// SPDX-License-Identifier: GPL-2.0-only
/* The consumer's second object: one more cross-object call after linking. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/printk.h>
#include "consumer.h"

void consumer_report(const char *when)
{
	pr_info("%s in %s\n", when, THIS_MODULE->name);
}
