// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: spinlocks (irqsave, bh, trylock), mutexes under contention from every CPU, rw semaphores,
 * counting semaphores, completions and wait queues (wake-ups, timeouts).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include "selftest.h"

#define CONTENDERS_MAX 8
#define CONTENTION_ROUNDS 3000

/* Threads on every CPU increment one plain counter under a lock: lost updates mean no exclusion. */
struct contention {
	struct mutex mutex;
	spinlock_t spinlock;
	bool use_spinlock;
	unsigned long counter;
	atomic_t inside;
	atomic_t overlaps;
	atomic_t atomic_counter;
	atomic_t cpus_seen[CONTENDERS_MAX];
	struct completion done;
	atomic_t running;
};

static int contention_thread(void *data)
{
	struct contention *state = data;
	int round;

	atomic_inc(&state->cpus_seen[raw_smp_processor_id() % CONTENDERS_MAX]);
	for (round = 0; round < CONTENTION_ROUNDS; round++) {
		unsigned long value;

		if (state->use_spinlock)
			spin_lock(&state->spinlock);
		else
			mutex_lock(&state->mutex);
		if (atomic_inc_return(&state->inside) != 1)
			atomic_inc(&state->overlaps);
		value = READ_ONCE(state->counter);
		if (round % 64 == 0)
			udelay(2);	/* widen the window a lost update would need */
		WRITE_ONCE(state->counter, value + 1);
		atomic_dec(&state->inside);
		if (state->use_spinlock)
			spin_unlock(&state->spinlock);
		else
			mutex_unlock(&state->mutex);
		atomic_inc(&state->atomic_counter);
	}
	if (atomic_dec_and_test(&state->running))
		complete(&state->done);
	return 0;
}

static void run_contention(struct kunit *test, bool use_spinlock)
{
	struct contention *state = kunit_kzalloc(test, sizeof(*state), GFP_KERNEL);
	int threads = 0, cpu, cpus_used = 0, i;

	KUNIT_ASSERT_NOT_NULL(test, state);
	mutex_init(&state->mutex);
	spin_lock_init(&state->spinlock);
	state->use_spinlock = use_spinlock;
	init_completion(&state->done);
	/* Two threads per CPU, so that threads contend on one CPU too, up to CONTENDERS_MAX. */
	for_each_online_cpu(cpu) {
		if (threads + 2 > CONTENDERS_MAX)
			break;
		threads += 2;
	}
	atomic_set(&state->running, threads);
	i = 0;
	for_each_online_cpu(cpu) {
		if (i >= threads)
			break;
		KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(contention_thread, state, cpu, "kpi-contend")));
		KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(contention_thread, state, cpu, "kpi-contend")));
		i += 2;
	}
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&state->done, 60 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, state->counter, (unsigned long)threads * CONTENTION_ROUNDS);
	KUNIT_EXPECT_EQ(test, atomic_read(&state->atomic_counter), threads * CONTENTION_ROUNDS);
	KUNIT_EXPECT_EQ(test, atomic_read(&state->overlaps), 0);
	for (i = 0; i < CONTENDERS_MAX; i++)
		cpus_used += atomic_read(&state->cpus_seen[i]) > 0;
	KUNIT_EXPECT_EQ(test, cpus_used, min_t(int, num_online_cpus(), threads / 2));
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&state->mutex));
}

static void sync_mutex_contention_across_cpus(struct kunit *test)
{
	run_contention(test, false);
}

static void sync_spinlock_contention_across_cpus(struct kunit *test)
{
	run_contention(test, true);
}

static void sync_mutex_trylock(struct kunit *test)
{
	DEFINE_MUTEX(lock);

	KUNIT_EXPECT_TRUE(test, mutex_trylock(&lock));
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&lock));
	KUNIT_EXPECT_FALSE(test, mutex_trylock(&lock));
	mutex_unlock(&lock);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&lock));
	KUNIT_EXPECT_EQ(test, mutex_lock_interruptible(&lock), 0);
	mutex_unlock(&lock);
}

static void sync_spinlock_irqsave(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags, inner;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	spin_lock_irqsave(&lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_FALSE(test, spin_trylock(&lock));
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));

	local_irq_save(flags);
	spin_lock_irqsave(&lock, inner);
	spin_unlock_irqrestore(&lock, inner);
	KUNIT_EXPECT_TRUE_MSG(test, irqs_disabled(), "the inner restore turned interrupts back on");
	local_irq_restore(flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	spin_lock_irq(&lock);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irq(&lock);
	spin_lock_bh(&lock);
	KUNIT_EXPECT_TRUE(test, in_softirq());
	spin_unlock_bh(&lock);
	KUNIT_EXPECT_FALSE(test, in_softirq());
	KUNIT_EXPECT_TRUE(test, spin_trylock(&lock));
	spin_unlock(&lock);
}

static void sync_rwlock(struct kunit *test)
{
	DEFINE_RWLOCK(lock);
	unsigned long flags;

	read_lock(&lock);
	KUNIT_EXPECT_TRUE(test, read_trylock(&lock));
	KUNIT_EXPECT_FALSE(test, write_trylock(&lock));
	read_unlock(&lock);
	read_unlock(&lock);
	write_lock_irqsave(&lock, flags);
	KUNIT_EXPECT_FALSE(test, read_trylock(&lock));
	write_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_TRUE(test, write_trylock(&lock));
	write_unlock(&lock);
}

