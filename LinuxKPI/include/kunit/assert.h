/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a failed KUnit check reports: where it is (file and line), whether it was an expectation or an
 * assertion, what it compared (the source text of both sides and the operator) and the values it saw.
 * Every KUNIT_EXPECT_* and KUNIT_ASSERT_* macro of kunit/test.h builds one static struct kunit_check and,
 * only when the check fails, passes it with the two values to kunit_check_failed(), which prints the
 * report in Linux 6.1's words ("EXPECTATION FAILED at file:line", "Expected a == b, but", "a == 1").
 */
#ifndef _KUNIT_ASSERT_H
#define _KUNIT_ASSERT_H

#include <linux/compiler.h>
#include <linux/types.h>

struct kunit;

/* An expectation records the failure and goes on; an assertion also ends the test case. */
enum kunit_assert_type {
	KUNIT_ASSERTION,
	KUNIT_EXPECTATION,
};

struct kunit_loc {
	int line;
	const char *file;
};

#define KUNIT_CURRENT_LOC { .file = __FILE__, .line = __LINE__ }

/* What a check compared, which decides how its failure is printed. */
enum kunit_check_kind {
	KUNIT_CHECK_FAIL,		/* KUNIT_FAIL: the message alone */
	KUNIT_CHECK_TRUE,		/* a condition expected to be true */
	KUNIT_CHECK_FALSE,		/* a condition expected to be false */
	KUNIT_CHECK_INT,		/* two integers */
	KUNIT_CHECK_PTR,		/* two pointers */
	KUNIT_CHECK_STR,		/* two C strings, compared with strcmp */
	KUNIT_CHECK_NOT_ERR_OR_NULL,	/* a pointer that must be neither NULL nor an ERR_PTR */
};

/* One check site, built at compile time. left_text holds the condition or pointer for unary checks. */
struct kunit_check {
	struct kunit_loc loc;
	enum kunit_assert_type type;
	enum kunit_check_kind kind;
	const char *left_text;
	const char *operation;
	const char *right_text;
};

/* A value a check saw, as the kind of the check reads it. */
union kunit_check_value {
	long long integer;
	const void *pointer;
	const char *string;
};

/*
 * Reports the failed check on the test's log and marks the test failed; for an assertion, then ends the
 * test case (does not return). fmt is the optional user message of the _MSG variants, NULL otherwise.
 */
void kunit_check_failed(struct kunit *test, const struct kunit_check *check, union kunit_check_value left,
			union kunit_check_value right, const char *fmt, ...);

#endif
