// SPDX-License-Identifier: GPL-2.0-only
/* The C library functions the Embedded Swift runtime and the compiler expect: memory and string basics. */
#include <stddef.h>
#include <stdint.h>
#include "interrupt_frame.h"

_Static_assert(__builtin_offsetof(struct interrupt_frame, rax) == 0x70, "fault_probe.S uses this offset");
_Static_assert(__builtin_offsetof(struct interrupt_frame, rip) == 0x88, "fault_probe.S uses this offset");
_Static_assert(__builtin_offsetof(struct interrupt_frame, rsp) == 0xa0, "fault_probe.S uses this offset");

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	void *ret = dst;
	__asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
	return ret;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if (d < s || d >= s + n)
		return memcpy(dst, src, n);
	/* Overlapping with the destination above the source: copy backwards. */
	d += n - 1;
	s += n - 1;
	__asm__ volatile("std; rep movsb; cld" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	void *ret = dst;
	__asm__ volatile("rep stosb" : "+D"(dst), "+c"(n) : "a"(c) : "memory");
	return ret;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
