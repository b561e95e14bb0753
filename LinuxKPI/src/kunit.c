// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit's runner: runs suites and their cases, each case in a kernel thread of its own, reports failed
 * checks, frees a case's kunit_kmalloc memory when it ends, and prints the results as KTAP on the kernel
 * log exactly as Linux 6.1's lib/kunit does (indentation, "# Subtest:", statistics lines, "# SKIP").
 *
 * Differences from Linux 6.1, each so that the host's KTAP parser can check every run completely:
 * - a module's suites form one KTAP document of their own ("KTAP version 1", "1..N", suites numbered from
 *   1), as Linux does for modules since 6.3; 6.1 prints module suites without a header and keeps
 *   numbering them after the built-in ones;
 * - a parameterised case announces its plan ("1..N" after "# Subtest:"); 6.1 prints none. N is counted by
 *   walking the generator once before the case runs;
 * - a case that has not ended after KUNIT_CASE_TIMEOUT_SECONDS is reported failed ("test case timed out")
 *   and its thread is left behind (Linux waits 300 s and then stops the thread).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>

#define KUNIT_CASE_TIMEOUT_SECONDS 60

/* Longest printed record, including the NUL; longer ones are cut. */
#define KUNIT_LINE_SIZE 512

struct kunit_result_stats {
	unsigned long passed;
	unsigned long skipped;
	unsigned long failed;
	unsigned long total;
};

/* One allocation of kunit_kmalloc_array, on its test's resource list. */
struct kunit_allocation {
	struct list_head node;
	void *data;
};

/* What the runner hands a case's thread; freed by the runner, or left behind if the case never ends. */
struct kunit_case_run {
	struct kunit test;
	struct kunit_suite *suite;
	struct kunit_case *test_case;
	struct completion done;
};

/* Serialises whole runs, so that two modules loading at once never interleave their KTAP. */
static DEFINE_MUTEX(kunit_run_lock);
/* The number of the next suite's result line in the current run. */
static size_t kunit_suite_counter = 1;

void kunit_log_lines(const char *fmt, ...)
{
	char text[KUNIT_LINE_SIZE];
	char line_fmt[] = KERN_INFO "%.*s\n";
	char *line = text;
	size_t length;
	va_list args;

	va_start(args, fmt);
	vscnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	/* The level prefix goes into each line's format, where printk reads it. */
	if (text[0] == KERN_SOH_ASCII && text[1] != '\0') {
		line_fmt[1] = text[1];
		line += 2;
	}
	/* One final line end closes the record; it does not open an empty line. */
	length = strlen(line);
	if (length > 0 && line[length - 1] == '\n')
		line[--length] = '\0';
	for (;;) {
		size_t count = 0;

		while (line[count] != '\0' && line[count] != '\n')
			count++;
		printk(line_fmt, (int)count, line);
		if (line[count] == '\0')
			break;
		line += count + 1;
	}
}
EXPORT_SYMBOL_GPL(kunit_log_lines);

bool kunit_enabled(void)
{
	return true;
}
EXPORT_SYMBOL_GPL(kunit_enabled);

void kunit_init_test(struct kunit *test, const char *name, char *log)
{
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
	test->name = name;
	test->log = log;
	if (test->log)
		test->log[0] = '\0';
	test->status = KUNIT_SUCCESS;
	test->status_comment[0] = '\0';
	test->thread = NULL;
}
EXPORT_SYMBOL_GPL(kunit_init_test);

void kunit_abort(struct kunit *test)
{
	if (test->thread != current) {
		/* A worker, timer or interrupt cannot end the case's thread: the case goes on. */
		kunit_err(test, "cannot end the test case from outside its thread; it goes on");
		return;
	}
	__builtin_longjmp(test->abort_point, 1);
}
EXPORT_SYMBOL_GPL(kunit_abort);

