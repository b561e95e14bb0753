/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bit operations on arrays of unsigned long (bit nr lives in word nr / BITS_PER_LONG):
 *   - set_bit, clear_bit, change_bit: atomic, unordered (like Linux's);
 *   - test_and_set_bit, test_and_clear_bit, test_and_change_bit: atomic, fully ordered;
 *   - test_and_set_bit_lock / clear_bit_unlock: acquire / release (bit locks);
 *   - __set_bit, __clear_bit, __change_bit, __test_and_*: not atomic;
 * and bit searching within a word: ffs/fls (1-based, 0 for 0), __ffs/__fls (0-based, undefined for 0),
 * ffz, fls64, hweight*, rotations and sign extension.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/bits.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <asm/barrier.h>

#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(long))
#define BITS_TO_U64(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u64))
#define BITS_TO_U32(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(char))

#define __lkpi_bit_word(nr, addr) (&((volatile unsigned long *)(addr))[BIT_WORD(nr)])

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(__lkpi_bit_word(nr, addr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(__lkpi_bit_word(nr, addr), ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

static __always_inline void change_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(__lkpi_bit_word(nr, addr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_or(__lkpi_bit_word(nr, addr), BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr)) != 0;
}

static __always_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_and(__lkpi_bit_word(nr, addr), ~BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr)) != 0;
}

static __always_inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_xor(__lkpi_bit_word(nr, addr), BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr)) != 0;
}

/* A bit lock: acquire when the bit was clear and is now set by us. */
static __always_inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)
{
	return (__atomic_fetch_or(__lkpi_bit_word(nr, addr), BIT_MASK(nr), __ATOMIC_ACQUIRE) & BIT_MASK(nr)) != 0;
}

static __always_inline void clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(__lkpi_bit_word(nr, addr), ~BIT_MASK(nr), __ATOMIC_RELEASE);
}

/* Release without atomicity against other writers of the word (the lock holder owns it). */
static __always_inline void __clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	unsigned long old = READ_ONCE(*__lkpi_bit_word(nr, addr));

	__atomic_store_n(__lkpi_bit_word(nr, addr), old & ~BIT_MASK(nr), __ATOMIC_RELEASE);
}

/* Clears the bit (release) and returns whether bit 7 of the byte is set (page-lock waiters). */
static __always_inline bool clear_bit_unlock_is_negative_byte(long nr, volatile unsigned long *addr)
{
	unsigned long old = __atomic_fetch_and(__lkpi_bit_word(nr, addr), ~BIT_MASK(nr), __ATOMIC_RELEASE);

	return (old & BIT(7)) != 0;
}

static __always_inline void __set_bit(long nr, volatile unsigned long *addr)
{
	*__lkpi_bit_word(nr, addr) |= BIT_MASK(nr);
}

static __always_inline void __clear_bit(long nr, volatile unsigned long *addr)
{
	*__lkpi_bit_word(nr, addr) &= ~BIT_MASK(nr);
}

static __always_inline void __change_bit(long nr, volatile unsigned long *addr)
{
	*__lkpi_bit_word(nr, addr) ^= BIT_MASK(nr);
}

static __always_inline bool __test_and_set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long old = *__lkpi_bit_word(nr, addr);

	*__lkpi_bit_word(nr, addr) = old | BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}

static __always_inline bool __test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long old = *__lkpi_bit_word(nr, addr);

	*__lkpi_bit_word(nr, addr) = old & ~BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}

static __always_inline bool __test_and_change_bit(long nr, volatile unsigned long *addr)
{
	unsigned long old = *__lkpi_bit_word(nr, addr);

	*__lkpi_bit_word(nr, addr) = old ^ BIT_MASK(nr);
	return (old & BIT_MASK(nr)) != 0;
}

static __always_inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return 1UL & (addr[BIT_WORD(nr)] >> (nr & (BITS_PER_LONG - 1)));
}

static __always_inline bool test_bit_acquire(long nr, const volatile unsigned long *addr)
{
	return 1UL & (__atomic_load_n(&addr[BIT_WORD(nr)], __ATOMIC_ACQUIRE) >> (nr & (BITS_PER_LONG - 1)));
}

