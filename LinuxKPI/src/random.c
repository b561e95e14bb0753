// SPDX-License-Identifier: GPL-2.0-only
/*
 * get_random_bytes and friends. Each 64-bit word comes from RDSEED or RDRAND when the CPU has them (both
 * retried a few times, as Intel advises). Without them, a SplitMix64 sequence whose state is the TSC and
 * whatever add_device_randomness mixed in serves instead: unpredictable enough for hash seeds and RSS
 * keys, not for cryptography (QEMU's default CPU under TCG has neither instruction).
 */
#include <linux/random.h>
#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/kernel.h>

static int lkpi_rng_kind = -1; /* -1 unknown, 0 none, 1 RDRAND, 2 RDSEED (and RDRAND) */
static atomic64_t lkpi_fallback_state;

static void lkpi_cpuid(unsigned int leaf, unsigned int sub, unsigned int *b, unsigned int *c)
{
	unsigned int a, d;

	__asm__ __volatile__("cpuid" : "=a"(a), "=b"(*b), "=c"(*c), "=d"(d) : "a"(leaf), "c"(sub));
}

static int lkpi_detect(void)
{
	unsigned int b, c;
	int kind = 0;

	lkpi_cpuid(1, 0, &b, &c);
	if (c & (1U << 30))
		kind = 1;
	lkpi_cpuid(7, 0, &b, &c);
	if (kind && (b & (1U << 18)))
		kind = 2;
	WRITE_ONCE(lkpi_rng_kind, kind);
	return kind;
}

static bool lkpi_rdrand(u64 *v)
{
	for (int i = 0; i < 10; i++) {
		bool ok;

		__asm__ __volatile__("rdrand %0" : "=r"(*v), "=@ccc"(ok));
		if (ok)
			return true;
	}
	return false;
}

static bool lkpi_rdseed(u64 *v)
{
	for (int i = 0; i < 10; i++) {
		bool ok;

		__asm__ __volatile__("rdseed %0" : "=r"(*v), "=@ccc"(ok));
		if (ok)
			return true;
		__asm__ __volatile__("pause");
	}
	return false;
}

static u64 lkpi_rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* SplitMix64's output function. */
static u64 lkpi_mix(u64 z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static u64 lkpi_random_u64(void)
{
	int kind = READ_ONCE(lkpi_rng_kind);
	u64 v;

	if (kind < 0)
		kind = lkpi_detect();
	if (kind == 2 && lkpi_rdseed(&v))
		return v;
	if (kind >= 1 && lkpi_rdrand(&v))
		return v;
	/* The state advances by the golden-ratio step plus fresh TSC bits on every call. */
	v = atomic64_add_return(0x9e3779b97f4a7c15LL + (s64)(lkpi_rdtsc() & 0xffff), &lkpi_fallback_state);
	return lkpi_mix(v ^ lkpi_rdtsc());
}

void get_random_bytes(void *buf, size_t len)
{
	u8 *out = buf;

	while (len >= 8) {
		u64 v = lkpi_random_u64();

		memcpy(out, &v, 8);
		out += 8;
		len -= 8;
	}
	if (len) {
		u64 v = lkpi_random_u64();

		memcpy(out, &v, len);
	}
}
EXPORT_SYMBOL(get_random_bytes);

u64 get_random_u64(void)
{
	return lkpi_random_u64();
}
EXPORT_SYMBOL(get_random_u64);

u32 get_random_u32(void)
{
	return (u32)lkpi_random_u64();
}
EXPORT_SYMBOL(get_random_u32);

u16 get_random_u16(void)
{
	return (u16)lkpi_random_u64();
}
EXPORT_SYMBOL(get_random_u16);

u8 get_random_u8(void)
{
	return (u8)lkpi_random_u64();
}
EXPORT_SYMBOL(get_random_u8);

/* Lemire's multiply-and-reject: the high half of a 64-bit product, rejecting the biased low values. */
u32 __get_random_u32_below(u32 ceil)
{
	u64 mult = (u64)ceil * get_random_u32();

	if (unlikely((u32)mult < ceil)) {
		u32 bound = -ceil % ceil;

		while (unlikely((u32)mult < bound))
			mult = (u64)ceil * get_random_u32();
	}
	return mult >> 32;
}
EXPORT_SYMBOL(__get_random_u32_below);

void add_device_randomness(const void *buf, size_t len)
{
	const u8 *p = buf;
	u64 acc = lkpi_rdtsc();

	for (size_t i = 0; i < len; i++)
		acc = lkpi_mix(acc ^ p[i]);
	atomic64_xor(acc, &lkpi_fallback_state);
}
EXPORT_SYMBOL(add_device_randomness);
