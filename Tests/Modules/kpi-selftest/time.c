// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: jiffies and HZ, ktime, delays (udelay/mdelay/msleep/usleep_range bounds), and timer_list:
 * expiry, mod_timer/del_timer return values, and del_timer_sync racing a callback that is running on
 * another CPU (it must wait for the callback to finish).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include "selftest.h"

/* Upper bounds are generous: QEMU's TCG may stall the guest for a while. */
#define SLACK_MS 500

static void time_jiffies_conversions(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, HZ, CONFIG_HZ);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), (unsigned long)HZ);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1), 1UL);	/* rounds up */
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000U);
	KUNIT_EXPECT_EQ(test, usecs_to_jiffies(1000000), (unsigned long)HZ);
	KUNIT_EXPECT_EQ(test, jiffies_to_usecs(1), 1000000U / HZ);
	KUNIT_EXPECT_TRUE(test, time_after(10UL, 5UL));
	KUNIT_EXPECT_TRUE(test, time_after(5UL, ULONG_MAX - 5));	/* across the wrap */
	KUNIT_EXPECT_TRUE(test, time_before(ULONG_MAX - 5, 5UL));
	KUNIT_EXPECT_TRUE(test, time_in_range(7UL, 5UL, 10UL));
	KUNIT_EXPECT_EQ(test, (u64)jiffies_64 >> 32, (u64)get_jiffies_64() >> 32);
}

static void time_ktime_arithmetic(struct kunit *test)
{
	ktime_t a = ms_to_ktime(1500);
	ktime_t b = ns_to_ktime(250 * NSEC_PER_MSEC);
	struct timespec64 ts;

	KUNIT_EXPECT_EQ(test, ktime_to_ns(a), 1500000000LL);
	KUNIT_EXPECT_EQ(test, ktime_to_ms(ktime_add(a, b)), 1750LL);
	KUNIT_EXPECT_EQ(test, ktime_to_us(ktime_sub(a, b)), 1250000LL);
	KUNIT_EXPECT_EQ(test, ktime_to_ns(ktime_add_ns(a, 5)), 1500000005LL);
	KUNIT_EXPECT_EQ(test, ktime_to_ns(ktime_add_us(a, 5)), 1500005000LL);
	KUNIT_EXPECT_TRUE(test, ktime_after(a, b));
	KUNIT_EXPECT_LT(test, ktime_compare(b, a), 0);
	KUNIT_EXPECT_EQ(test, ktime_ms_delta(a, b), 1250LL);
	ts = ktime_to_timespec64(a);
	KUNIT_EXPECT_EQ(test, ts.tv_sec, 1LL);
	KUNIT_EXPECT_EQ(test, ts.tv_nsec, 500000000L);
}

static void time_clocks_advance(struct kunit *test)
{
	ktime_t start = ktime_get();
	u64 ns = ktime_get_ns();
	u64 real = ktime_get_real_ns();
	unsigned long before = jiffies;

	mdelay(30);
	KUNIT_EXPECT_GT(test, ktime_get_ns(), ns);
	KUNIT_EXPECT_TRUE(test, ktime_after(ktime_get(), start));
	KUNIT_EXPECT_TRUE(test, time_after(jiffies, before));
	KUNIT_EXPECT_GT(test, ktime_get_boottime_ns(), 0ULL);
	KUNIT_EXPECT_GT(test, ktime_get_real_ns(), real);
	KUNIT_EXPECT_GE(test, local_clock(), ns);
}

static void time_delay_bounds(struct kunit *test)
{
	ktime_t start;
	s64 elapsed;

	start = ktime_get();
	udelay(500);
	elapsed = ktime_us_delta(ktime_get(), start);
	KUNIT_EXPECT_GE(test, elapsed, 500LL);
	KUNIT_EXPECT_LT(test, elapsed, SLACK_MS * 1000LL);

	start = ktime_get();
	ndelay(2000);
	KUNIT_EXPECT_GE(test, ktime_to_ns(ktime_sub(ktime_get(), start)), 2000LL);

	start = ktime_get();
	mdelay(20);
	elapsed = selftest_ms_between(start, ktime_get());
	KUNIT_EXPECT_GE(test, elapsed, 20LL);
	KUNIT_EXPECT_LT(test, elapsed, 20LL + SLACK_MS);

	start = ktime_get();
	msleep(50);
	elapsed = selftest_ms_between(start, ktime_get());
	KUNIT_EXPECT_GE(test, elapsed, 50LL);
	KUNIT_EXPECT_LT(test, elapsed, 50LL + SLACK_MS);

	start = ktime_get();
	usleep_range(2000, 3000);
	elapsed = ktime_us_delta(ktime_get(), start);
	KUNIT_EXPECT_GE(test, elapsed, 2000LL);
	KUNIT_EXPECT_LT(test, elapsed, SLACK_MS * 1000LL);

	start = ktime_get();
	KUNIT_EXPECT_EQ(test, msleep_interruptible(20), 0UL);
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 20LL);
	start = ktime_get();
	schedule_timeout_uninterruptible(msecs_to_jiffies(30));
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 20LL);
}

