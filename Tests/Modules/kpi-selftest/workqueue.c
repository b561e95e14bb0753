// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: workqueues. schedule_work/queue_work (pending work is not queued twice), flush_work,
 * delayed work (not before its delay; cancel before it runs), cancel_work_sync on a work item that is
 * running (it must wait for it), allocated and ordered queues, flush/drain/destroy, and async_schedule.
 */
#include <kunit/test.h>
#include <linux/async.h>
#include <linux/delay.h>
#include <linux/workqueue.h>
#include "selftest.h"

struct work_probe {
	struct work_struct work;
	struct delayed_work dwork;
	atomic_t runs;
	int entered;
	int finished;
	unsigned int hold_ms;	/* how long the function sleeps */
	ktime_t ran_at;
	int sequence[8];
	atomic_t next;
};

static void work_probe_function(struct work_struct *work)
{
	struct work_probe *probe = container_of(work, struct work_probe, work);

	probe->ran_at = ktime_get();
	WRITE_ONCE(probe->finished, 0);
	WRITE_ONCE(probe->entered, 1);
	if (probe->hold_ms)
		msleep(probe->hold_ms);
	atomic_inc(&probe->runs);
	WRITE_ONCE(probe->finished, 1);
}

static void work_probe_delayed_function(struct work_struct *work)
{
	struct work_probe *probe = container_of(to_delayed_work(work), struct work_probe, dwork);

	probe->ran_at = ktime_get();
	atomic_inc(&probe->runs);
	WRITE_ONCE(probe->finished, 1);
}

static struct work_probe *new_probe(struct kunit *test)
{
	struct work_probe *probe = kunit_kzalloc(test, sizeof(*probe), GFP_KERNEL);

	if (probe) {
		INIT_WORK(&probe->work, work_probe_function);
		INIT_DELAYED_WORK(&probe->dwork, work_probe_delayed_function);
	}
	return probe;
}

static void workqueue_schedule_and_flush(struct kunit *test)
{
	struct work_probe *probe = new_probe(test);

	KUNIT_ASSERT_NOT_NULL(test, probe);
	probe->hold_ms = 20;
	KUNIT_EXPECT_TRUE(test, schedule_work(&probe->work));
	KUNIT_EXPECT_TRUE(test, flush_work(&probe->work));
	KUNIT_EXPECT_EQ(test, READ_ONCE(probe->finished), 1);
	KUNIT_EXPECT_FALSE(test, work_pending(&probe->work));
	KUNIT_EXPECT_FALSE(test, flush_work(&probe->work));	/* idle: nothing to wait for */
	KUNIT_EXPECT_GE(test, atomic_read(&probe->runs), 1);
}

static void workqueue_cancel_work_sync_waits_for_running_work(struct kunit *test)
{
	struct work_probe *probe = new_probe(test);

	KUNIT_ASSERT_NOT_NULL(test, probe);
	probe->hold_ms = 100;
	KUNIT_ASSERT_TRUE(test, queue_work(system_wq, &probe->work));
	KUNIT_ASSERT_TRUE_MSG(test, selftest_wait_until(&probe->entered, 5000), "the work never started");
	/* It is running, not pending: cancel returns false, but only after the function returned. */
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&probe->work));
	KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(probe->finished), 1,
			    "cancel_work_sync returned while the work was still running");
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 1);
}

static void workqueue_cancel_pending_work(struct kunit *test)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("kpi-selftest-ordered", 0);
	struct work_probe *blocker = new_probe(test), *probe = new_probe(test);

	KUNIT_ASSERT_NOT_NULL(test, wq);
	KUNIT_ASSERT_NOT_NULL(test, blocker);
	KUNIT_ASSERT_NOT_NULL(test, probe);
	blocker->hold_ms = 50;
	queue_work(wq, &blocker->work);
	KUNIT_EXPECT_TRUE(test, queue_work(wq, &probe->work));	/* waits behind the blocker */
	KUNIT_EXPECT_FALSE_MSG(test, queue_work(wq, &probe->work), "pending work was queued twice");
	KUNIT_EXPECT_TRUE(test, work_pending(&probe->work));
	KUNIT_EXPECT_TRUE(test, cancel_work_sync(&probe->work));
	flush_workqueue(wq);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&blocker->runs), 1);
	destroy_workqueue(wq);
}

