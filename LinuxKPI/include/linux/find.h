/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Searching bitmaps: the first/next/last set or clear bit of an array of unsigned long (lib/find_bit.c);
 * each returns `size` when there is no such bit.
 */
#ifndef _LINUX_FIND_H
#define _LINUX_FIND_H

#include <linux/bitops.h>

unsigned long _find_next_bit(const unsigned long *addr1, unsigned long nbits, unsigned long start);
unsigned long _find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2, unsigned long nbits,
				 unsigned long start);
unsigned long _find_next_andnot_bit(const unsigned long *addr1, const unsigned long *addr2,
				    unsigned long nbits, unsigned long start);
unsigned long _find_next_zero_bit(const unsigned long *addr, unsigned long nbits, unsigned long start);
unsigned long _find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long _find_first_and_bit(const unsigned long *addr1, const unsigned long *addr2, unsigned long size);
unsigned long _find_first_zero_bit(const unsigned long *addr, unsigned long size);
unsigned long _find_last_bit(const unsigned long *addr, unsigned long size);
unsigned long _find_nth_bit(const unsigned long *addr, unsigned long size, unsigned long n);

static inline unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return _find_next_bit(addr, size, offset);
}

static inline unsigned long find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2,
					      unsigned long size, unsigned long offset)
{
	return _find_next_and_bit(addr1, addr2, size, offset);
}

static inline unsigned long find_next_andnot_bit(const unsigned long *addr1, const unsigned long *addr2,
						 unsigned long size, unsigned long offset)
{
	return _find_next_andnot_bit(addr1, addr2, size, offset);
}

static inline unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
					       unsigned long offset)
{
	return _find_next_zero_bit(addr, size, offset);
}

static inline unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return _find_first_bit(addr, size);
}

static inline unsigned long find_first_and_bit(const unsigned long *addr1, const unsigned long *addr2,
					       unsigned long size)
{
	return _find_first_and_bit(addr1, addr2, size);
}

static inline unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return _find_first_zero_bit(addr, size);
}

static inline unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	return _find_last_bit(addr, size);
}

/* The index of the n-th set bit (counting from 0), or size. */
static inline unsigned long find_nth_bit(const unsigned long *addr, unsigned long size, unsigned long n)
{
	return _find_nth_bit(addr, size, n);
}

/* The next set bit at or after offset, wrapping around to the start once. */
static inline unsigned long find_next_bit_wrap(const unsigned long *addr, unsigned long size,
					       unsigned long offset)
{
	unsigned long bit = find_next_bit(addr, size, offset);

	if (bit < size)
		return bit;
	bit = find_first_bit(addr, offset);
	return bit < offset ? bit : size;
}

#define for_each_set_bit(bit, addr, size)					\
	for ((bit) = 0; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_set_bit_from(bit, addr, size)					\
	for (; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_clear_bit(bit, addr, size)					\
	for ((bit) = 0; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_clear_bit_from(bit, addr, size)				\
	for (; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_and_bit(bit, addr1, addr2, size)				\
	for ((bit) = 0; (bit) = find_next_and_bit((addr1), (addr2), (size), (bit)), (bit) < (size); (bit)++)

#endif