struct timer_probe {
	struct timer_list timer;
	atomic_t runs;
	int entered;
	int finished;
	unsigned int hold_ms;		/* how long the callback busy-waits */
	unsigned long fired_at;		/* jiffies when the callback ran */
	ktime_t fired_time;
	int in_irq_context;
	int cpu;			/* where the callback ran */
};

static void timer_probe_callback(struct timer_list *timer)
{
	struct timer_probe *probe = from_timer(probe, timer, timer);

	probe->fired_at = jiffies;
	probe->fired_time = ktime_get();
	probe->cpu = raw_smp_processor_id();
	probe->in_irq_context = in_interrupt() ? 1 : 0;
	WRITE_ONCE(probe->finished, 0);
	WRITE_ONCE(probe->entered, 1);
	if (probe->hold_ms)
		mdelay(probe->hold_ms);
	atomic_inc(&probe->runs);
	WRITE_ONCE(probe->finished, 1);
}

static void time_timer_fires_after_expiry(struct kunit *test)
{
	struct timer_probe *probe = kunit_kzalloc(test, sizeof(*probe), GFP_KERNEL);
	unsigned long armed;
	ktime_t start;

	KUNIT_ASSERT_NOT_NULL(test, probe);
	timer_setup(&probe->timer, timer_probe_callback, 0);
	KUNIT_EXPECT_FALSE(test, timer_pending(&probe->timer));
	start = ktime_get();
	armed = jiffies;
	KUNIT_EXPECT_EQ(test, mod_timer(&probe->timer, armed + msecs_to_jiffies(50)), 0);
	KUNIT_EXPECT_TRUE(test, timer_pending(&probe->timer));
	KUNIT_ASSERT_TRUE(test, selftest_wait_until(&probe->finished, 5000));
	KUNIT_EXPECT_FALSE(test, timer_pending(&probe->timer));
	KUNIT_EXPECT_TRUE(test, time_after_eq(probe->fired_at, armed + msecs_to_jiffies(50)));
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, probe->fired_time), 40LL);
	KUNIT_EXPECT_LT(test, selftest_ms_between(start, probe->fired_time), 50LL + SLACK_MS);
	KUNIT_EXPECT_EQ(test, probe->in_irq_context, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 1);
	/* Re-arming from the past fires at the next tick. */
	WRITE_ONCE(probe->finished, 0);
	mod_timer(&probe->timer, jiffies - 10);
	KUNIT_ASSERT_TRUE(test, selftest_wait_until(&probe->finished, 5000));
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 2);
	del_timer_sync(&probe->timer);
}

static void time_timer_deletion(struct kunit *test)
{
	struct timer_probe *probe = kunit_kzalloc(test, sizeof(*probe), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, probe);
	timer_setup(&probe->timer, timer_probe_callback, 0);
	KUNIT_EXPECT_EQ(test, del_timer(&probe->timer), 0);
	mod_timer(&probe->timer, jiffies + msecs_to_jiffies(40));
	KUNIT_EXPECT_EQ(test, mod_timer(&probe->timer, jiffies + msecs_to_jiffies(60)), 1);
	KUNIT_EXPECT_EQ(test, del_timer(&probe->timer), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&probe->timer));
	msleep(100);
	KUNIT_EXPECT_EQ_MSG(test, atomic_read(&probe->runs), 0, "a deleted timer fired");
	add_timer(&probe->timer);	/* expires is still the last one set: in the past, fires soon */
	KUNIT_EXPECT_TRUE(test, selftest_wait_until(&probe->finished, 5000));
	mod_timer(&probe->timer, jiffies + HZ);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&probe->timer), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 1);
}

struct timer_deleter {
	struct timer_probe *probe;
	int finished_seen;	/* probe->finished right after del_timer_sync returned; -1: never fired */
	int deleted;		/* what del_timer_sync returned */
	int cpu;
	struct completion done;
};

