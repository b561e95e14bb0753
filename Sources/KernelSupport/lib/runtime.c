// SPDX-License-Identifier: GPL-2.0-only
/*
 * The C library entry points the Embedded Swift runtime imports, forwarded to the kernel: allocation
 * (the kernel heap), putchar (the console) and arc4random_buf (RDRAND, else the TSC mixed).
 */
#include <stddef.h>
#include <stdint.h>
#include "cpu.h"
#include "runtime_bridge.h"

#define ENOMEM 12
#define EINVAL 22

int posix_memalign(void **out, size_t alignment, size_t size)
{
	if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment % sizeof(void *) != 0)
		return EINVAL;
	*out = apus_heap_allocate(size, alignment);
	return *out ? 0 : ENOMEM;
}

void free(void *pointer)
{
	if (pointer)
		apus_heap_free(pointer);
}

int putchar(int c)
{
	apus_console_putchar(c);
	return c;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

void arc4random_buf(void *buffer, size_t n)
{
	unsigned char *out = buffer;
	int have_rdrand = (cpu_cpuid(1, 0).ecx >> 30) & 1;

	while (n) {
		uint64_t r;

		if (!have_rdrand || !cpu_rdrand64(&r))
			r = mix64(cpu_rdtsc());
		for (int i = 0; i < 8 && n; i++, n--, r >>= 8)
			*out++ = (unsigned char)r;
	}
}
