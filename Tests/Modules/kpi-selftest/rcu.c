// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: RCU. synchronize_rcu must wait for a reader that entered rcu_read_lock on another CPU
 * before it was called; call_rcu callbacks run after a grace period (rcu_barrier waits for them);
 * kfree_rcu; RCU-protected pointers and lists.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include "selftest.h"

struct rcu_reader {
	int inside;		/* the reader holds rcu_read_lock */
	int leaving;		/* set just before rcu_read_unlock */
	unsigned int hold_ms;
	struct completion finished;
};

static int rcu_reader_thread(void *data)
{
	struct rcu_reader *reader = data;

	rcu_read_lock();
	WRITE_ONCE(reader->inside, 1);
	mdelay(reader->hold_ms);	/* a read-side critical section may not sleep */
	WRITE_ONCE(reader->leaving, 1);
	rcu_read_unlock();
	complete(&reader->finished);
	return 0;
}

static void rcu_synchronize_waits_for_reader_on_other_cpu(struct kunit *test)
{
	struct rcu_reader *reader = kunit_kzalloc(test, sizeof(*reader), GFP_KERNEL);
	int cpu = selftest_other_cpu();
	ktime_t start;

	KUNIT_ASSERT_NOT_NULL(test, reader);
	if (cpu < 0)
		kunit_skip(test, "needs a second CPU");
	reader->hold_ms = 100;
	init_completion(&reader->finished);
	KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(rcu_reader_thread, reader, cpu, "kpi-rcu-reader")));
	KUNIT_ASSERT_TRUE_MSG(test, selftest_wait_until(&reader->inside, 5000), "the reader never started");
	start = ktime_get();
	synchronize_rcu();
	KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(reader->leaving), 1,
			    "synchronize_rcu returned while the reader was still inside rcu_read_lock");
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 1LL);
	wait_for_completion(&reader->finished);
}

static void rcu_synchronize_without_readers(struct kunit *test)
{
	ktime_t start = ktime_get();

	synchronize_rcu();
	synchronize_rcu();
	KUNIT_EXPECT_LT(test, selftest_ms_between(start, ktime_get()), 5000LL);
}

struct rcu_object {
	int value;
	struct rcu_head rcu;
	struct list_head node;
};

static atomic_t rcu_callbacks_run;

static void rcu_object_free(struct rcu_head *head)
{
	struct rcu_object *object = container_of(head, struct rcu_object, rcu);

	atomic_add(object->value, &rcu_callbacks_run);
	kfree(object);
}

static void rcu_call_rcu_and_barrier(struct kunit *test)
{
	int i;

	atomic_set(&rcu_callbacks_run, 0);
	for (i = 1; i <= 4; i++) {
		struct rcu_object *object = kzalloc(sizeof(*object), GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, object);
		object->value = i;
		call_rcu(&object->rcu, rcu_object_free);
	}
	rcu_barrier();
	KUNIT_EXPECT_EQ(test, atomic_read(&rcu_callbacks_run), 10);
}

static void rcu_kfree_rcu(struct kunit *test)
{
	struct rcu_object *object = kzalloc(sizeof(*object), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, object);
	kfree_rcu(object, rcu);
	rcu_barrier();
	KUNIT_SUCCEED(test);
}

struct rcu_config {
	int version;
};

static struct rcu_config __rcu *rcu_current_config;

static void rcu_pointer_publication(struct kunit *test)
{
	struct rcu_config *first = kunit_kzalloc(test, sizeof(*first), GFP_KERNEL);
	struct rcu_config *second = kunit_kzalloc(test, sizeof(*second), GFP_KERNEL);
	struct rcu_config *seen, *old;

	KUNIT_ASSERT_NOT_NULL(test, first);
	KUNIT_ASSERT_NOT_NULL(test, second);
	first->version = 1;
	second->version = 2;
	RCU_INIT_POINTER(rcu_current_config, first);
	rcu_read_lock();
	seen = rcu_dereference(rcu_current_config);
	KUNIT_EXPECT_EQ(test, seen->version, 1);
	rcu_read_unlock();
	old = rcu_replace_pointer(rcu_current_config, second, true);
	KUNIT_EXPECT_PTR_EQ(test, old, first);
	synchronize_rcu();
	KUNIT_EXPECT_EQ(test, rcu_access_pointer(rcu_current_config)->version, 2);
	rcu_assign_pointer(rcu_current_config, NULL);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(rcu_current_config));
}

static void rcu_list(struct kunit *test)
{
	struct rcu_object objects[3] = { { .value = 1 }, { .value = 2 }, { .value = 3 } };
	struct rcu_object *object;
	LIST_HEAD(list);
	int sum = 0;

	list_add_rcu(&objects[0].node, &list);
	list_add_tail_rcu(&objects[1].node, &list);
	list_add_tail_rcu(&objects[2].node, &list);
	list_del_rcu(&objects[1].node);
	rcu_read_lock();
	list_for_each_entry_rcu(object, &list, node)
		sum = sum * 10 + object->value;
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, sum, 13);
	synchronize_rcu();
}

static struct kunit_case rcu_cases[] = {
	KUNIT_CASE(rcu_synchronize_waits_for_reader_on_other_cpu),
	KUNIT_CASE(rcu_synchronize_without_readers),
	KUNIT_CASE(rcu_call_rcu_and_barrier),
	KUNIT_CASE(rcu_kfree_rcu),
	KUNIT_CASE(rcu_pointer_publication),
	KUNIT_CASE(rcu_list),
	{}
};

static struct kunit_suite rcu_suite = {
	.name = "kpi-rcu",
	.test_cases = rcu_cases,
};
kunit_test_suite(rcu_suite);
