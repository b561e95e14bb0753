// SPDX-License-Identifier: GPL-2.0-only
/* Whole-bitmap operations (lib/bitmap.c): logic, weight, ranges, shifts, region allocation. */
#include <linux/bitmap.h>
#include <linux/slab.h>
#include <linux/export.h>
#include <linux/kernel.h>

/* The bits of the last, partial word that belong to a bitmap of nbits bits. */
#define LKPI_LAST(nbits) BITMAP_LAST_WORD_MASK(nbits)

bool __bitmap_equal(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = bits / BITS_PER_LONG;

	for (k = 0; k < lim; ++k)
		if (bitmap1[k] != bitmap2[k])
			return false;
	if (bits % BITS_PER_LONG)
		if ((bitmap1[k] ^ bitmap2[k]) & LKPI_LAST(bits))
			return false;
	return true;
}
EXPORT_SYMBOL(__bitmap_equal);

void __bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int bits)
{
	for (unsigned int k = 0; k < BITS_TO_LONGS(bits); ++k)
		dst[k] = ~src[k];
}
EXPORT_SYMBOL(__bitmap_complement);

/* Returns whether any bit of the result is set. */
bool __bitmap_and(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2,
		  unsigned int bits)
{
	unsigned int k, lim = bits / BITS_PER_LONG;
	unsigned long result = 0;

	for (k = 0; k < lim; k++)
		result |= (dst[k] = bitmap1[k] & bitmap2[k]);
	if (bits % BITS_PER_LONG)
		result |= (dst[k] = bitmap1[k] & bitmap2[k] & LKPI_LAST(bits));
	return result != 0;
}
EXPORT_SYMBOL(__bitmap_and);

void __bitmap_or(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2,
		 unsigned int bits)
{
	for (unsigned int k = 0; k < BITS_TO_LONGS(bits); k++)
		dst[k] = bitmap1[k] | bitmap2[k];
}
EXPORT_SYMBOL(__bitmap_or);

void __bitmap_xor(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2,
		  unsigned int bits)
{
	for (unsigned int k = 0; k < BITS_TO_LONGS(bits); k++)
		dst[k] = bitmap1[k] ^ bitmap2[k];
}
EXPORT_SYMBOL(__bitmap_xor);

bool __bitmap_andnot(unsigned long *dst, const unsigned long *bitmap1, const unsigned long *bitmap2,
		     unsigned int bits)
{
	unsigned int k, lim = bits / BITS_PER_LONG;
	unsigned long result = 0;

	for (k = 0; k < lim; k++)
		result |= (dst[k] = bitmap1[k] & ~bitmap2[k]);
	if (bits % BITS_PER_LONG)
		result |= (dst[k] = bitmap1[k] & ~bitmap2[k] & LKPI_LAST(bits));
	return result != 0;
}
EXPORT_SYMBOL(__bitmap_andnot);

bool __bitmap_intersects(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = bits / BITS_PER_LONG;

	for (k = 0; k < lim; ++k)
		if (bitmap1[k] & bitmap2[k])
			return true;
	if (bits % BITS_PER_LONG)
		if ((bitmap1[k] & bitmap2[k]) & LKPI_LAST(bits))
			return true;
	return false;
}
EXPORT_SYMBOL(__bitmap_intersects);

/* Whether every bit of bitmap1 is also set in bitmap2. */
bool __bitmap_subset(const unsigned long *bitmap1, const unsigned long *bitmap2, unsigned int bits)
{
	unsigned int k, lim = bits / BITS_PER_LONG;

	for (k = 0; k < lim; ++k)
		if (bitmap1[k] & ~bitmap2[k])
			return false;
	if (bits % BITS_PER_LONG)
		if ((bitmap1[k] & ~bitmap2[k]) & LKPI_LAST(bits))
			return false;
	return true;
}
EXPORT_SYMBOL(__bitmap_subset);

unsigned int __bitmap_weight(const unsigned long *bitmap, unsigned int bits)
{
	unsigned int k, w = 0, lim = bits / BITS_PER_LONG;

	for (k = 0; k < lim; k++)
		w += hweight_long(bitmap[k]);
	if (bits % BITS_PER_LONG)
		w += hweight_long(bitmap[k] & LKPI_LAST(bits));
	return w;
}
EXPORT_SYMBOL(__bitmap_weight);

