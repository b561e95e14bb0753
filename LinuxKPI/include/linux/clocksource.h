/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Clock sources: Apus has one (the TSC, in the Swift core) and no registration API; drivers get the
 * mask and conversion helpers they use with their own counters.
 */
#ifndef _LINUX_CLOCKSOURCE_H
#define _LINUX_CLOCKSOURCE_H

#include <linux/types.h>
#include <linux/bits.h>
#include <linux/math64.h>
#include <linux/timecounter.h>

#define CLOCKSOURCE_MASK(bits) GENMASK_ULL((bits) - 1, 0)

static inline s64 clocksource_cyc2ns(u64 cycles, u32 mult, u32 shift)
{
	return ((u64)cycles * mult) >> shift;
}

/* The multiplier that turns cycles of a `khz` (or `hz`) clock into nanoseconds with `shift_constant`. */
static inline u32 clocksource_khz2mult(u32 khz, u32 shift_constant)
{
	u64 tmp = ((u64)1000000) << shift_constant;

	tmp += khz / 2;
	do_div(tmp, khz);
	return (u32)tmp;
}

static inline u32 clocksource_hz2mult(u32 hz, u32 shift_constant)
{
	u64 tmp = ((u64)1000000000) << shift_constant;

	tmp += hz / 2;
	do_div(tmp, hz);
	return (u32)tmp;
}

#endif
