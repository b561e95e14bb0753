// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: snprintf and friends (the formats drivers print with, %p extensions included), kstrto*,
 * string and memory functions, integer helpers (min/max, rounding, division), byte order and unaligned
 * access, ERR_PTR and overflow checks.
 */
#include <kunit/test.h>
#include <asm/byteorder.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/swab.h>
#include <asm/unaligned.h>

static void string_snprintf_integers(struct kunit *test)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%d %i %u %x %X %o %c %s %%", -42, 7, 42U, 0xbeefU, 0xbeefU, 8U, 'z', "str");
	KUNIT_EXPECT_STREQ(test, buf, "-42 7 42 beef BEEF 10 z str %");
	snprintf(buf, sizeof(buf), "[%5d|%-5d|%05d|%+d|% d]", 42, 42, 42, 42, 42);
	KUNIT_EXPECT_STREQ(test, buf, "[   42|42   |00042|+42| 42]");
	snprintf(buf, sizeof(buf), "%lld %llu", (long long)(-9223372036854775807LL - 1), 18446744073709551615ULL);
	KUNIT_EXPECT_STREQ(test, buf, "-9223372036854775808 18446744073709551615");
	snprintf(buf, sizeof(buf), "%zu %zd %lx %#x %#o %hhu %hd", (size_t)4096, (ssize_t)-1, 0xdeadbeefcafeUL, 31U, 8U,
		 (unsigned char)300, (short)-2);
	KUNIT_EXPECT_STREQ(test, buf, "4096 -1 deadbeefcafe 0x1f 010 44 -2");
	snprintf(buf, sizeof(buf), "%.3s|%*d|%-*s|%.*s", "abcdef", 4, 7, 3, "a", 2, "xyz");
	KUNIT_EXPECT_STREQ(test, buf, "abc|   7|a  |xy");
	snprintf(buf, sizeof(buf), "%s", (char *)NULL);
	KUNIT_EXPECT_STREQ(test, buf, "(null)");
}

static void string_snprintf_lengths(struct kunit *test)
{
	char buf[8];

	KUNIT_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "%s", "0123456789"), 10);
	KUNIT_EXPECT_STREQ(test, buf, "0123456");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d", 12345), 5);
	KUNIT_EXPECT_EQ(test, sprintf(buf, "%u", 123U), 3);
	KUNIT_EXPECT_STREQ(test, buf, "123");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 0, "abc"), 0);
}

static void string_snprintf_pointers(struct kunit *test)
{
	static const u8 mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0xab };
	static const u8 bytes[3] = { 0x01, 0xa2, 0xff };
	phys_addr_t phys = 0x12345678;
	dma_addr_t dma = 0xfee00000;
	char buf[64];

	snprintf(buf, sizeof(buf), "%px", (void *)0x1234UL);
	KUNIT_EXPECT_STREQ(test, buf, "0000000000001234");
	snprintf(buf, sizeof(buf), "%pM", mac);
	KUNIT_EXPECT_STREQ(test, buf, "52:54:00:12:34:ab");
	snprintf(buf, sizeof(buf), "%*ph", 3, bytes);
	KUNIT_EXPECT_STREQ(test, buf, "01 a2 ff");
	snprintf(buf, sizeof(buf), "%pa", &phys);
	KUNIT_EXPECT_STREQ(test, buf, "0x0000000012345678");
	snprintf(buf, sizeof(buf), "%pad", &dma);
	KUNIT_EXPECT_STREQ(test, buf, "0x00000000fee00000");
}

static void string_kasprintf(struct kunit *test)
{
	char *text = kasprintf(GFP_KERNEL, "eth%d:%s", 3, "up");

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_EXPECT_STREQ(test, text, "eth3:up");
	kfree(text);
}

