// SPDX-License-Identifier: GPL-2.0-only
/* Bit searches over bitmaps (arrays of unsigned long, bit n in word n / BITS_PER_LONG). */
#include <linux/find.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/export.h>

/* The words searched: addr1, or addr1 & addr2, or addr1 & ~addr2; inverted for a clear-bit search. */
enum lkpi_combine { ONE, AND, ANDNOT };

static inline unsigned long lkpi_word(const unsigned long *addr1, const unsigned long *addr2,
				      enum lkpi_combine how, bool invert, unsigned long index)
{
	unsigned long w = addr1[index];

	if (how == AND)
		w &= addr2[index];
	else if (how == ANDNOT)
		w &= ~addr2[index];
	return invert ? ~w : w;
}

static unsigned long lkpi_find_next(const unsigned long *addr1, const unsigned long *addr2,
				    enum lkpi_combine how, bool invert, unsigned long nbits, unsigned long start)
{
	unsigned long index, w;

	if (start >= nbits)
		return nbits;
	index = BIT_WORD(start);
	w = lkpi_word(addr1, addr2, how, invert, index) & (~0UL << (start % BITS_PER_LONG));
	while (!w) {
		index++;
		if (index * BITS_PER_LONG >= nbits)
			return nbits;
		w = lkpi_word(addr1, addr2, how, invert, index);
	}
	return min(index * BITS_PER_LONG + __ffs(w), nbits);
}

unsigned long _find_next_bit(const unsigned long *addr1, unsigned long nbits, unsigned long start)
{
	return lkpi_find_next(addr1, NULL, ONE, false, nbits, start);
}
EXPORT_SYMBOL(_find_next_bit);

unsigned long _find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2, unsigned long nbits,
				 unsigned long start)
{
	return lkpi_find_next(addr1, addr2, AND, false, nbits, start);
}
EXPORT_SYMBOL(_find_next_and_bit);

unsigned long _find_next_andnot_bit(const unsigned long *addr1, const unsigned long *addr2,
				    unsigned long nbits, unsigned long start)
{
	return lkpi_find_next(addr1, addr2, ANDNOT, false, nbits, start);
}
EXPORT_SYMBOL(_find_next_andnot_bit);

unsigned long _find_next_zero_bit(const unsigned long *addr, unsigned long nbits, unsigned long start)
{
	return lkpi_find_next(addr, NULL, ONE, true, nbits, start);
}
EXPORT_SYMBOL(_find_next_zero_bit);

unsigned long _find_first_bit(const unsigned long *addr, unsigned long size)
{
	return lkpi_find_next(addr, NULL, ONE, false, size, 0);
}
EXPORT_SYMBOL(_find_first_bit);

unsigned long _find_first_and_bit(const unsigned long *addr1, const unsigned long *addr2, unsigned long size)
{
	return lkpi_find_next(addr1, addr2, AND, false, size, 0);
}
EXPORT_SYMBOL(_find_first_and_bit);

unsigned long _find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return lkpi_find_next(addr, NULL, ONE, true, size, 0);
}
EXPORT_SYMBOL(_find_first_zero_bit);

unsigned long _find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long index;
	unsigned long w;

	if (!size)
		return size;
	index = (size - 1) / BITS_PER_LONG;
	/* Only the bits below size count in the last word. */
	w = addr[index] & (~0UL >> (-size % BITS_PER_LONG));
	for (;;) {
		if (w)
			return index * BITS_PER_LONG + __fls(w);
		if (index-- == 0)
			return size;
		w = addr[index];
	}
}
EXPORT_SYMBOL(_find_last_bit);

unsigned long _find_nth_bit(const unsigned long *addr, unsigned long size, unsigned long n)
{
	unsigned long bit;

	for_each_set_bit(bit, addr, size)
		if (n-- == 0)
			return bit;
	return size;
}
EXPORT_SYMBOL(_find_nth_bit);
