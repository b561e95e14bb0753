/* SPDX-License-Identifier: GPL-2.0-only */
/* Constants usable from both C and assembly: _AC(1, UL) is 1UL in C and 1 in assembly. */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(x, y) x
#define _AT(t, x) x
#else
#define __AC(x, y) (x##y)
#define _AC(x, y) __AC(x, y)
#define _AT(t, x) ((t)(x))
#endif
#define _UL(x) (_AC(x, UL))
#define _ULL(x) (_AC(x, ULL))
#define UL(x) _UL(x)
#define ULL(x) _ULL(x)
#define _BITUL(x) (_UL(1) << (x))
#define _BITULL(x) (_ULL(1) << (x))

#define __ALIGN_KERNEL_MASK(x, mask) (((x) + (mask)) & ~(mask))
#define __ALIGN_KERNEL(x, a) __ALIGN_KERNEL_MASK(x, (typeof(x))(a) - 1)
#define __KERNEL_DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#endif
