// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit's own check: a module whose results the host test knows in advance, failures included. It shows
 * that a failed expectation comes out as "not ok" with Linux's diagnostics, that an assertion ends its case
 * (the exit hook still runs), that skips, parameterised cases and a failing suite_init are reported as
 * Linux reports them, and that the host runner fails on them. Never loaded outside that test.
 */
#include <kunit/test.h>

struct example_context {
	int magic;
};

static int example_init(struct kunit *test)
{
	struct example_context *context = kunit_kzalloc(test, sizeof(*context), GFP_KERNEL);

	if (!context)
		return -ENOMEM;
	context->magic = 0x5a;
	test->priv = context;
	return 0;
}

static void example_exit(struct kunit *test)
{
	kunit_info(test, "exit hook ran");
}

static void example_passes(struct kunit *test)
{
	struct example_context *context = test->priv;

	KUNIT_ASSERT_NOT_NULL(test, context);
	KUNIT_EXPECT_EQ(test, context->magic, 0x5a);
	KUNIT_EXPECT_STREQ(test, "abc", "abc");
	KUNIT_EXPECT_PTR_EQ(test, context, (struct example_context *)test->priv);
}

static void example_expectation_fails(struct kunit *test)
{
	int two = 1 + 1;

	KUNIT_EXPECT_EQ(test, two, 3);
	KUNIT_EXPECT_STREQ_MSG(test, "left", "right", "strings differ: %d", 7);
	kunit_info(test, "goes on after a failed expectation");
}

static void example_assertion_ends_case(struct kunit *test)
{
	bool context_missing = !test->priv;

	KUNIT_ASSERT_TRUE(test, context_missing);
	kunit_info(test, "not reached after a failed assertion");
}

static void example_skips(struct kunit *test)
{
	kunit_skip(test, "skipped on purpose");
	kunit_info(test, "not reached after kunit_skip");
}

static const int example_values[] = { 1, 2, 3 };

static void example_value_desc(const int *value, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "value-%d", *value);
}

KUNIT_ARRAY_PARAM(example_values, example_values, example_value_desc);

static void example_param(struct kunit *test)
{
	const int *value = test->param_value;

	KUNIT_EXPECT_NE(test, *value, 2);
}

static struct kunit_case example_cases[] = {
	KUNIT_CASE(example_passes),
	KUNIT_CASE(example_expectation_fails),
	KUNIT_CASE(example_assertion_ends_case),
	KUNIT_CASE(example_skips),
	KUNIT_CASE_PARAM(example_param, example_values_gen_params),
	{}
};

static struct kunit_suite example_suite = {
	.name = "kunit-failures",
	.init = example_init,
	.exit = example_exit,
	.test_cases = example_cases,
};

static int example_suite_init_fails(struct kunit_suite *suite)
{
	return -ENODEV;
}

static struct kunit_suite example_broken_suite = {
	.name = "kunit-failures-broken",
	.suite_init = example_suite_init_fails,
	.test_cases = example_cases,
};

static void example_only_skips(struct kunit *test)
{
	kunit_mark_skipped(test, "nothing to do");
}

static struct kunit_case example_skip_cases[] = {
	KUNIT_CASE(example_only_skips),
	{}
};

static struct kunit_suite example_skipped_suite = {
	.name = "kunit-failures-skipped",
	.test_cases = example_skip_cases,
};

kunit_test_suites(&example_suite, &example_broken_suite, &example_skipped_suite);

MODULE_DESCRIPTION("KUnit cases with known failures, for the host runner's own test");
MODULE_LICENSE("GPL");
