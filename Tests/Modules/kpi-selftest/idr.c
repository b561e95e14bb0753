// SPDX-License-Identifier: GPL-2.0-only
/* KPI self-test: ID allocators and maps: idr (ranges, cyclic, lookup, replace), ida, and the xarray. */
#include <kunit/test.h>
#include <linux/idr.h>
#include <linux/xarray.h>

static void idr_alloc_and_find(struct kunit *test)
{
	static int values[4];
	DEFINE_IDR(map);
	void *entry;
	int id, sum = 0;

	KUNIT_EXPECT_TRUE(test, idr_is_empty(&map));
	KUNIT_EXPECT_EQ(test, idr_alloc(&map, &values[0], 0, 0, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, idr_alloc(&map, &values[1], 0, 0, GFP_KERNEL), 1);
	KUNIT_EXPECT_EQ(test, idr_alloc(&map, &values[2], 10, 20, GFP_KERNEL), 10);
	KUNIT_EXPECT_EQ(test, idr_alloc(&map, &values[3], 10, 11, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_PTR_EQ(test, idr_find(&map, 10), (void *)&values[2]);
	KUNIT_EXPECT_NULL(test, idr_find(&map, 5));
	KUNIT_EXPECT_PTR_EQ(test, idr_replace(&map, &values[3], 1), (void *)&values[1]);
	KUNIT_EXPECT_PTR_EQ(test, idr_find(&map, 1), (void *)&values[3]);
	idr_for_each_entry(&map, entry, id)
		sum += id;
	KUNIT_EXPECT_EQ(test, sum, 11);
	KUNIT_EXPECT_PTR_EQ(test, idr_remove(&map, 0), (void *)&values[0]);
	KUNIT_EXPECT_NULL(test, idr_find(&map, 0));
	KUNIT_EXPECT_EQ(test, idr_alloc(&map, &values[0], 0, 0, GFP_KERNEL), 0);	/* freed ids come back */
	idr_destroy(&map);
	KUNIT_EXPECT_TRUE(test, idr_is_empty(&map));
}

static void idr_cyclic(struct kunit *test)
{
	static int value;
	DEFINE_IDR(map);

	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&map, &value, 1, 0, GFP_KERNEL), 1);
	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&map, &value, 1, 0, GFP_KERNEL), 2);
	idr_remove(&map, 1);
	KUNIT_EXPECT_EQ(test, idr_alloc_cyclic(&map, &value, 1, 0, GFP_KERNEL), 3);	/* does not reuse 1 yet */
	idr_destroy(&map);
}

static void ida_alloc_free(struct kunit *test)
{
	DEFINE_IDA(ids);
	int i;

	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_EQ(test, ida_alloc(&ids, GFP_KERNEL), i);
	ida_free(&ids, 42);
	KUNIT_EXPECT_EQ(test, ida_alloc(&ids, GFP_KERNEL), 42);
	KUNIT_EXPECT_EQ(test, ida_alloc_range(&ids, 5, 7, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ida_alloc_min(&ids, 1000, GFP_KERNEL), 1000);
	KUNIT_EXPECT_EQ(test, ida_alloc_max(&ids, 200, GFP_KERNEL), 100);
	ida_destroy(&ids);
	KUNIT_EXPECT_TRUE(test, ida_is_empty(&ids));
}

static void xarray_store_load_erase(struct kunit *test)
{
	static int values[3];
	DEFINE_XARRAY(array);
	unsigned long index;
	void *entry;
	int count = 0;

	KUNIT_EXPECT_TRUE(test, xa_empty(&array));
	KUNIT_EXPECT_NULL(test, xa_store(&array, 5, &values[0], GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, xa_store(&array, 1UL << 40, &values[1], GFP_KERNEL));
	KUNIT_EXPECT_PTR_EQ(test, xa_store(&array, 5, &values[2], GFP_KERNEL), (void *)&values[0]);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&array, 5), (void *)&values[2]);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&array, 1UL << 40), (void *)&values[1]);
	KUNIT_EXPECT_NULL(test, xa_load(&array, 6));
	xa_for_each(&array, index, entry)
		count++;
	KUNIT_EXPECT_EQ(test, count, 2);
	KUNIT_EXPECT_EQ(test, xa_insert(&array, 5, &values[0], GFP_KERNEL), -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, xa_erase(&array, 5), (void *)&values[2]);
	KUNIT_EXPECT_NULL(test, xa_load(&array, 5));
	xa_destroy(&array);
	KUNIT_EXPECT_TRUE(test, xa_empty(&array));
}

static void xarray_alloc(struct kunit *test)
{
	static int value;
	DEFINE_XARRAY_ALLOC(array);
	u32 id;

	KUNIT_EXPECT_EQ(test, xa_alloc(&array, &id, &value, xa_limit_32b, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 0U);
	KUNIT_EXPECT_EQ(test, xa_alloc(&array, &id, &value, XA_LIMIT(10, 11), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 10U);
	KUNIT_EXPECT_EQ(test, xa_alloc(&array, &id, &value, XA_LIMIT(10, 11), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 11U);
	KUNIT_EXPECT_EQ(test, xa_alloc(&array, &id, &value, XA_LIMIT(10, 11), GFP_KERNEL), -EBUSY);
	xa_destroy(&array);
}

static struct kunit_case idr_cases[] = {
	KUNIT_CASE(idr_alloc_and_find),
	KUNIT_CASE(idr_cyclic),
	KUNIT_CASE(ida_alloc_free),
	KUNIT_CASE(xarray_store_load_erase),
	KUNIT_CASE(xarray_alloc),
	{}
};

static struct kunit_suite idr_suite = {
	.name = "kpi-idr",
	.test_cases = idr_cases,
};
kunit_test_suite(idr_suite);
