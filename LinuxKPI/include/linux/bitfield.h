/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Register fields described by their mask: FIELD_PREP(mask, value) shifts value into place, FIELD_GET
 * extracts it; the *_encode_bits/*_get_bits/*_replace_bits helpers do the same on fixed-width and
 * endian types. The mask must be a non-zero constant with contiguous bits (checked at build time).
 */
#ifndef _LINUX_BITFIELD_H
#define _LINUX_BITFIELD_H

#include <linux/build_bug.h>
#include <linux/types.h>
#include <asm/byteorder.h>

#define __bf_shf(x) (__builtin_ffsll(x) - 1)

#define __BF_FIELD_CHECK(_mask, _reg, _val, _pfx)				\
	({									\
		BUILD_BUG_ON_MSG(!__builtin_constant_p(_mask), _pfx "mask is not constant"); \
		BUILD_BUG_ON_MSG((_mask) == 0, _pfx "mask is zero");		\
		BUILD_BUG_ON_MSG(__builtin_constant_p(_val) ?			\
				 ~((_mask) >> __bf_shf(_mask)) & (_val) : 0,	\
				 _pfx "value too large for the field");		\
		BUILD_BUG_ON_MSG(((_mask) + (1ULL << __bf_shf(_mask))) &	\
				 (((_mask) + (1ULL << __bf_shf(_mask))) - 1),	\
				 _pfx "mask is not contiguous");		\
	})

#define FIELD_MAX(_mask)							\
	({									\
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_MAX: ");		\
		(typeof(_mask))((_mask) >> __bf_shf(_mask));			\
	})
#define FIELD_FIT(_mask, _val)							\
	({									\
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_FIT: ");		\
		!((((typeof(_mask))_val) << __bf_shf(_mask)) & ~(_mask));	\
	})
#define FIELD_PREP(_mask, _val)							\
	({									\
		__BF_FIELD_CHECK(_mask, 0ULL, _val, "FIELD_PREP: ");		\
		((typeof(_mask))(_val) << __bf_shf(_mask)) & (_mask);		\
	})
#define FIELD_GET(_mask, _reg)							\
	({									\
		__BF_FIELD_CHECK(_mask, _reg, 0U, "FIELD_GET: ");		\
		(typeof(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask));	\
	})

/* The lowest set bit of a constant field mask, as a multiplier (field * mask_lsb == shifted field). */
#define __lkpi_field_multiplier(field) ((field) & -(field))
#define __lkpi_field_mask(field) ((field) / __lkpi_field_multiplier(field))

#define __LKPI_MAKE_OP(type, base, to, from)					\
	static __always_inline base type##_encode_bits(base v, base field)	\
	{									\
		return to((v & __lkpi_field_mask(field)) * __lkpi_field_multiplier(field)); \
	}									\
	static __always_inline base type##_replace_bits(base old, base val, base field) \
	{									\
		return (old & ~to(field)) | type##_encode_bits(val, field);	\
	}									\
	static __always_inline void type##p_replace_bits(base *p, base val, base field) \
	{									\
		*p = (*p & ~to(field)) | type##_encode_bits(val, field);	\
	}									\
	static __always_inline base type##_get_bits(base v, base field)	\
	{									\
		return (from(v) & field) / __lkpi_field_multiplier(field);	\
	}

#define __lkpi_id(x) (x)
__LKPI_MAKE_OP(u8, u8, __lkpi_id, __lkpi_id)
__LKPI_MAKE_OP(u16, u16, __lkpi_id, __lkpi_id)
__LKPI_MAKE_OP(u32, u32, __lkpi_id, __lkpi_id)
__LKPI_MAKE_OP(u64, u64, __lkpi_id, __lkpi_id)
__LKPI_MAKE_OP(le16, __le16, cpu_to_le16, le16_to_cpu)
__LKPI_MAKE_OP(le32, __le32, cpu_to_le32, le32_to_cpu)
__LKPI_MAKE_OP(le64, __le64, cpu_to_le64, le64_to_cpu)
__LKPI_MAKE_OP(be16, __be16, cpu_to_be16, be16_to_cpu)
__LKPI_MAKE_OP(be32, __be32, cpu_to_be32, be32_to_cpu)
__LKPI_MAKE_OP(be64, __be64, cpu_to_be64, be64_to_cpu)
#undef __LKPI_MAKE_OP

#endif
