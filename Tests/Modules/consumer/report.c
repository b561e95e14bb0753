// SPDX-License-Identifier: GPL-2.0-only
/* The consumer's second object: one more cross-object call after linking. */
#include <linux/module.h>
#include "../include/apus_test.h"
#include "consumer.h"

void consumer_report(const char *when)
{
	test_print("consumer: %s in %s", when, THIS_MODULE->name);
}