static void workqueue_delayed_work(struct kunit *test)
{
	struct work_probe *probe = new_probe(test);
	ktime_t start;

	KUNIT_ASSERT_NOT_NULL(test, probe);
	start = ktime_get();
	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&probe->dwork, msecs_to_jiffies(60)));
	KUNIT_EXPECT_TRUE(test, delayed_work_pending(&probe->dwork));
	KUNIT_EXPECT_FALSE(test, schedule_delayed_work(&probe->dwork, msecs_to_jiffies(60)));
	KUNIT_ASSERT_TRUE(test, selftest_wait_until(&probe->finished, 5000));
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 1);
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, probe->ran_at), 50LL);

	/* flush_delayed_work does not wait out the delay: it queues the work at once and waits for it. */
	WRITE_ONCE(probe->finished, 0);
	start = ktime_get();
	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&probe->dwork, 10 * HZ));
	KUNIT_EXPECT_TRUE(test, flush_delayed_work(&probe->dwork));
	KUNIT_EXPECT_EQ(test, READ_ONCE(probe->finished), 1);
	KUNIT_EXPECT_LT(test, selftest_ms_between(start, ktime_get()), 5000LL);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 2);

	KUNIT_EXPECT_TRUE(test, schedule_delayed_work(&probe->dwork, HZ));
	KUNIT_EXPECT_TRUE(test, cancel_delayed_work_sync(&probe->dwork));
	KUNIT_EXPECT_FALSE(test, delayed_work_pending(&probe->dwork));
	KUNIT_EXPECT_FALSE(test, cancel_delayed_work(&probe->dwork));
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 2);

	/* mod_delayed_work moves a pending item's deadline. */
	WRITE_ONCE(probe->finished, 0);
	start = ktime_get();
	queue_delayed_work(system_wq, &probe->dwork, 10 * HZ);
	KUNIT_EXPECT_TRUE(test, mod_delayed_work(system_wq, &probe->dwork, msecs_to_jiffies(20)));
	KUNIT_EXPECT_TRUE(test, selftest_wait_until(&probe->finished, 5000));
	KUNIT_EXPECT_LT(test, selftest_ms_between(start, ktime_get()), 5000LL);
	cancel_delayed_work_sync(&probe->dwork);
}

struct ordered_item {
	struct work_struct work;
	struct work_probe *probe;
	int index;
};

static void ordered_item_function(struct work_struct *work)
{
	struct ordered_item *item = container_of(work, struct ordered_item, work);

	if (item->index == 0)
		msleep(20);	/* a later item must still wait for this one */
	item->probe->sequence[atomic_inc_return(&item->probe->next) - 1] = item->index;
}

static void workqueue_ordered_queue_runs_in_order(struct kunit *test)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("kpi-%s", WQ_MEM_RECLAIM, "ordered");
	struct ordered_item *items = kunit_kcalloc(test, 8, sizeof(*items), GFP_KERNEL);
	struct work_probe *probe = new_probe(test);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, wq);
	KUNIT_ASSERT_NOT_NULL(test, items);
	KUNIT_ASSERT_NOT_NULL(test, probe);
	for (i = 0; i < 8; i++) {
		INIT_WORK(&items[i].work, ordered_item_function);
		items[i].probe = probe;
		items[i].index = i;
		KUNIT_EXPECT_TRUE(test, queue_work(wq, &items[i].work));
	}
	drain_workqueue(wq);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->next), 8);
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, probe->sequence[i], i);
	destroy_workqueue(wq);
}

static void workqueue_allocated_queue(struct kunit *test)
{
	struct workqueue_struct *wq = alloc_workqueue("kpi-selftest-wq", WQ_UNBOUND | WQ_HIGHPRI, 0);
	struct work_probe *probes[4];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, wq);
	for (i = 0; i < 4; i++) {
		probes[i] = new_probe(test);
		KUNIT_ASSERT_NOT_NULL(test, probes[i]);
		probes[i]->hold_ms = 10;
		queue_work(wq, &probes[i]->work);
	}
	flush_workqueue(wq);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, atomic_read(&probes[i]->runs), 1);
	KUNIT_EXPECT_TRUE(test, queue_work_on(selftest_other_cpu() < 0 ? 0 : selftest_other_cpu(), system_wq,
					      &probes[0]->work));
	flush_work(&probes[0]->work);
	KUNIT_EXPECT_EQ(test, atomic_read(&probes[0]->runs), 2);
	destroy_workqueue(wq);
}

static atomic_t async_sum;

static void async_add(void *data, async_cookie_t cookie)
{
	atomic_add((int)(long)data, &async_sum);
}

static void workqueue_async_schedule(struct kunit *test)
{
	int i;

	atomic_set(&async_sum, 0);
	for (i = 1; i <= 5; i++)
		async_schedule(async_add, (void *)(long)i);
	async_synchronize_full();
	KUNIT_EXPECT_EQ(test, atomic_read(&async_sum), 15);
}

static struct kunit_case workqueue_cases[] = {
	KUNIT_CASE(workqueue_schedule_and_flush),
	KUNIT_CASE(workqueue_cancel_work_sync_waits_for_running_work),
	KUNIT_CASE(workqueue_cancel_pending_work),
	KUNIT_CASE(workqueue_delayed_work),
	KUNIT_CASE(workqueue_ordered_queue_runs_in_order),
	KUNIT_CASE(workqueue_allocated_queue),
	KUNIT_CASE(workqueue_async_schedule),
	{}
};

static struct kunit_suite workqueue_suite = {
	.name = "kpi-workqueue",
	.test_cases = workqueue_cases,
};
kunit_test_suite(workqueue_suite);
