// SPDX-License-Identifier: GPL-2.0-only
/* KPI self-test: atomic_t, atomic64_t, atomic_long_t, cmpxchg/xchg, refcount_t and kref. */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/kref.h>
#include <linux/refcount.h>

static void atomic_basic(struct kunit *test)
{
	atomic_t value = ATOMIC_INIT(5);

	KUNIT_EXPECT_EQ(test, atomic_read(&value), 5);
	atomic_inc(&value);
	atomic_dec(&value);
	atomic_add(10, &value);
	atomic_sub(3, &value);
	KUNIT_EXPECT_EQ(test, atomic_read(&value), 12);
	KUNIT_EXPECT_EQ(test, atomic_add_return(3, &value), 15);
	KUNIT_EXPECT_EQ(test, atomic_sub_return(5, &value), 10);
	KUNIT_EXPECT_EQ(test, atomic_inc_return(&value), 11);
	KUNIT_EXPECT_EQ(test, atomic_dec_return(&value), 10);
	KUNIT_EXPECT_EQ(test, atomic_fetch_add(2, &value), 10);
	KUNIT_EXPECT_EQ(test, atomic_read(&value), 12);
	KUNIT_EXPECT_EQ(test, atomic_xchg(&value, 1), 12);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&value, 2, 7), 1);	/* no match: unchanged */
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&value, 1, 7), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&value), 7);
	KUNIT_EXPECT_FALSE(test, atomic_sub_and_test(3, &value));
	KUNIT_EXPECT_TRUE(test, atomic_sub_and_test(4, &value));
	KUNIT_EXPECT_FALSE(test, atomic_inc_not_zero(&value));
	atomic_set(&value, 1);
	KUNIT_EXPECT_TRUE(test, atomic_inc_not_zero(&value));
	KUNIT_EXPECT_FALSE(test, atomic_dec_and_test(&value));
	KUNIT_EXPECT_TRUE(test, atomic_dec_and_test(&value));
	KUNIT_EXPECT_FALSE(test, atomic_add_unless(&value, 1, 0));
	KUNIT_EXPECT_TRUE(test, atomic_add_unless(&value, 1, 5));
	KUNIT_EXPECT_EQ(test, atomic_read(&value), 1);
	atomic_or(0x10, &value);
	atomic_and(0x30, &value);
	KUNIT_EXPECT_EQ(test, atomic_read(&value), 0x10);
}

static void atomic_try_cmpxchg_loop(struct kunit *test)
{
	atomic_t value = ATOMIC_INIT(3);
	int old = atomic_read(&value);

	KUNIT_EXPECT_FALSE(test, atomic_try_cmpxchg(&value, &(int){ 9 }, 4));
	while (!atomic_try_cmpxchg(&value, &old, old * 2))
		;
	KUNIT_EXPECT_EQ(test, atomic_read(&value), 6);
}

static void atomic_64_and_long(struct kunit *test)
{
	atomic64_t big = ATOMIC64_INIT(1LL << 40);
	atomic_long_t word = ATOMIC_LONG_INIT(-1);

	atomic64_add(1LL << 33, &big);
	KUNIT_EXPECT_EQ(test, atomic64_read(&big), (1LL << 40) + (1LL << 33));
	KUNIT_EXPECT_EQ(test, atomic64_inc_return(&big), (1LL << 40) + (1LL << 33) + 1);
	KUNIT_EXPECT_EQ(test, atomic64_cmpxchg(&big, (1LL << 40) + (1LL << 33) + 1, 5), (1LL << 40) + (1LL << 33) + 1);
	KUNIT_EXPECT_TRUE(test, atomic64_sub_and_test(5, &big));
	atomic64_set(&big, -3);
	KUNIT_EXPECT_EQ(test, atomic64_xchg(&big, 8), -3LL);
	KUNIT_EXPECT_EQ(test, atomic_long_inc_return(&word), 0L);
	atomic_long_add(1L << 50, &word);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&word), 1L << 50);
	KUNIT_EXPECT_TRUE(test, atomic_long_sub_and_test(1L << 50, &word));
}

static void atomic_plain_cmpxchg(struct kunit *test)
{
	unsigned long word = 10;
	u32 small = 1;
	u64 wide = 1ULL << 40;

	KUNIT_EXPECT_EQ(test, cmpxchg(&word, 10UL, 20UL), 10UL);
	KUNIT_EXPECT_EQ(test, word, 20UL);
	KUNIT_EXPECT_EQ(test, cmpxchg(&word, 10UL, 30UL), 20UL);
	KUNIT_EXPECT_EQ(test, xchg(&small, 7U), 1U);
	KUNIT_EXPECT_EQ(test, small, 7U);
	KUNIT_EXPECT_EQ(test, cmpxchg64(&wide, 1ULL << 40, 2ULL), 1ULL << 40);
	KUNIT_EXPECT_EQ(test, wide, 2ULL);
}

static void refcount_counts(struct kunit *test)
{
	refcount_t ref;

	refcount_set(&ref, 1);
	refcount_inc(&ref);
	KUNIT_EXPECT_EQ(test, refcount_read(&ref), 2U);
	KUNIT_EXPECT_TRUE(test, refcount_inc_not_zero(&ref));
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&ref));
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&ref));
	KUNIT_EXPECT_TRUE(test, refcount_dec_and_test(&ref));
	KUNIT_EXPECT_FALSE(test, refcount_inc_not_zero(&ref));
	KUNIT_EXPECT_EQ(test, refcount_read(&ref), 0U);
}

struct selftest_kref_object {
	struct kref kref;
	int released;
};

static void selftest_kref_release(struct kref *kref)
{
	container_of(kref, struct selftest_kref_object, kref)->released++;
}

static void kref_release_once(struct kunit *test)
{
	struct selftest_kref_object object = { .released = 0 };

	kref_init(&object.kref);
	KUNIT_EXPECT_EQ(test, kref_read(&object.kref), 1U);
	kref_get(&object.kref);
	KUNIT_EXPECT_TRUE(test, kref_get_unless_zero(&object.kref));
	KUNIT_EXPECT_EQ(test, kref_put(&object.kref, selftest_kref_release), 0);
	KUNIT_EXPECT_EQ(test, kref_put(&object.kref, selftest_kref_release), 0);
	KUNIT_EXPECT_EQ(test, object.released, 0);
	KUNIT_EXPECT_EQ(test, kref_put(&object.kref, selftest_kref_release), 1);
	KUNIT_EXPECT_EQ(test, object.released, 1);
	KUNIT_EXPECT_FALSE(test, kref_get_unless_zero(&object.kref));
}

static struct kunit_case atomic_cases[] = {
	KUNIT_CASE(atomic_basic),
	KUNIT_CASE(atomic_try_cmpxchg_loop),
	KUNIT_CASE(atomic_64_and_long),
	KUNIT_CASE(atomic_plain_cmpxchg),
	KUNIT_CASE(refcount_counts),
	KUNIT_CASE(kref_release_once),
	{}
};

static struct kunit_suite atomic_suite = {
	.name = "kpi-atomic",
	.test_cases = atomic_cases,
};
kunit_test_suite(atomic_suite);
