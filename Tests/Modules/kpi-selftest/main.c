// SPDX-License-Identifier: GPL-2.0-only
/*
 * The KPI self-test module: KUnit suites that check LinuxKPI against the behaviour Linux drivers rely on,
 * one suite per area (the other files of this folder). The suites run when the module loads, before
 * selftest_init; module_param and printk are checked here, together with the host test that loads the
 * module with answer=42 and looks for the lines printed.
 */
#include <kunit/test.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static int answer = 7;
module_param(answer, int, 0444);
MODULE_PARM_DESC(answer, "set to 42 by the host test");

static char *greeting = "hello";
module_param(greeting, charp, 0444);
MODULE_PARM_DESC(greeting, "a string parameter");

static bool verbose;
module_param(verbose, bool, 0644);

static unsigned int tries = 3;
module_param_named(attempts, tries, uint, 0644);

/* The host loads the module with "answer=42 attempts=5" (insmod) and leaves the rest at their defaults. */
static void module_params_as_given(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, answer, 42);
	KUNIT_EXPECT_EQ(test, tries, 5U);
	KUNIT_EXPECT_STREQ(test, greeting, "hello");
	KUNIT_EXPECT_FALSE(test, verbose);
}

static void module_this_module(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, THIS_MODULE);
	KUNIT_EXPECT_STREQ(test, KBUILD_MODNAME, "kpi_selftest");
}

static void module_printk_levels(struct kunit *test)
{
	/* The host test finds these lines in the log. */
	pr_info("kpi-selftest: printk info %d %s\n", 42, "works");
	pr_warn("kpi-selftest: printk warning %#x\n", 0x2a);
	printk(KERN_ERR "kpi-selftest: printk error %s\n", "visible");
	pr_debug("kpi-selftest: pr_debug is compiled out\n");
	print_hex_dump(KERN_INFO, "kpi-selftest: hex ", DUMP_PREFIX_OFFSET, 16, 1, "0123456789abcdefXY", 18, true);
	KUNIT_SUCCEED(test);
}

static struct kunit_case module_cases[] = {
	KUNIT_CASE(module_params_as_given),
	KUNIT_CASE(module_this_module),
	KUNIT_CASE(module_printk_levels),
	{}
};

static struct kunit_suite module_suite = {
	.name = "kpi-module",
	.test_cases = module_cases,
};
kunit_test_suite(module_suite);

static int __init selftest_init(void)
{
	pr_info("kpi-selftest: init after the suites, answer=%d\n", answer);
	return 0;
}

static void __exit selftest_exit(void)
{
	pr_info("kpi-selftest: exit\n");
}

module_init(selftest_init);
module_exit(selftest_exit);
MODULE_DESCRIPTION("LinuxKPI self-test (KUnit suites)");
MODULE_AUTHOR("Apus");
MODULE_LICENSE("GPL");
