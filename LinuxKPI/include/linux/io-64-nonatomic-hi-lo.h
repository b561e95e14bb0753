/* SPDX-License-Identifier: GPL-2.0-only */
/* 64-bit register access as two 32-bit accesses, high half first (for devices that need it). */
#ifndef _LINUX_IO_64_NONATOMIC_HI_LO_H
#define _LINUX_IO_64_NONATOMIC_HI_LO_H

#include <linux/io.h>

static inline u64 hi_lo_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 high = readl(p + 1);
	u32 low = readl(p);
	return low + ((u64)high << 32);
}

static inline void hi_lo_writeq(u64 value, volatile void __iomem *addr)
{
	writel(value >> 32, addr + 4);
	writel(value, addr);
}

#define hi_lo_readq_relaxed hi_lo_readq
#define hi_lo_writeq_relaxed hi_lo_writeq

#endif