static void string_kstrto(struct kunit *test)
{
	unsigned long long ull;
	unsigned long ul;
	unsigned int ui;
	long long ll;
	bool flag;
	int i;
	u8 byte;
	u16 half;

	KUNIT_EXPECT_EQ(test, kstrtoint("42", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, 42);
	KUNIT_EXPECT_EQ(test, kstrtoint("-42\n", 0, &i), 0);
	KUNIT_EXPECT_EQ(test, i, -42);
	KUNIT_EXPECT_EQ(test, kstrtouint("0x1f", 0, &ui), 0);
	KUNIT_EXPECT_EQ(test, ui, 31U);
	KUNIT_EXPECT_EQ(test, kstrtoul("0777", 0, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, 511UL);
	KUNIT_EXPECT_EQ(test, kstrtouint("ff", 16, &ui), 0);
	KUNIT_EXPECT_EQ(test, ui, 255U);
	KUNIT_EXPECT_EQ(test, kstrtou8("255", 10, &byte), 0);
	KUNIT_EXPECT_EQ(test, byte, 255);
	KUNIT_EXPECT_EQ(test, kstrtou8("256", 10, &byte), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtou16("65536", 0, &half), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("12a", 10, &i), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("", 10, &i), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtouint("-1", 10, &ui), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoll("-9223372036854775808", 10, &ll), 0);
	KUNIT_EXPECT_EQ(test, ll, (long long)(-9223372036854775807LL - 1));
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551616", 10, &ull), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtobool("y", &flag), 0);
	KUNIT_EXPECT_TRUE(test, flag);
	KUNIT_EXPECT_EQ(test, kstrtobool("off", &flag), 0);
	KUNIT_EXPECT_FALSE(test, flag);
	KUNIT_EXPECT_EQ(test, kstrtobool("maybe", &flag), -EINVAL);
}

static void string_simple_strto(struct kunit *test)
{
	const char *text = "123abc";
	char *end;

	KUNIT_EXPECT_EQ(test, simple_strtoul(text, &end, 10), 123UL);
	KUNIT_EXPECT_PTR_EQ(test, (const char *)end, text + 3);
	KUNIT_EXPECT_EQ(test, simple_strtol("-0x10", NULL, 0), -16L);
}

static void string_copies(struct kunit *test)
{
	char buf[8];
	char *copy;

	KUNIT_EXPECT_EQ(test, strscpy(buf, "hi", sizeof(buf)), 2L);
	KUNIT_EXPECT_STREQ(test, buf, "hi");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "0123456789", sizeof(buf)), (long)-E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "0123456");
	copy = kstrdup("duplicate", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_EXPECT_STREQ(test, copy, "duplicate");
	kfree(copy);
	copy = kstrndup("duplicate", 3, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_EXPECT_STREQ(test, copy, "dup");
	kfree(copy);
	copy = kmemdup("a\0b", 3, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_EXPECT_EQ(test, memcmp(copy, "a\0b", 3), 0);
	kfree(copy);
}

static void string_search_and_compare(struct kunit *test)
{
	static const char *const modes[] = { "off", "on", "auto" };
	const char *text = "alpha beta gamma";
	char moved[] = "abcdef";

	KUNIT_EXPECT_EQ(test, strlen(text), (size_t)16);
	KUNIT_EXPECT_EQ(test, strnlen(text, 4), (size_t)4);
	KUNIT_EXPECT_PTR_EQ(test, strchr(text, 'b'), text + 6);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(text, 'a'), text + 15);
	KUNIT_EXPECT_PTR_EQ(test, strstr(text, "gam"), text + 11);
	KUNIT_EXPECT_NULL(test, strstr(text, "delta"));
	KUNIT_EXPECT_PTR_EQ(test, memchr(text, ' ', 16), (const void *)(text + 5));
	KUNIT_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abcX", "abcY", 3), 0);
	KUNIT_EXPECT_EQ(test, strcasecmp("HeLLo", "hello"), 0);
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on\n", "on"));
	KUNIT_EXPECT_EQ(test, match_string(modes, ARRAY_SIZE(modes), "auto"), 2);
	KUNIT_EXPECT_EQ(test, match_string(modes, ARRAY_SIZE(modes), "none"), -EINVAL);
	KUNIT_EXPECT_EQ(test, str_has_prefix("pci:0000", "pci:"), (size_t)4);
	KUNIT_EXPECT_STREQ(test, skip_spaces("  x"), "x");
	memmove(moved + 2, moved, 4);
	KUNIT_EXPECT_STREQ(test, moved, "ababcd");
	memset(moved, 'z', 3);
	KUNIT_EXPECT_STREQ(test, moved, "zzzbcd");
}

static void string_integer_helpers(struct kunit *test)
{
	u64 dividend = 1000000000007ULL;
	u32 remainder;
	int a = 3, b = 4;

	KUNIT_EXPECT_EQ(test, min(3, 4), 3);
	KUNIT_EXPECT_EQ(test, max(3, 4), 4);
	KUNIT_EXPECT_EQ(test, min_t(u8, 300, 50), 44);
	KUNIT_EXPECT_EQ(test, max_t(int, -1, 0), 0);
	KUNIT_EXPECT_EQ(test, clamp(15, 0, 10), 10);
	KUNIT_EXPECT_EQ(test, clamp(-5, 0, 10), 0);
	KUNIT_EXPECT_EQ(test, min3(5, 2, 9), 2);
	KUNIT_EXPECT_EQ(test, DIV_ROUND_UP(7, 2), 4);
	KUNIT_EXPECT_EQ(test, DIV_ROUND_CLOSEST(7, 2), 4);
	KUNIT_EXPECT_EQ(test, round_up(13, 8), 16);
	KUNIT_EXPECT_EQ(test, round_down(13, 8), 8);
	KUNIT_EXPECT_EQ(test, roundup(13, 5), 15);
	KUNIT_EXPECT_EQ(test, ALIGN(13, 8), 16);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(4096, 4096));
	KUNIT_EXPECT_FALSE(test, IS_ALIGNED(4097, 8));
	KUNIT_EXPECT_EQ(test, abs(-7), 7);
	swap(a, b);
	KUNIT_EXPECT_EQ(test, a, 4);
	KUNIT_EXPECT_EQ(test, div_u64(dividend, 7), 142857142858ULL);
	KUNIT_EXPECT_EQ(test, div_u64_rem(dividend, 10, &remainder), 100000000000ULL);
	KUNIT_EXPECT_EQ(test, remainder, 7U);
	KUNIT_EXPECT_EQ(test, do_div(dividend, 1000), 7U);
	KUNIT_EXPECT_EQ(test, dividend, 1000000000ULL);
	KUNIT_EXPECT_EQ(test, div64_u64(1ULL << 60, 1ULL << 30), 1ULL << 30);
	KUNIT_EXPECT_EQ(test, upper_32_bits(0x123456789ULL), 1U);
	KUNIT_EXPECT_EQ(test, lower_32_bits(0x123456789ULL), 0x23456789U);
}

static void string_byte_order(struct kunit *test)
{
	u8 bytes[8] = { 0xAA, 0x78, 0x56, 0x34, 0x12, 0xBB, 0xCC, 0xDD };
	__le32 le;

	KUNIT_EXPECT_EQ(test, (u32)cpu_to_le32(0x12345678), 0x12345678U);
	KUNIT_EXPECT_EQ(test, (u32)cpu_to_be32(0x12345678), 0x78563412U);
	KUNIT_EXPECT_EQ(test, be16_to_cpu((__be16)0x3412), 0x1234);
	KUNIT_EXPECT_EQ(test, swab32(0x12345678), 0x78563412U);
	KUNIT_EXPECT_EQ(test, swab64(0x0102030405060708ULL), 0x0807060504030201ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(bytes + 1), 0x12345678U);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(bytes + 5), 0xBBCC);
	put_unaligned_be32(0x01020304, bytes + 3);
	KUNIT_EXPECT_EQ(test, bytes[3], 0x01);
	KUNIT_EXPECT_EQ(test, bytes[6], 0x04);
	le = cpu_to_le32(10);
	le32_add_cpu(&le, 5);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(le), 15U);
}

