/* SPDX-License-Identifier: GPL-2.0-only */
/* The L1 cache line: 64 bytes on every x86-64. */
#ifndef _ASM_X86_CACHE_H
#define _ASM_X86_CACHE_H

#ifndef L1_CACHE_SHIFT
#define L1_CACHE_SHIFT 6
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)
#endif
#define INTERNODE_CACHE_SHIFT L1_CACHE_SHIFT
#define __read_mostly

#endif
