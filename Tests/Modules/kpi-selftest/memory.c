// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: kmalloc and friends (sizes, alignment, zeroing, krealloc, overflow checks), slab caches,
 * kvmalloc, and allocation in atomic context (GFP_ATOMIC with interrupts off and a spinlock held, which must
 * not sleep).
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

static void memory_kmalloc_sizes(struct kunit *test)
{
	static const size_t sizes[] = { 1, 8, 24, 64, 100, 512, 1000, 2048, 4096, 5000, 65536, 300000 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *block = kmalloc(sizes[i], GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL_MSG(test, block, "kmalloc(%zu)", sizes[i]);
		/* Linux guarantees natural alignment for power-of-two sizes and 8 bytes for the rest. */
		if (is_power_of_2(sizes[i]))
			KUNIT_EXPECT_EQ_MSG(test, (unsigned long)block % sizes[i], 0UL, "kmalloc(%zu)", sizes[i]);
		KUNIT_EXPECT_EQ_MSG(test, (unsigned long)block % 8, 0UL, "kmalloc(%zu)", sizes[i]);
		KUNIT_EXPECT_GE(test, ksize(block), sizes[i]);
		memset(block, 0xA5, sizes[i]);
		KUNIT_EXPECT_EQ(test, block[sizes[i] - 1], 0xA5);
		kfree(block);
	}
	kfree(NULL);
	KUNIT_EXPECT_TRUE(test, ZERO_OR_NULL_PTR(kmalloc(0, GFP_KERNEL)));
}

static void memory_kzalloc_zeroes(struct kunit *test)
{
	u8 *block = kmalloc(256, GFP_KERNEL);
	size_t i, nonzero = 0;

	KUNIT_ASSERT_NOT_NULL(test, block);
	memset(block, 0xFF, 256);
	kfree(block);
	block = kzalloc(256, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, block);
	for (i = 0; i < 256; i++)
		nonzero += block[i] != 0;
	KUNIT_EXPECT_EQ(test, nonzero, (size_t)0);
	kfree(block);
	block = kcalloc(100, 3, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_EXPECT_EQ(test, block[299], 0);
	kfree(block);
}

static void memory_overflowing_requests_fail(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(SIZE_MAX / 8, 16, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc(SIZE_MAX, GFP_KERNEL | __GFP_NOWARN));
}

static void memory_krealloc_keeps_contents(struct kunit *test)
{
	char *block = kmalloc(16, GFP_KERNEL);
	char *grown;

	KUNIT_ASSERT_NOT_NULL(test, block);
	strscpy(block, "krealloc", 16);
	grown = krealloc(block, 10000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, grown);
	KUNIT_EXPECT_STREQ(test, grown, "krealloc");
	grown[9999] = 'x';
	block = krealloc(grown, 8, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_EXPECT_EQ(test, memcmp(block, "krealloc", 8), 0);
	kfree(block);
	block = krealloc(NULL, 32, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, block);
	kfree(block);
}

struct selftest_object {
	u64 cookie;
	u8 payload[120];
};

static void selftest_object_ctor(void *object)
{
	((struct selftest_object *)object)->cookie = 0xC0FFEE;
}

static void memory_kmem_cache(struct kunit *test)
{
	struct selftest_object *objects[64];
	struct kmem_cache *cache;
	int i;

	cache = kmem_cache_create("kpi_selftest_cache", sizeof(struct selftest_object), 64, 0, selftest_object_ctor);
	KUNIT_ASSERT_NOT_NULL(test, cache);
	for (i = 0; i < ARRAY_SIZE(objects); i++) {
		objects[i] = kmem_cache_alloc(cache, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objects[i]);
		KUNIT_EXPECT_EQ(test, (unsigned long)objects[i] % 64, 0UL);
		KUNIT_EXPECT_EQ(test, objects[i]->cookie, 0xC0FFEEULL);
		memset(objects[i]->payload, i, sizeof(objects[i]->payload));
	}
	for (i = 1; i < ARRAY_SIZE(objects); i++)
		KUNIT_EXPECT_PTR_NE(test, objects[i], objects[i - 1]);
	for (i = 0; i < ARRAY_SIZE(objects); i++)
		KUNIT_EXPECT_EQ(test, objects[i]->payload[119], (u8)i);
	for (i = 0; i < ARRAY_SIZE(objects); i++)
		kmem_cache_free(cache, objects[i]);
	objects[0] = kmem_cache_zalloc(cache, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objects[0]);
	KUNIT_EXPECT_EQ(test, objects[0]->payload[0], 0);
	kmem_cache_free(cache, objects[0]);
	kmem_cache_destroy(cache);
}

static void memory_kvmalloc(struct kunit *test)
{
	u8 *small = kvmalloc(64, GFP_KERNEL);
	u8 *large = kvzalloc(8 << 20, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_ASSERT_NOT_NULL(test, large);
	KUNIT_EXPECT_EQ(test, large[(8 << 20) - 1], 0);
	large[0] = 1;
	kvfree(small);
	kvfree(large);
	KUNIT_EXPECT_NULL(test, kvmalloc_array(SIZE_MAX / 4, 8, GFP_KERNEL));
}

static DEFINE_SPINLOCK(selftest_atomic_lock);

static void memory_atomic_context(struct kunit *test)
{
	void *blocks[32];
	unsigned long flags;
	int i, allocated = 0;

	spin_lock_irqsave(&selftest_atomic_lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	for (i = 0; i < ARRAY_SIZE(blocks); i++) {
		blocks[i] = kmalloc(32 << (i % 8), GFP_ATOMIC);
		allocated += blocks[i] != NULL;
	}
	for (i = 0; i < ARRAY_SIZE(blocks); i++)
		kfree(blocks[i]);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&selftest_atomic_lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, allocated, (int)ARRAY_SIZE(blocks));
}

static void memory_kunit_allocations(struct kunit *test)
{
	u8 *block = kunit_kzalloc(test, 64, GFP_KERNEL);
	u8 *array = kunit_kcalloc(test, 10, 10, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, block);
	KUNIT_ASSERT_NOT_NULL(test, array);
	KUNIT_EXPECT_EQ(test, block[63] | array[99], 0);
	kunit_kfree(test, block);	/* array is freed when the case ends */
}

static struct kunit_case memory_cases[] = {
	KUNIT_CASE(memory_kmalloc_sizes),
	KUNIT_CASE(memory_kzalloc_zeroes),
	KUNIT_CASE(memory_overflowing_requests_fail),
	KUNIT_CASE(memory_krealloc_keeps_contents),
	KUNIT_CASE(memory_kmem_cache),
	KUNIT_CASE(memory_kvmalloc),
	KUNIT_CASE(memory_atomic_context),
	KUNIT_CASE(memory_kunit_allocations),
	{}
};

static struct kunit_suite memory_suite = {
	.name = "kpi-memory",
	.test_cases = memory_cases,
};
kunit_test_suite(memory_suite);
