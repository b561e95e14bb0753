// SPDX-License-Identifier: GPL-2.0-only
/* KPI self-test: single-bit operations, word helpers (ffs/fls/hweight), bit fields and bitmaps. */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/log2.h>

static void bitops_single_bits(struct kunit *test)
{
	DECLARE_BITMAP(map, 130);

	bitmap_zero(map, 130);
	set_bit(0, map);
	set_bit(64, map);
	__set_bit(129, map);
	KUNIT_EXPECT_TRUE(test, test_bit(64, map));
	KUNIT_EXPECT_FALSE(test, test_bit(63, map));
	KUNIT_EXPECT_TRUE(test, test_bit(129, map));
	KUNIT_EXPECT_TRUE(test, test_and_clear_bit(0, map));
	KUNIT_EXPECT_FALSE(test, test_and_clear_bit(0, map));
	KUNIT_EXPECT_FALSE(test, test_and_set_bit(1, map));
	KUNIT_EXPECT_TRUE(test, test_and_set_bit(1, map));
	change_bit(2, map);
	KUNIT_EXPECT_TRUE(test, test_bit(2, map));
	__clear_bit(64, map);
	KUNIT_EXPECT_FALSE(test, test_bit(64, map));
	KUNIT_EXPECT_EQ(test, map[0], 0x6UL);
	KUNIT_EXPECT_EQ(test, map[2], 0x2UL);
}

static void bitops_find(struct kunit *test)
{
	DECLARE_BITMAP(map, 200);

	bitmap_zero(map, 200);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 200), 200UL);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 200), 0UL);
	set_bit(3, map);
	set_bit(70, map);
	set_bit(199, map);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 200), 3UL);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 200, 4), 70UL);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 200, 71), 199UL);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 199, 71), 199UL);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 200), 199UL);
	KUNIT_EXPECT_EQ(test, find_next_zero_bit(map, 200, 3), 4UL);
	bitmap_fill(map, 200);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 200), 200UL);
	clear_bit(150, map);
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 200), 150UL);
}

static void bitops_for_each(struct kunit *test)
{
	DECLARE_BITMAP(map, 100);
	unsigned long bit, sum = 0, count = 0;

	bitmap_zero(map, 100);
	set_bit(1, map);
	set_bit(50, map);
	set_bit(99, map);
	for_each_set_bit(bit, map, 100) {
		sum += bit;
		count++;
	}
	KUNIT_EXPECT_EQ(test, count, 3UL);
	KUNIT_EXPECT_EQ(test, sum, 150UL);
}

static void bitops_word_helpers(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ffs(0), 0);
	KUNIT_EXPECT_EQ(test, ffs(1), 1);
	KUNIT_EXPECT_EQ(test, ffs(0x80), 8);
	KUNIT_EXPECT_EQ(test, fls(0), 0);
	KUNIT_EXPECT_EQ(test, fls(0x80000000), 32);
	KUNIT_EXPECT_EQ(test, __ffs(0x100UL), 8UL);
	KUNIT_EXPECT_EQ(test, __fls(0x100UL), 8UL);
	KUNIT_EXPECT_EQ(test, fls64(1ULL << 40), 41);
	KUNIT_EXPECT_EQ(test, ffz(0x7UL), 3UL);
	KUNIT_EXPECT_EQ(test, hweight32(0xF0F0), 8U);
	KUNIT_EXPECT_EQ(test, hweight64(~0ULL), 64U);
	KUNIT_EXPECT_EQ(test, hweight8(0xFF), 8U);
	KUNIT_EXPECT_EQ(test, BIT(5), 32UL);
	KUNIT_EXPECT_EQ(test, BIT_ULL(40), 1ULL << 40);
	KUNIT_EXPECT_EQ(test, GENMASK(7, 4), 0xF0UL);
	KUNIT_EXPECT_EQ(test, GENMASK_ULL(63, 60), 0xF000000000000000ULL);
	KUNIT_EXPECT_EQ(test, ilog2(4096), 12);
	KUNIT_EXPECT_EQ(test, ilog2(4097), 12);
	KUNIT_EXPECT_EQ(test, roundup_pow_of_two(33), 64UL);
	KUNIT_EXPECT_EQ(test, rounddown_pow_of_two(33), 32UL);
	KUNIT_EXPECT_TRUE(test, is_power_of_2(1024));
	KUNIT_EXPECT_FALSE(test, is_power_of_2(0));
	KUNIT_EXPECT_FALSE(test, is_power_of_2(6));
	KUNIT_EXPECT_EQ(test, order_base_2(5), 3);
}

static void bitops_fields(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, FIELD_GET(GENMASK(7, 4), 0xA5), 0xAUL);
	KUNIT_EXPECT_EQ(test, FIELD_PREP(GENMASK(7, 4), 3), 0x30UL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(GENMASK_ULL(47, 32), 0x0000BEEF00000000ULL), 0xBEEFULL);
	KUNIT_EXPECT_TRUE(test, FIELD_FIT(GENMASK(3, 0), 15));
	KUNIT_EXPECT_FALSE(test, FIELD_FIT(GENMASK(3, 0), 16));
}

static void bitops_bitmaps(struct kunit *test)
{
	DECLARE_BITMAP(a, 70);
	DECLARE_BITMAP(b, 70);
	DECLARE_BITMAP(result, 70);

	bitmap_zero(a, 70);
	bitmap_zero(b, 70);
	bitmap_set(a, 3, 10);		/* bits 3..12 */
	bitmap_set(b, 10, 60);		/* bits 10..69 */
	KUNIT_EXPECT_EQ(test, bitmap_weight(a, 70), 10U);
	KUNIT_EXPECT_TRUE(test, bitmap_and(result, a, b, 70));
	KUNIT_EXPECT_EQ(test, bitmap_weight(result, 70), 3U);
	bitmap_or(result, a, b, 70);
	KUNIT_EXPECT_EQ(test, bitmap_weight(result, 70), 67U);
	bitmap_clear(result, 0, 70);
	KUNIT_EXPECT_TRUE(test, bitmap_empty(result, 70));
	bitmap_fill(result, 70);
	KUNIT_EXPECT_TRUE(test, bitmap_full(result, 70));
	bitmap_copy(result, a, 70);
	KUNIT_EXPECT_TRUE(test, bitmap_equal(result, a, 70));
	KUNIT_EXPECT_FALSE(test, bitmap_equal(result, b, 70));
	KUNIT_EXPECT_TRUE(test, bitmap_intersects(a, b, 70));
	KUNIT_EXPECT_FALSE(test, bitmap_subset(a, b, 70));
}

static struct kunit_case bitops_cases[] = {
	KUNIT_CASE(bitops_single_bits),
	KUNIT_CASE(bitops_find),
	KUNIT_CASE(bitops_for_each),
	KUNIT_CASE(bitops_word_helpers),
	KUNIT_CASE(bitops_fields),
	KUNIT_CASE(bitops_bitmaps),
	{}
};

static struct kunit_suite bitops_suite = {
	.name = "kpi-bitops",
	.test_cases = bitops_cases,
};
kunit_test_suite(bitops_suite);