/* Arms the timer, waits until its callback runs (elsewhere), then deletes it with del_timer_sync. */
static int timer_deleter_thread(void *data)
{
	struct timer_deleter *deleter = data;
	struct timer_probe *probe = deleter->probe;

	deleter->cpu = raw_smp_processor_id();
	mod_timer(&probe->timer, jiffies + 1);
	if (selftest_wait_until(&probe->entered, 5000)) {
		deleter->deleted = del_timer_sync(&probe->timer);
		deleter->finished_seen = READ_ONCE(probe->finished);
	} else {
		deleter->finished_seen = -1;
	}
	complete(&deleter->done);
	return 0;
}

/* del_timer_sync called while the callback runs on another CPU returns only after it finished. */
static void time_del_timer_sync_waits_for_running_callback(struct kunit *test)
{
	struct timer_probe *probe = kunit_kzalloc(test, sizeof(*probe), GFP_KERNEL);
	struct timer_deleter *deleter = kunit_kzalloc(test, sizeof(*deleter), GFP_KERNEL);
	int cpu, other = -1;

	KUNIT_ASSERT_NOT_NULL(test, probe);
	KUNIT_ASSERT_NOT_NULL(test, deleter);
	timer_setup(&probe->timer, timer_probe_callback, 0);
	/* A first expiry shows which CPU runs the callback; the deleter runs on another one. */
	mod_timer(&probe->timer, jiffies + 1);
	KUNIT_ASSERT_TRUE_MSG(test, selftest_wait_until(&probe->finished, 5000), "the timer never fired");
	for_each_online_cpu(cpu) {
		if (cpu != probe->cpu) {
			other = cpu;
			break;
		}
	}
	if (other < 0)
		kunit_skip(test, "needs a second CPU");
	WRITE_ONCE(probe->entered, 0);
	WRITE_ONCE(probe->finished, 0);
	probe->hold_ms = 100;
	deleter->probe = probe;
	init_completion(&deleter->done);
	KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(timer_deleter_thread, deleter, other, "kpi-timer-del")));
	wait_for_completion(&deleter->done);
	KUNIT_EXPECT_NE_MSG(test, deleter->finished_seen, -1, "the timer never fired");
	KUNIT_EXPECT_EQ(test, deleter->deleted, 0);	/* it was running, no longer pending */
	KUNIT_EXPECT_EQ_MSG(test, deleter->finished_seen, 1,
			    "del_timer_sync returned while the callback was still running");
	KUNIT_EXPECT_EQ(test, atomic_read(&probe->runs), 2);
	kunit_info(test, "callback on CPU %d, del_timer_sync on CPU %d", probe->cpu, deleter->cpu);
}

/* Re-arm and delete in a tight loop: after del_timer_sync the callback is never running nor pending. */
static void time_del_timer_sync_races_expiry(struct kunit *test)
{
	struct timer_probe *probe = kunit_kzalloc(test, sizeof(*probe), GFP_KERNEL);
	int round, inconsistent = 0;

	KUNIT_ASSERT_NOT_NULL(test, probe);
	timer_setup(&probe->timer, timer_probe_callback, 0);
	probe->finished = 1;
	for (round = 0; round < 200; round++) {
		mod_timer(&probe->timer, jiffies + (round & 1));
		udelay((round * 37) % 3000);
		del_timer_sync(&probe->timer);
		if (timer_pending(&probe->timer) || !READ_ONCE(probe->finished))
			inconsistent++;
	}
	KUNIT_EXPECT_EQ(test, inconsistent, 0);
	kunit_info(test, "the callback ran in %d of 200 rounds", atomic_read(&probe->runs));
}

static struct kunit_case time_cases[] = {
	KUNIT_CASE(time_jiffies_conversions),
	KUNIT_CASE(time_ktime_arithmetic),
	KUNIT_CASE(time_clocks_advance),
	KUNIT_CASE(time_delay_bounds),
	KUNIT_CASE(time_timer_fires_after_expiry),
	KUNIT_CASE(time_timer_deletion),
	KUNIT_CASE(time_del_timer_sync_waits_for_running_callback),
	KUNIT_CASE(time_del_timer_sync_races_expiry),
	{}
};

static struct kunit_suite time_suite = {
	.name = "kpi-time",
	.test_cases = time_cases,
};
kunit_test_suite(time_suite);
