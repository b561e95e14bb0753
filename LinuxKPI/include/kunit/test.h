/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KUnit, Linux's in-kernel unit-test framework: suites of test cases, parameterised cases, expectations
 * (KUNIT_EXPECT_*: record a failure, go on) and assertions (KUNIT_ASSERT_*: record it and end the case),
 * memory freed when a case ends (kunit_kmalloc and friends), and results printed as KTAP on the kernel
 * log, line for line as Linux 6.1 prints them. A module lists its suites with kunit_test_suites(); the
 * module loader runs them when the module loads, before its init function (LinuxKPI/src/kunit.c).
 *
 * Each case runs in a kernel thread of its own, as in Linux, so that a case may sleep and an assertion
 * can end it from any depth of calls (it jumps back to the start of that thread).
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <kunit/assert.h>

#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kconfig.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>

struct kunit;
struct task_struct;

/* Size of a test's log in Linux (its debugfs copy); kept for code that sizes buffers by it. */
#define KUNIT_LOG_SIZE 512

/* Longest description a parameter generator may write, including the NUL. */
#define KUNIT_PARAM_DESC_SIZE 128

/* Longest skip reason, including the NUL. */
#define KUNIT_STATUS_COMMENT_SIZE 256

/* KTAP indentation of a suite's lines, and of a parameterised case's. */
#define KUNIT_SUBTEST_INDENT "    "
#define KUNIT_SUBSUBTEST_INDENT "        "

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

/*
 * One test case: run_case is called with a fresh struct kunit. With generate_params, the case runs once per
 * parameter: generate_params(NULL, desc) gives the first, generate_params(prev, desc) the next, NULL ends;
 * it may write a description of the parameter into desc (KUNIT_PARAM_DESC_SIZE bytes).
 */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);

	/* private: the result of the last run */
	enum kunit_status status;
	char *log;
};

static inline char *kunit_status_to_ok_not_ok(enum kunit_status status)
{
	return status == KUNIT_FAILURE ? "not ok" : "ok";
}

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

#define KUNIT_CASE_PARAM(test_name, gen_params) \
	{ .run_case = test_name, .name = #test_name, .generate_params = gen_params }

/*
 * A suite: its cases (an array ended by an empty entry), suite_init/suite_exit around all of them (a
 * failing suite_init fails the suite without running a case), init/exit around each case (a failing init
 * fails that case; exit runs even then, and after an assertion ended the case).
 */
struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;

	/* private */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	char *log;
	int suite_init_err;
};

/* The state of one running test case (one parameter of a parameterised case). */
struct kunit {
	void *priv;		/* for the suite's init/exit and the case to share */

	/* private */
	const char *name;
	char *log;
	const void *param_value;
	int param_index;
	spinlock_t lock;	/* guards resources */
	enum kunit_status status;
	struct list_head resources;	/* memory from kunit_kmalloc*, freed in reverse order */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	struct task_struct *thread;	/* the thread running the case; only it can be ended by an assertion */
	void *abort_point[5];		/* __builtin_setjmp buffer at the start of that thread */
};

static inline void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

bool kunit_enabled(void);
void kunit_init_test(struct kunit *test, const char *name, char *log);
int kunit_run_tests(struct kunit_suite *suite);
size_t kunit_suite_num_test_cases(struct kunit_suite *suite);
unsigned int kunit_test_case_num(struct kunit_suite *suite, struct kunit_case *test_case);
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite);
int __kunit_test_suites_init(struct kunit_suite *const *const suites, int num_suites);
void __kunit_test_suites_exit(struct kunit_suite **suites, int num_suites);

/*
 * Runs a module's suites (its .kunit_test_suites section: count pointers to struct kunit_suite) as one KTAP
 * document: "KTAP version 1", "1..count", then each suite. Called by the module loader before the
 * module's init; runs of different modules never interleave. May sleep.
 */
void apus_kunit_run_suites(struct kunit_suite *const *suites, size_t count);

/*
 * Lists suites for the loader: an array of pointers in section .kunit_test_suites, as Linux's build puts
 * them, so a module may have both suites and its own module_init.
 */
#define __kunit_test_suites(unique_array, ...)						\
	static struct kunit_suite *unique_array[] __aligned(sizeof(struct kunit_suite *))	\
		__used __section(".kunit_test_suites") = { __VA_ARGS__ }

#define kunit_test_suites(__suites...) __kunit_test_suites(__UNIQUE_ID(array), ##__suites)
#define kunit_test_suite(suite) kunit_test_suites(&suite)
#define kunit_test_init_section_suites(__suites...) __kunit_test_suites(__UNIQUE_ID(array_probe), ##__suites)
#define kunit_test_init_section_suite(suite) kunit_test_init_section_suites(&suite)

#define kunit_suite_for_each_test_case(suite, test_case) \
	for (test_case = (suite)->test_cases; test_case->run_case; test_case++)