static __always_inline void assign_bit(long nr, volatile unsigned long *addr, bool value)
{
	if (value)
		set_bit(nr, addr);
	else
		clear_bit(nr, addr);
}

static __always_inline void __assign_bit(long nr, volatile unsigned long *addr, bool value)
{
	if (value)
		__set_bit(nr, addr);
	else
		__clear_bit(nr, addr);
}

/* ---- searching one word ---- */

/* Index of the lowest set bit; undefined for 0. */
static __always_inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

/* Index of the highest set bit; undefined for 0. */
static __always_inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

/* Index of the lowest clear bit; undefined for ~0UL. */
static __always_inline unsigned long ffz(unsigned long word)
{
	return __ffs(~word);
}

/* 1-based index of the lowest set bit, 0 for 0 (like the C library's ffs). */
static __always_inline int ffs(int x)
{
	return __builtin_ffs(x);
}

/* 1-based index of the highest set bit, 0 for 0: fls(1) == 1, fls(0x80000000) == 32. */
static __always_inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static __always_inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

static __always_inline unsigned int fls_long(unsigned long l)
{
	return fls64(l);
}

static __always_inline unsigned long __ffs64(u64 word)
{
	return __ffs((unsigned long)word);
}

static __always_inline unsigned int hweight8(unsigned int w) { return __builtin_popcount(w & 0xff); }
static __always_inline unsigned int hweight16(unsigned int w) { return __builtin_popcount(w & 0xffff); }
static __always_inline unsigned int hweight32(unsigned int w) { return __builtin_popcount(w); }
static __always_inline unsigned long hweight64(u64 w) { return __builtin_popcountll(w); }
static __always_inline unsigned long hweight_long(unsigned long w) { return __builtin_popcountl(w); }
#define __const_hweight8(w) hweight8(w)
#define __const_hweight16(w) hweight16(w)
#define __const_hweight32(w) hweight32(w)
#define __const_hweight64(w) hweight64(w)

/* Order of the smallest power of two >= count (count > 0); -1 for 0. */
static inline int get_count_order(unsigned int count)
{
	if (count == 0)
		return -1;
	return fls(--count);
}

static inline int get_count_order_long(unsigned long l)
{
	if (l == 0UL)
		return -1;
	return (int)fls_long(--l);
}

static inline u64 rol64(u64 word, unsigned int shift) { return (word << (shift & 63)) | (word >> ((-shift) & 63)); }
static inline u64 ror64(u64 word, unsigned int shift) { return (word >> (shift & 63)) | (word << ((-shift) & 63)); }
static inline u32 rol32(u32 word, unsigned int shift) { return (word << (shift & 31)) | (word >> ((-shift) & 31)); }
static inline u32 ror32(u32 word, unsigned int shift) { return (word >> (shift & 31)) | (word << ((-shift) & 31)); }
static inline u16 rol16(u16 word, unsigned int shift) { return (word << (shift & 15)) | (word >> ((-shift) & 15)); }
static inline u16 ror16(u16 word, unsigned int shift) { return (word >> (shift & 15)) | (word << ((-shift) & 15)); }
static inline u8 rol8(u8 word, unsigned int shift) { return (word << (shift & 7)) | (word >> ((-shift) & 7)); }
static inline u8 ror8(u8 word, unsigned int shift) { return (word >> (shift & 7)) | (word << ((-shift) & 7)); }

/* Sign-extends value from bit `index` (0-based) upwards. */
static __always_inline s32 sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (s32)(value << shift) >> shift;
}

static __always_inline s64 sign_extend64(u64 value, int index)
{
	u8 shift = 63 - index;

	return (s64)(value << shift) >> shift;
}

/* Sets or clears the bits of mask in *ptr, for any integer type. */
#define set_mask_bits(ptr, mask, bits)						\
	({									\
		const typeof(*(ptr)) mask__ = (mask), bits__ = (bits);		\
		typeof(*(ptr)) old__ = READ_ONCE(*(ptr)), new__;		\
		do {								\
			new__ = (old__ & ~mask__) | bits__;			\
		} while (!__atomic_compare_exchange_n((ptr), &old__, new__, false, \
						      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); \
		old__;								\
	})

/* Bitmap searches (for_each_set_bit …): Linux drivers reach them through this header too. */
#include <linux/find.h>

#endif