/* Whether text is how value is written in decimal ("5" for 5): then Linux prints no "text == value". */
static bool kunit_is_literal(const char *text, long long value)
{
	char written[24];

	snprintf(written, sizeof(written), "%lld", value);
	return strcmp(text, written) == 0;
}

/* Whether text is the string literal of value ("\"abc\"" for abc). */
static bool kunit_is_string_literal(const char *text, const char *value)
{
	size_t length = strlen(text);

	return length >= 2 && text[0] == '"' && text[length - 1] == '"' &&
	       strlen(value) == length - 2 && strncmp(text + 1, value, length - 2) == 0;
}

void kunit_check_failed(struct kunit *test, const struct kunit_check *check, union kunit_check_value left,
			union kunit_check_value right, const char *fmt, ...)
{
	const char *what = check->type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION";

	kunit_set_failure(test);
	kunit_err(test, "%s FAILED at %s:%d", what, check->loc.file, check->loc.line);
	switch (check->kind) {
	case KUNIT_CHECK_FAIL:
		break;
	case KUNIT_CHECK_TRUE:
	case KUNIT_CHECK_FALSE:
		kunit_log_lines(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s to be %s, but is %s", check->left_text,
				check->kind == KUNIT_CHECK_TRUE ? "true" : "false",
				check->kind == KUNIT_CHECK_TRUE ? "false" : "true");
		break;
	case KUNIT_CHECK_INT:
		kunit_log_lines(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s %s %s, but", check->left_text,
				check->operation, check->right_text);
		if (!kunit_is_literal(check->left_text, left.integer))
			kunit_log_lines(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %lld", check->left_text, left.integer);
		if (!kunit_is_literal(check->right_text, right.integer))
			kunit_log_lines(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %lld", check->right_text,
					right.integer);
		break;
	case KUNIT_CHECK_PTR:
		kunit_log_lines(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s %s %s, but", check->left_text,
				check->operation, check->right_text);
		kunit_log_lines(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %px", check->left_text, left.pointer);
		kunit_log_lines(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == %px", check->right_text, right.pointer);
		break;
	case KUNIT_CHECK_STR:
		kunit_log_lines(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s %s %s, but", check->left_text,
				check->operation, check->right_text);
		if (!kunit_is_string_literal(check->left_text, left.string))
			kunit_log_lines(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"", check->left_text, left.string);
		if (!kunit_is_string_literal(check->right_text, right.string))
			kunit_log_lines(KERN_ERR KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"", check->right_text,
					right.string);
		break;
	case KUNIT_CHECK_NOT_ERR_OR_NULL:
		if (!left.pointer)
			kunit_log_lines(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s is not null, but is",
					check->left_text);
		else
			kunit_log_lines(KERN_ERR KUNIT_SUBTEST_INDENT "Expected %s is not error, but is: %ld",
					check->left_text, PTR_ERR(left.pointer));
		break;
	}
	if (fmt) {
		char message[KUNIT_LINE_SIZE];
		va_list args;

		va_start(args, fmt);
		vscnprintf(message, sizeof(message), fmt, args);
		va_end(args);
		kunit_log_lines(KERN_ERR "%s", message);
	}
	if (check->type == KUNIT_ASSERTION)
		kunit_abort(test);
}
EXPORT_SYMBOL_GPL(kunit_check_failed);

/* ---- memory a case owns ------------------------------------------------------------------------- */

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	struct kunit_allocation *allocation;
	unsigned long flags;

	allocation = kmalloc(sizeof(*allocation), gfp & ~__GFP_ZERO);
	if (!allocation)
		return NULL;
	allocation->data = kmalloc_array(n, size, gfp);
	if (!allocation->data) {
		kfree(allocation);
		return NULL;
	}
	spin_lock_irqsave(&test->lock, flags);
	list_add_tail(&allocation->node, &test->resources);
	spin_unlock_irqrestore(&test->lock, flags);
	return allocation->data;
}
EXPORT_SYMBOL_GPL(kunit_kmalloc_array);

void kunit_kfree(struct kunit *test, const void *ptr)
{
	struct kunit_allocation *allocation, *found = NULL;
	unsigned long flags;

	if (!ptr)
		return;
	spin_lock_irqsave(&test->lock, flags);
	list_for_each_entry(allocation, &test->resources, node) {
		if (allocation->data == ptr) {
			found = allocation;
			list_del(&found->node);
			break;
		}
	}
	spin_unlock_irqrestore(&test->lock, flags);
	if (!found) {
		KUNIT_FAIL(test, "kunit_kfree: %px already freed or not allocated by kunit", ptr);
		return;
	}
	kfree(found->data);
	kfree(found);
}
EXPORT_SYMBOL_GPL(kunit_kfree);

void kunit_cleanup(struct kunit *test)
{
	struct kunit_allocation *allocation;
	unsigned long flags;

	/* Newest first: a later allocation may point into an earlier one. */
	for (;;) {
		spin_lock_irqsave(&test->lock, flags);
		allocation = list_empty(&test->resources) ? NULL :
			list_last_entry(&test->resources, struct kunit_allocation, node);
		if (allocation)
			list_del(&allocation->node);
		spin_unlock_irqrestore(&test->lock, flags);
		if (!allocation)
			break;
		kfree(allocation->data);
		kfree(allocation);
	}
}
EXPORT_SYMBOL_GPL(kunit_cleanup);

/* ---- running cases ------------------------------------------------------------------------------ */

/* The case's thread: init, the case, exit, cleanup; an assertion jumps back here and goes on with exit. */
static int kunit_case_thread(void *data)
{
	struct kunit_case_run *run = data;
	struct kunit *test = &run->test;
	struct kunit_suite *suite = run->suite;

	test->thread = current;
	if (__builtin_setjmp(test->abort_point) == 0) {
		int err = suite->init ? suite->init(test) : 0;

		if (err) {
			kunit_err(test, "failed to initialize: %d", err);
			kunit_set_failure(test);
		} else {
			run->test_case->run_case(test);
		}
	}
	if (suite->exit && __builtin_setjmp(test->abort_point) == 0)
		suite->exit(test);
	kunit_cleanup(test);
	complete(&run->done);
	return 0;
}

/*
 * Runs one case (one parameter of it) in a new thread and waits for it; returns the case's status and
 * copies its skip reason into status_comment.
 */
static enum kunit_status kunit_run_case(struct kunit_suite *suite, struct kunit_case *test_case,
					 const void *param_value, int param_index, char *status_comment)
{
	struct kunit_case_run *run;
	struct task_struct *thread;
	enum kunit_status status;

	status_comment[0] = '\0';
	run = kzalloc(sizeof(*run), GFP_KERNEL);
	if (!run) {
		pr_err(KUNIT_SUBTEST_INDENT "# %s: no memory to run the test case\n", test_case->name);
		return KUNIT_FAILURE;
	}
	kunit_init_test(&run->test, test_case->name, test_case->log);
	run->test.param_value = param_value;
	run->test.param_index = param_index;
	run->suite = suite;
	run->test_case = test_case;
	init_completion(&run->done);
	thread = kthread_run(kunit_case_thread, run, "kunit_try_catch_thread");
	if (IS_ERR(thread)) {
		kunit_err(&run->test, "internal error occurred preventing test case from running: %ld",
			  PTR_ERR(thread));
		kfree(run);
		return KUNIT_FAILURE;
	}
	if (!wait_for_completion_timeout(&run->done, KUNIT_CASE_TIMEOUT_SECONDS * HZ)) {
		/* The thread still uses run: it stays allocated. */
		kunit_err(&run->test, "test case timed out");
		return KUNIT_FAILURE;
	}
	status = READ_ONCE(run->test.status);
	strscpy(status_comment, run->test.status_comment, KUNIT_STATUS_COMMENT_SIZE);
	kfree(run);
	return status;
}

static void kunit_update_stats(struct kunit_result_stats *stats, enum kunit_status status)
{
	switch (status) {
	case KUNIT_SUCCESS:
		stats->passed++;
		break;
	case KUNIT_SKIPPED:
		stats->skipped++;
		break;
	case KUNIT_FAILURE:
		stats->failed++;
		break;
	}
	stats->total++;
}

/* Linux's default (kunit.stats_enabled=1): statistics only for more than one result. */
static void kunit_print_stats(const char *indent, const char *name, struct kunit_result_stats stats)
{
	if (stats.total <= 1)
		return;
	kunit_log_lines(KERN_INFO "%s# %s: pass:%lu fail:%lu skip:%lu total:%lu", indent, name, stats.passed,
			stats.failed, stats.skipped, stats.total);
}

static void kunit_print_result(const char *indent, enum kunit_status status, size_t number, const char *name,
			       const char *skip_reason)
{
	kunit_log_lines(KERN_INFO "%s%s %zu %s%s%s", indent, kunit_status_to_ok_not_ok(status), number, name,
			status == KUNIT_SKIPPED ? " # SKIP " : "", status == KUNIT_SKIPPED ? skip_reason : "");
}

/* The number of parameters a parameterised case will run with. */
static size_t kunit_count_params(struct kunit_case *test_case)
{
	char desc[KUNIT_PARAM_DESC_SIZE];
	const void *param;
	size_t count = 0;

	for (param = test_case->generate_params(NULL, desc); param; param = test_case->generate_params(param, desc))
		count++;
	return count;
}

/* Runs every parameter of a case as a KTAP subtest; returns the case's status. */
static enum kunit_status kunit_run_param_case(struct kunit_suite *suite, struct kunit_case *test_case,
					       struct kunit_result_stats *stats)
{
	char desc[KUNIT_PARAM_DESC_SIZE];
	char comment[KUNIT_STATUS_COMMENT_SIZE];
	enum kunit_status result = KUNIT_SKIPPED;
	const void *param;
	int index = 0;

	kunit_log_lines(KERN_INFO KUNIT_SUBSUBTEST_INDENT "KTAP version 1");
	kunit_log_lines(KERN_INFO KUNIT_SUBSUBTEST_INDENT "# Subtest: %s", test_case->name);
	kunit_log_lines(KERN_INFO KUNIT_SUBSUBTEST_INDENT "1..%zu", kunit_count_params(test_case));
	desc[0] = '\0';
	for (param = test_case->generate_params(NULL, desc); param; index++) {
		enum kunit_status status = kunit_run_case(suite, test_case, param, index, comment);

		if (desc[0] == '\0')
			snprintf(desc, sizeof(desc), "param-%d", index);
		kunit_print_result(KUNIT_SUBSUBTEST_INDENT, status, index + 1, desc, comment);
		kunit_update_stats(stats, status);
		if (status == KUNIT_FAILURE)
			result = KUNIT_FAILURE;
		else if (status == KUNIT_SUCCESS && result != KUNIT_FAILURE)
			result = KUNIT_SUCCESS;
		desc[0] = '\0';
		param = test_case->generate_params(param, desc);
	}
	return result;
}

size_t kunit_suite_num_test_cases(struct kunit_suite *suite)
{
	struct kunit_case *test_case;
	size_t count = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		count++;
	return count;
}
EXPORT_SYMBOL_GPL(kunit_suite_num_test_cases);

unsigned int kunit_test_case_num(struct kunit_suite *suite, struct kunit_case *test_case)
{
	struct kunit_case *each;
	unsigned int number = 1;

	kunit_suite_for_each_test_case(suite, each) {
		if (each == test_case)
			return number;
		number++;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_test_case_num);

enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite)
{
	const struct kunit_case *test_case;
	enum kunit_status status = KUNIT_SKIPPED;

	if (suite->suite_init_err)
		return KUNIT_FAILURE;
	kunit_suite_for_each_test_case(suite, test_case) {
		if (test_case->status == KUNIT_FAILURE)
			return KUNIT_FAILURE;
		if (test_case->status == KUNIT_SUCCESS)
			status = KUNIT_SUCCESS;
	}
	return status;
}
EXPORT_SYMBOL_GPL(kunit_suite_has_succeeded);

int kunit_run_tests(struct kunit_suite *suite)
{
	struct kunit_result_stats suite_stats = { 0 }, total_stats = { 0 };
	char comment[KUNIT_STATUS_COMMENT_SIZE];
	struct kunit_case *test_case;

	suite->status_comment[0] = '\0';
	suite->suite_init_err = suite->suite_init ? suite->suite_init(suite) : 0;
	if (suite->suite_init_err) {
		kunit_log_lines(KERN_ERR KUNIT_SUBTEST_INDENT "# %s: " KUNIT_SUBTEST_INDENT "# failed to initialize (%d)",
				suite->name, suite->suite_init_err);
		goto suite_end;
	}
	kunit_log_lines(KERN_INFO KUNIT_SUBTEST_INDENT "KTAP version 1");
	kunit_log_lines(KERN_INFO KUNIT_SUBTEST_INDENT "# Subtest: %s", suite->name);
	kunit_log_lines(KERN_INFO KUNIT_SUBTEST_INDENT "1..%zu", kunit_suite_num_test_cases(suite));

	kunit_suite_for_each_test_case(suite, test_case) {
		struct kunit_result_stats param_stats = { 0 };

		comment[0] = '\0';
		if (test_case->generate_params) {
			test_case->status = kunit_run_param_case(suite, test_case, &param_stats);
		} else {
			test_case->status = kunit_run_case(suite, test_case, NULL, 0, comment);
			kunit_update_stats(&param_stats, test_case->status);
		}
		kunit_print_stats(KUNIT_SUBTEST_INDENT, test_case->name, param_stats);
		kunit_print_result(KUNIT_SUBTEST_INDENT, test_case->status, kunit_test_case_num(suite, test_case),
				   test_case->name, comment);
		kunit_update_stats(&suite_stats, test_case->status);
		total_stats.passed += param_stats.passed;
		total_stats.skipped += param_stats.skipped;
		total_stats.failed += param_stats.failed;
		total_stats.total += param_stats.total;
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);
	kunit_print_stats("", suite->name, suite_stats);
	kunit_print_stats("", "Totals", total_stats);
suite_end:
	kunit_print_result("", kunit_suite_has_succeeded(suite), kunit_suite_counter++, suite->name,
			   suite->status_comment);
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_run_tests);

int __kunit_test_suites_init(struct kunit_suite *const *const suites, int num_suites)
{
	int i;

	for (i = 0; i < num_suites; i++)
		kunit_run_tests(suites[i]);
	return 0;
}
EXPORT_SYMBOL_GPL(__kunit_test_suites_init);

void __kunit_test_suites_exit(struct kunit_suite **suites, int num_suites)
{
	kunit_suite_counter = 1;
}
EXPORT_SYMBOL_GPL(__kunit_test_suites_exit);

void apus_kunit_run_suites(struct kunit_suite *const *suites, size_t count)
{
	size_t i, present = 0;

	for (i = 0; i < count; i++)
		present += suites[i] != NULL;
	if (present == 0)
		return;
	mutex_lock(&kunit_run_lock);
	kunit_suite_counter = 1;
	kunit_log_lines(KERN_INFO "KTAP version 1");
	kunit_log_lines(KERN_INFO "1..%zu", present);
	for (i = 0; i < count; i++) {
		if (suites[i])
			kunit_run_tests(suites[i]);
	}
	mutex_unlock(&kunit_run_lock);
}
EXPORT_SYMBOL_GPL(apus_kunit_run_suites);