static void string_err_ptr(struct kunit *test)
{
	void *error = ERR_PTR(-ENOMEM);
	int value = 0;

	KUNIT_EXPECT_TRUE(test, IS_ERR(error));
	KUNIT_EXPECT_EQ(test, PTR_ERR(error), (long)-ENOMEM);
	KUNIT_EXPECT_TRUE(test, IS_ERR_OR_NULL(NULL));
	KUNIT_EXPECT_FALSE(test, IS_ERR(&value));
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(&value), 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(error), -ENOMEM);
	KUNIT_EXPECT_PTR_EQ(test, ERR_CAST(error), error);
	KUNIT_EXPECT_TRUE(test, IS_ERR_VALUE((unsigned long)-EIO));
}

struct selftest_flex {
	int count;
	u64 items[];
};

static void string_overflow(struct kunit *test)
{
	u8 small;
	size_t size;
	int sum;

	KUNIT_EXPECT_TRUE(test, check_add_overflow((u8)200, (u8)100, &small));
	KUNIT_EXPECT_FALSE(test, check_add_overflow((u8)100, (u8)100, &small));
	KUNIT_EXPECT_EQ(test, small, 200);
	KUNIT_EXPECT_TRUE(test, check_mul_overflow((size_t)SIZE_MAX / 2, (size_t)3, &size));
	KUNIT_EXPECT_TRUE(test, check_sub_overflow(INT_MIN, 1, &sum));
	KUNIT_EXPECT_EQ(test, array_size(SIZE_MAX, 2), (size_t)SIZE_MAX);
	KUNIT_EXPECT_EQ(test, array_size(3, 4), (size_t)12);
	KUNIT_EXPECT_EQ(test, struct_size((struct selftest_flex *)NULL, items, 4), sizeof(struct selftest_flex) + 32);
	KUNIT_EXPECT_EQ(test, size_add(SIZE_MAX, 1), (size_t)SIZE_MAX);
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(string_snprintf_integers),
	KUNIT_CASE(string_snprintf_lengths),
	KUNIT_CASE(string_snprintf_pointers),
	KUNIT_CASE(string_kasprintf),
	KUNIT_CASE(string_kstrto),
	KUNIT_CASE(string_simple_strto),
	KUNIT_CASE(string_copies),
	KUNIT_CASE(string_search_and_compare),
	KUNIT_CASE(string_integer_helpers),
	KUNIT_CASE(string_byte_order),
	KUNIT_CASE(string_err_ptr),
	KUNIT_CASE(string_overflow),
	{}
};

static struct kunit_suite string_suite = {
	.name = "kpi-string",
	.test_cases = string_cases,
};
kunit_test_suite(string_suite);