static void sync_rw_semaphore(struct kunit *test)
{
	DECLARE_RWSEM(sem);

	down_read(&sem);
	KUNIT_EXPECT_TRUE(test, down_read_trylock(&sem));
	KUNIT_EXPECT_FALSE(test, down_write_trylock(&sem));
	up_read(&sem);
	up_read(&sem);
	KUNIT_EXPECT_TRUE(test, down_write_trylock(&sem));
	KUNIT_EXPECT_FALSE(test, down_read_trylock(&sem));
	downgrade_write(&sem);
	KUNIT_EXPECT_TRUE(test, down_read_trylock(&sem));
	up_read(&sem);
	up_read(&sem);
	down_write(&sem);
	up_write(&sem);
}

static void sync_semaphore(struct kunit *test)
{
	struct semaphore sem;
	ktime_t start;

	sema_init(&sem, 2);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 0);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 0);
	KUNIT_EXPECT_EQ(test, down_trylock(&sem), 1);
	start = ktime_get();
	KUNIT_EXPECT_EQ(test, down_timeout(&sem, msecs_to_jiffies(50)), -ETIME);
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 40LL);
	up(&sem);
	KUNIT_EXPECT_EQ(test, down_interruptible(&sem), 0);
	up(&sem);
	up(&sem);
}

struct completer {
	struct completion *completion;
	unsigned int delay_ms;
	bool all;
};

static int completer_thread(void *data)
{
	struct completer *completer = data;

	msleep(completer->delay_ms);
	if (completer->all)
		complete_all(completer->completion);
	else
		complete(completer->completion);
	return 0;
}

static void sync_completion_from_other_thread(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct completer *completer = kunit_kzalloc(test, sizeof(*completer), GFP_KERNEL);
	ktime_t start = ktime_get();

	KUNIT_ASSERT_NOT_NULL(test, completer);
	*completer = (struct completer){ .completion = &done, .delay_ms = 30 };
	KUNIT_EXPECT_FALSE(test, completion_done(&done));
	KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(completer_thread, completer, selftest_other_cpu(),
							       "kpi-complete")));
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&done, 10 * HZ), 0UL);
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 25LL);
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&done));

	complete(&done);
	KUNIT_EXPECT_TRUE(test, completion_done(&done));
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&done));
	reinit_completion(&done);
	start = ktime_get();
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&done, msecs_to_jiffies(50)), 0UL);
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 40LL);
}

static void sync_complete_all_stays_done(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct completer *completer = kunit_kzalloc(test, sizeof(*completer), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, completer);
	*completer = (struct completer){ .completion = &done, .delay_ms = 20, .all = true };
	KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(completer_thread, completer, -1, "kpi-complete")));
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&done, 10 * HZ), 0UL);
	KUNIT_EXPECT_TRUE(test, completion_done(&done));
}

struct waker {
	wait_queue_head_t queue;
	int condition;
	unsigned int delay_ms;
	struct completion finished;	/* the waker no longer touches this struct */
};

static int waker_thread(void *data)
{
	struct waker *waker = data;

	msleep(waker->delay_ms);
	WRITE_ONCE(waker->condition, 1);
	wake_up(&waker->queue);
	complete(&waker->finished);
	return 0;
}

static void sync_wait_event_wakes(struct kunit *test)
{
	struct waker *waker = kunit_kzalloc(test, sizeof(*waker), GFP_KERNEL);
	long remaining;
	ktime_t start;

	KUNIT_ASSERT_NOT_NULL(test, waker);
	init_waitqueue_head(&waker->queue);
	init_completion(&waker->finished);
	waker->delay_ms = 30;
	start = ktime_get();
	KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(waker_thread, waker, selftest_other_cpu(), "kpi-wake")));
	remaining = wait_event_timeout(waker->queue, READ_ONCE(waker->condition), 10 * HZ);
	KUNIT_EXPECT_GT(test, remaining, 0L);
	KUNIT_EXPECT_EQ(test, READ_ONCE(waker->condition), 1);
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 25LL);
	/* A condition that already holds returns at once, with at least 1 jiffy left. */
	KUNIT_EXPECT_GE(test, wait_event_timeout(waker->queue, true, 5), 1L);
	wait_for_completion(&waker->finished);
}

static void sync_wait_event_times_out(struct kunit *test)
{
	DECLARE_WAIT_QUEUE_HEAD(queue);
	unsigned long before = jiffies;
	ktime_t start = ktime_get();
	unsigned long after;
	int never = 0;

	KUNIT_EXPECT_EQ(test, wait_event_timeout(queue, READ_ONCE(never), msecs_to_jiffies(60)), 0L);
	after = jiffies;
	KUNIT_EXPECT_GE(test, selftest_ms_between(start, ktime_get()), 50LL);
	/* The timeout counts jiffies: when it ran out, jiffies has moved on by at least that much. */
	KUNIT_EXPECT_GE_MSG(test, after - before, msecs_to_jiffies(60), "jiffies went from %lu to %lu", before, after);
	KUNIT_EXPECT_EQ(test, wait_event_interruptible_timeout(queue, READ_ONCE(never), 2), 0L);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&queue));
}

static struct kunit_case sync_cases[] = {
	KUNIT_CASE(sync_mutex_contention_across_cpus),
	KUNIT_CASE(sync_spinlock_contention_across_cpus),
	KUNIT_CASE(sync_mutex_trylock),
	KUNIT_CASE(sync_spinlock_irqsave),
	KUNIT_CASE(sync_rwlock),
	KUNIT_CASE(sync_rw_semaphore),
	KUNIT_CASE(sync_semaphore),
	KUNIT_CASE(sync_completion_from_other_thread),
	KUNIT_CASE(sync_complete_all_stays_done),
	KUNIT_CASE(sync_wait_event_wakes),
	KUNIT_CASE(sync_wait_event_times_out),
	{}
};

static struct kunit_suite sync_suite = {
	.name = "kpi-sync",
	.test_cases = sync_cases,
};
kunit_test_suite(sync_suite);
