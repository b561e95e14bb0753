/* SPDX-License-Identifier: GPL-2.0-only */
/* Bit reversal of 8/16/32-bit values (the last bit becomes the first). */
#ifndef _LINUX_BITREV_H
#define _LINUX_BITREV_H

#include <linux/types.h>

static inline u32 bitrev32(u32 x)
{
	x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
	x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
	x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
	return __builtin_bswap32(x);
}

static inline u16 bitrev16(u16 x)
{
	return bitrev32(x) >> 16;
}

static inline u8 bitrev8(u8 x)
{
	return bitrev32(x) >> 24;
}

#endif
