/* SPDX-License-Identifier: GPL-2.0-only */
/* 64-bit register access as two 32-bit accesses, low half first (for devices that need it). */
#ifndef _LINUX_IO_64_NONATOMIC_LO_HI_H
#define _LINUX_IO_64_NONATOMIC_LO_HI_H

#include <linux/io.h>

static inline u64 lo_hi_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 low = readl(p);
	u32 high = readl(p + 1);
	return low + ((u64)high << 32);
}

static inline void lo_hi_writeq(u64 value, volatile void __iomem *addr)
{
	writel(value, addr);
	writel(value >> 32, addr + 4);
}

#define lo_hi_readq_relaxed lo_hi_readq
#define lo_hi_writeq_relaxed lo_hi_writeq

#endif
