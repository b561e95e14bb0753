/* SPDX-License-Identifier: GPL-2.0-only */
/* Byte swapping: swab16/32/64 (constant-folded for constants), the pointer forms and swahw32/swahb32. */
#ifndef _LINUX_SWAB_H
#define _LINUX_SWAB_H

#include <linux/types.h>
#include <linux/compiler.h>

#define ___constant_swab16(x) ((__u16)__builtin_bswap16((__u16)(x)))
#define ___constant_swab32(x) ((__u32)__builtin_bswap32((__u32)(x)))
#define ___constant_swab64(x) ((__u64)__builtin_bswap64((__u64)(x)))
#define __swab16(x) ((__u16)__builtin_bswap16((__u16)(x)))
#define __swab32(x) ((__u32)__builtin_bswap32((__u32)(x)))
#define __swab64(x) ((__u64)__builtin_bswap64((__u64)(x)))
#define swab16 __swab16
#define swab32 __swab32
#define swab64 __swab64

/* Swaps the 16-bit halves of a 32-bit word; swahb32 swaps the bytes within each half. */
static inline __attribute_const__ __u32 __swahw32(__u32 x) { return (x << 16) | (x >> 16); }
static inline __attribute_const__ __u32 __swahb32(__u32 x) { return ((x & 0x00ff00ffU) << 8) | ((x & 0xff00ff00U) >> 8); }
#define swahw32 __swahw32
#define swahb32 __swahb32

static __always_inline __u16 __swab16p(const __u16 *p) { return __swab16(*p); }
static __always_inline __u32 __swab32p(const __u32 *p) { return __swab32(*p); }
static __always_inline __u64 __swab64p(const __u64 *p) { return __swab64(*p); }
static inline void __swab16s(__u16 *p) { *p = __swab16p(p); }
static __always_inline void __swab32s(__u32 *p) { *p = __swab32p(p); }
static __always_inline void __swab64s(__u64 *p) { *p = __swab64p(p); }
#define swab16p __swab16p
#define swab32p __swab32p
#define swab64p __swab64p
#define swab16s __swab16s
#define swab32s __swab32s
#define swab64s __swab64s

/* Swaps each 32-bit word of a buffer in place (words = byte count / 4). */
static inline void swab32_array(u32 *buf, unsigned int words)
{
	while (words--) {
		__swab32s(buf);
		buf++;
	}
}

#endif