void __bitmap_set(unsigned long *map, unsigned int start, int len)
{
	for (unsigned int bit = start; len > 0; bit++, len--)
		__set_bit(bit, map);
}
EXPORT_SYMBOL(__bitmap_set);

void __bitmap_clear(unsigned long *map, unsigned int start, int len)
{
	for (unsigned int bit = start; len > 0; bit++, len--)
		__clear_bit(bit, map);
}
EXPORT_SYMBOL(__bitmap_clear);

void __bitmap_shift_right(unsigned long *dst, const unsigned long *src, unsigned int shift, unsigned int nbits)
{
	/* Bit by bit, upwards, so dst may be src. */
	for (unsigned int bit = 0; bit < nbits; bit++) {
		if (bit + shift < nbits && test_bit(bit + shift, src))
			__set_bit(bit, dst);
		else
			__clear_bit(bit, dst);
	}
}
EXPORT_SYMBOL(__bitmap_shift_right);

void __bitmap_shift_left(unsigned long *dst, const unsigned long *src, unsigned int shift, unsigned int nbits)
{
	/* Bit by bit, downwards, so dst may be src. */
	for (unsigned int bit = nbits; bit-- > 0;) {
		if (bit >= shift && test_bit(bit - shift, src))
			__set_bit(bit, dst);
		else
			__clear_bit(bit, dst);
	}
}
EXPORT_SYMBOL(__bitmap_shift_left);

unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size, unsigned long start,
					     unsigned int nr, unsigned long align_mask,
					     unsigned long align_offset)
{
	unsigned long index, end, i;

	for (;;) {
		index = find_next_zero_bit(map, size, start);
		/* Align the start, counting from align_offset. */
		index = __ALIGN_MASK(index + align_offset, align_mask) - align_offset;
		end = index + nr;
		if (end > size)
			return end;
		i = find_next_bit(map, end, index);
		if (i < end) {
			start = i + 1;
			continue;
		}
		return index;
	}
}
EXPORT_SYMBOL(bitmap_find_next_zero_area_off);

static bool lkpi_region_free(const unsigned long *bitmap, unsigned int pos, unsigned int nbits)
{
	return find_next_bit(bitmap, pos + nbits, pos) >= pos + nbits;
}

int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order)
{
	unsigned int nbits = 1U << order;

	for (unsigned int pos = 0; pos + nbits <= bits; pos += nbits) {
		if (lkpi_region_free(bitmap, pos, nbits)) {
			__bitmap_set(bitmap, pos, nbits);
			return pos;
		}
	}
	return -ENOMEM;
}
EXPORT_SYMBOL(bitmap_find_free_region);

void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order)
{
	__bitmap_clear(bitmap, pos, 1U << order);
}
EXPORT_SYMBOL(bitmap_release_region);

int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order)
{
	unsigned int nbits = 1U << order;

	if (!lkpi_region_free(bitmap, pos, nbits))
		return -EBUSY;
	__bitmap_set(bitmap, pos, nbits);
	return 0;
}
EXPORT_SYMBOL(bitmap_allocate_region);

void bitmap_from_arr32(unsigned long *bitmap, const u32 *buf, unsigned int nbits)
{
	unsigned int i, halfwords = DIV_ROUND_UP(nbits, 32);

	for (i = 0; i < halfwords; i++) {
		bitmap[i / 2] = (i % 2) ? bitmap[i / 2] | ((unsigned long)buf[i] << 32) : buf[i];
	}
	if (nbits % BITS_PER_LONG)
		bitmap[(halfwords - 1) / 2] &= BITMAP_LAST_WORD_MASK(nbits);
}
EXPORT_SYMBOL(bitmap_from_arr32);

void bitmap_to_arr32(u32 *buf, const unsigned long *bitmap, unsigned int nbits)
{
	unsigned int i, halfwords = DIV_ROUND_UP(nbits, 32);

	for (i = 0; i < halfwords; i++)
		buf[i] = (i % 2) ? bitmap[i / 2] >> 32 : bitmap[i / 2] & 0xffffffffUL;
	if (nbits % 32)
		buf[halfwords - 1] &= (u32)(~0U >> (32 - nbits % 32));
}
EXPORT_SYMBOL(bitmap_to_arr32);

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
	return kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}
EXPORT_SYMBOL(bitmap_alloc);

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return bitmap_alloc(nbits, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(bitmap_zalloc);

void bitmap_free(const unsigned long *bitmap)
{
	kfree(bitmap);
}
EXPORT_SYMBOL(bitmap_free);
