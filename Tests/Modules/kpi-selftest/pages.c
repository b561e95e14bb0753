// SPDX-License-Identifier: GPL-2.0-only
/* KPI self-test: vmalloc/vzalloc, the page allocator, page fragments and mempools. */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/irqflags.h>
#include <linux/mempool.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

static void pages_vmalloc(struct kunit *test)
{
	size_t size = 4 << 20;
	u8 *area = vmalloc(size);
	u8 *zeroed;

	KUNIT_ASSERT_NOT_NULL(test, area);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(area));
	memset(area, 0x5A, size);
	KUNIT_EXPECT_EQ(test, area[0], 0x5A);
	KUNIT_EXPECT_EQ(test, area[size - 1], 0x5A);
	vfree(area);
	zeroed = vzalloc(3 * PAGE_SIZE + 5);
	KUNIT_ASSERT_NOT_NULL(test, zeroed);
	KUNIT_EXPECT_EQ(test, zeroed[3 * PAGE_SIZE + 4], 0);
	vfree(zeroed);
	vfree(NULL);
}


static void pages_alloc_pages(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	unsigned long address;
	u8 *bytes;

	KUNIT_ASSERT_NOT_NULL(test, page);
	bytes = page_address(page);
	KUNIT_ASSERT_NOT_NULL(test, bytes);
	KUNIT_EXPECT_EQ(test, (unsigned long)bytes % (4 * PAGE_SIZE), 0UL);
	KUNIT_EXPECT_EQ(test, bytes[4 * PAGE_SIZE - 1], 0);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_page(bytes + PAGE_SIZE), page + 1);
	KUNIT_EXPECT_EQ(test, page_to_phys(page), (phys_addr_t)virt_to_phys(bytes));
	__free_pages(page, 2);

	address = __get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, address, 0UL);
	KUNIT_EXPECT_EQ(test, address % PAGE_SIZE, 0UL);
	free_page(address);
	address = get_zeroed_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, address, 0UL);
	KUNIT_EXPECT_EQ(test, ((u8 *)address)[PAGE_SIZE - 1], 0);
	free_pages(address, 0);
}


static void pages_page_frag(struct kunit *test)
{
	struct page_frag_cache cache = {};
	u8 *first, *second;

	first = page_frag_alloc(&cache, 100, GFP_KERNEL);
	second = page_frag_alloc(&cache, 200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, first);
	KUNIT_ASSERT_NOT_NULL(test, second);
	KUNIT_EXPECT_TRUE(test, second + 200 <= first || first + 100 <= second);
	memset(first, 1, 100);
	memset(second, 2, 200);
	KUNIT_EXPECT_EQ(test, first[99], 1);
	page_frag_free(first);
	page_frag_free(second);
	/* What the cache still holds of its page goes back as Linux 6.1's users return it. */
	__page_frag_cache_drain(virt_to_head_page(cache.va), cache.pagecnt_bias);
}


static void pages_atomic_context(struct kunit *test)
{
	unsigned long flags;
	struct page *page;

	local_irq_save(flags);
	page = alloc_page(GFP_ATOMIC);
	if (page)
		__free_page(page);
	local_irq_restore(flags);
	KUNIT_EXPECT_NOT_NULL(test, page);
}

/* A pool keeps min_nr elements in reserve; elements beyond the reserve come from and go back to the allocator. */
static void pages_mempool(struct kunit *test)
{
	mempool_t *pool = mempool_create_kmalloc_pool(4, 128);
	mempool_t *page_pool;
	void *elements[8];
	struct page *page;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, pool);
	KUNIT_EXPECT_EQ(test, pool->min_nr, 4);
	KUNIT_EXPECT_EQ(test, pool->curr_nr, 4);
	for (i = 0; i < 8; i++) {
		elements[i] = mempool_alloc(pool, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, elements[i]);
		memset(elements[i], i, 128);
	}
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, ((u8 *)elements[i])[127], i);
	for (i = 0; i < 8; i++)
		mempool_free(elements[i], pool);
	KUNIT_EXPECT_EQ(test, pool->curr_nr, 4);
	mempool_destroy(pool);

	page_pool = mempool_create_page_pool(2, 0);
	KUNIT_ASSERT_NOT_NULL(test, page_pool);
	page = mempool_alloc(page_pool, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_NOT_NULL(test, page_address(page));
	mempool_free(page, page_pool);
	mempool_destroy(page_pool);
}

static struct kunit_case pages_cases[] = {
	KUNIT_CASE(pages_vmalloc),
	KUNIT_CASE(pages_alloc_pages),
	KUNIT_CASE(pages_page_frag),
	KUNIT_CASE(pages_atomic_context),
	KUNIT_CASE(pages_mempool),
	{}
};

static struct kunit_suite pages_suite = {
	.name = "kpi-pages",
	.test_cases = pages_cases,
};
kunit_test_suite(pages_suite);