/* Memory that lives until the test case ends (or kunit_kfree): gfp as for kmalloc. */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);
void kunit_kfree(struct kunit *test, const void *ptr);
void kunit_cleanup(struct kunit *test);

static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

/*
 * Ends the test case at once, as a failed assertion does. Only the case's own thread can be ended: called
 * from another context (a work item, a timer, an interrupt handler) it reports that and returns.
 */
void kunit_abort(struct kunit *test);

/*
 * Prints a formatted record on the kernel log; fmt starts with a KERN_ level. A record of several lines
 * is printed a line at a time, each at that level, so every line carries the log's prefix.
 */
void __printf(1, 2) kunit_log_lines(const char *fmt, ...);

/* Linux also appends to the test's debugfs log; Apus has no debugfs, so the kernel log is the record. */
#define kunit_log(lvl, test_or_suite, fmt, ...)				\
	do {								\
		(void)(test_or_suite);					\
		kunit_log_lines(lvl fmt, ##__VA_ARGS__);		\
	} while (0)

#define kunit_printk(lvl, test, fmt, ...) \
	kunit_log(lvl, test, KUNIT_SUBTEST_INDENT "# %s: " fmt, (test)->name, ##__VA_ARGS__)

#define kunit_info(test, fmt, ...) kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)
#define kunit_warn(test, fmt, ...) kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...) kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/* Marks the case skipped (it goes on running); a later failure does not undo the skip, as in Linux. */
#define kunit_mark_skipped(test_or_suite, fmt, ...)					\
	do {										\
		WRITE_ONCE((test_or_suite)->status, KUNIT_SKIPPED);			\
		scnprintf((test_or_suite)->status_comment, KUNIT_STATUS_COMMENT_SIZE,	\
			  fmt, ##__VA_ARGS__);						\
	} while (0)

/* Marks the case skipped and ends it. */
#define kunit_skip(test_or_suite, fmt, ...)					\
	do {									\
		kunit_mark_skipped((test_or_suite), fmt, ##__VA_ARGS__);	\
		kunit_abort(test_or_suite);					\
	} while (0)

#define KUNIT_SUCCEED(test) do {} while (0)

/* The value of one side of a check, as kunit_check_failed reads it. */
#define __kunit_int_value(x) ((union kunit_check_value){ .integer = (long long)(x) })
#define __kunit_ptr_value(x) ((union kunit_check_value){ .pointer = (const void *)(x) })
#define __kunit_str_value(x) ((union kunit_check_value){ .string = (x) })
#define __kunit_no_value ((union kunit_check_value){ .integer = 0 })

/* Declares the check site __check (static, built at compile time). */
#define __KUNIT_CHECK_SITE(assert_type, check_kind, left, op, right)	\
	static const struct kunit_check __check = {			\
		.loc = KUNIT_CURRENT_LOC,				\
		.type = (assert_type),					\
		.kind = (check_kind),					\
		.left_text = (left),					\
		.operation = (op),					\
		.right_text = (right),					\
	}

#define KUNIT_FAIL_ASSERTION(test, assert_type, fmt, ...)					\
	do {											\
		__KUNIT_CHECK_SITE(assert_type, KUNIT_CHECK_FAIL, NULL, NULL, NULL);		\
		kunit_check_failed(test, &__check, __kunit_no_value, __kunit_no_value,		\
				   fmt, ##__VA_ARGS__);						\
	} while (0)

#define KUNIT_FAIL(test, fmt, ...) KUNIT_FAIL_ASSERTION(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)

#define KUNIT_UNARY_ASSERTION(test, assert_type, condition, expected_true, fmt, ...)		\
	do {											\
		if (likely(!!(condition) == !!(expected_true)))					\
			break;									\
		__KUNIT_CHECK_SITE(assert_type, (expected_true) ? KUNIT_CHECK_TRUE : KUNIT_CHECK_FALSE, \
				   #condition, NULL, NULL);					\
		kunit_check_failed(test, &__check, __kunit_no_value, __kunit_no_value,		\
				   fmt, ##__VA_ARGS__);						\
	} while (0)

#define KUNIT_TRUE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, true, fmt, ##__VA_ARGS__)

#define KUNIT_FALSE_MSG_ASSERTION(test, assert_type, condition, fmt, ...) \
	KUNIT_UNARY_ASSERTION(test, assert_type, condition, false, fmt, ##__VA_ARGS__)

/* Both sides are evaluated exactly once, then compared with op. */
#define __KUNIT_BINARY_ASSERTION(test, assert_type, check_kind, to_value, left, op, right, fmt, ...) \
	do {											\
		const typeof(left) __left = (left);						\
		const typeof(right) __right = (right);						\
		if (likely(__left op __right))							\
			break;									\
		__KUNIT_CHECK_SITE(assert_type, check_kind, #left, #op, #right);		\
		kunit_check_failed(test, &__check, to_value(__left), to_value(__right),	\
				   fmt, ##__VA_ARGS__);						\
	} while (0)

#define KUNIT_BINARY_INT_ASSERTION(test, assert_type, left, op, right, fmt, ...) \
	__KUNIT_BINARY_ASSERTION(test, assert_type, KUNIT_CHECK_INT, __kunit_int_value, left, op, right, \
				 fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_PTR_ASSERTION(test, assert_type, left, op, right, fmt, ...) \
	__KUNIT_BINARY_ASSERTION(test, assert_type, KUNIT_CHECK_PTR, __kunit_ptr_value, left, op, right, \
				 fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_STR_ASSERTION(test, assert_type, left, op, right, fmt, ...)		\
	do {											\
		const char *__left = (left);							\
		const char *__right = (right);							\
		if (likely(strcmp(__left, __right) op 0))					\
			break;									\
		__KUNIT_CHECK_SITE(assert_type, KUNIT_CHECK_STR, #left, #op, #right);		\
		kunit_check_failed(test, &__check, __kunit_str_value(__left),			\
				   __kunit_str_value(__right), fmt, ##__VA_ARGS__);		\
	} while (0)

#define KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, assert_type, ptr, fmt, ...)		\
	do {											\
		const typeof(ptr) __ptr = (ptr);						\
		if (!IS_ERR_OR_NULL(__ptr))							\
			break;									\
		__KUNIT_CHECK_SITE(assert_type, KUNIT_CHECK_NOT_ERR_OR_NULL, #ptr, NULL, NULL);	\
		kunit_check_failed(test, &__check, __kunit_ptr_value(__ptr), __kunit_no_value,	\
				   fmt, ##__VA_ARGS__);						\
	} while (0)

/* Expectations: a failure is reported and the case goes on. */
#define KUNIT_EXPECT_TRUE(test, condition) KUNIT_EXPECT_TRUE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_TRUE_MSG(test, condition, fmt, ...) \
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE(test, condition) KUNIT_EXPECT_FALSE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_FALSE_MSG(test, condition, fmt, ...) \
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(test, left, right) KUNIT_EXPECT_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_EQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE(test, left, right) KUNIT_EXPECT_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_NE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT(test, left, right) KUNIT_EXPECT_LT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LT_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, left, <, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE(test, left, right) KUNIT_EXPECT_LE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, left, <=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT(test, left, right) KUNIT_EXPECT_GT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GT_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, left, >, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE(test, left, right) KUNIT_EXPECT_GE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION, left, >=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(test, left, right) KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE(test, left, right) KUNIT_EXPECT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_NE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NULL(test, ptr) KUNIT_EXPECT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NULL_MSG(test, ptr, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, ptr, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL(test, ptr) KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION, ptr, !=, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, ptr) KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...) \
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_EXPECTATION, ptr, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_STREQ(test, left, right) KUNIT_EXPECT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STREQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_STRNEQ(test, left, right) KUNIT_EXPECT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STRNEQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION, left, !=, right, fmt, ##__VA_ARGS__)

/* Assertions: a failure is reported and the case ends. */
#define KUNIT_ASSERT_FAILURE(test, fmt, ...) KUNIT_FAIL_ASSERTION(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_TRUE(test, condition) KUNIT_ASSERT_TRUE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_TRUE_MSG(test, condition, fmt, ...) \
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE(test, condition) KUNIT_ASSERT_FALSE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_FALSE_MSG(test, condition, fmt, ...) \
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_EQ(test, left, right) KUNIT_ASSERT_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_EQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE(test, left, right) KUNIT_ASSERT_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_NE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT(test, left, right) KUNIT_ASSERT_LT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LT_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, left, <, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE(test, left, right) KUNIT_ASSERT_LE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, left, <=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT(test, left, right) KUNIT_ASSERT_GT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GT_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, left, >, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE(test, left, right) KUNIT_ASSERT_GE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION, left, >=, right, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_PTR_EQ(test, left, right) KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE(test, left, right) KUNIT_ASSERT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_NE_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL(test, ptr) KUNIT_ASSERT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NULL_MSG(test, ptr, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, ptr, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL(test, ptr) KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, fmt, ...) \
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION, ptr, !=, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr) KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...) \
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_ASSERTION, ptr, fmt, ##__VA_ARGS__)

#define KUNIT_ASSERT_STREQ(test, left, right) KUNIT_ASSERT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STREQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ(test, left, right) KUNIT_ASSERT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STRNEQ_MSG(test, left, right, fmt, ...) \
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION, left, !=, right, fmt, ##__VA_ARGS__)

/*
 * Defines name##_gen_params, a parameter generator walking array element by element; get_desc (or NULL)
 * writes each element's description.
 */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)						\
	static const void *name##_gen_params(const void *prev, char *desc)			\
	{											\
		typeof((array)[0]) *__next = prev ? ((typeof(__next))prev) + 1 : (array);	\
		void (*__get_desc)(typeof(__next), char *) = (get_desc);			\
		if (__next - (array) >= ARRAY_SIZE(array))					\
			return NULL;								\
		if (__get_desc)									\
			__get_desc(__next, desc);						\
		return __next;									\
	}

#endif
