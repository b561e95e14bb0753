// SPDX-License-Identifier: GPL-2.0-only
/* The C library functions the Embedded Swift runtime, the compiler and ACPICA expect: memory and string basics. */
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

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b)
			return (int)(unsigned char)*a - (int)(unsigned char)*b;
		if (*a == 0)
			return 0;
	}
	return 0;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
	char *d = dst;
	while ((*d++ = *src++) != 0)
		;
	return dst;
}

/* Copies at most n bytes and pads with NULs up to n; like C's, the result is unterminated if src is long. */
char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
	size_t i = 0;
	for (; i < n && src[i] != 0; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = 0;
	return dst;
}

char *strcat(char *restrict dst, const char *restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* Appends at most n bytes of src, then always a NUL. */
char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
	char *d = dst + strlen(dst);
	for (; n > 0 && *src != 0; n--)
		*d++ = *src++;
	*d = 0;
	return dst;
}
