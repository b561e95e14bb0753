// SPDX-License-Identifier: GPL-2.0-only
/* Time counters over driver cycle counters (linux/timecounter.h). */
#include <linux/export.h>
#include <linux/timecounter.h>

void timecounter_init(struct timecounter *tc, const struct cyclecounter *cc, u64 start_tstamp)
{
	tc->cc = cc;
	tc->cycle_last = cc->read(cc);
	tc->nsec = start_tstamp;
	tc->mask = (1ULL << cc->shift) - 1;
	tc->frac = 0;
}
EXPORT_SYMBOL_GPL(timecounter_init);

/* Nanoseconds since the last read; the counter may have wrapped once (within its mask). */
static u64 timecounter_read_delta(struct timecounter *tc)
{
	u64 cycle_now = tc->cc->read(tc->cc);
	u64 cycle_delta = (cycle_now - tc->cycle_last) & tc->cc->mask;
	u64 ns_offset = cyclecounter_cyc2ns(tc->cc, cycle_delta, tc->mask, &tc->frac);

	tc->cycle_last = cycle_now;
	return ns_offset;
}

u64 timecounter_read(struct timecounter *tc)
{
	tc->nsec += timecounter_read_delta(tc);
	return tc->nsec;
}
EXPORT_SYMBOL_GPL(timecounter_read);

static u64 cc_cyc2ns_backwards(const struct cyclecounter *cc, u64 cycles, u64 mask, u64 frac)
{
	u64 ns = (u64)cycles;

	ns = ((ns * cc->mult) - frac) >> cc->shift;
	return ns;
}

/*
 * The time of a cycle stamp taken near the last read: ahead of it when within half the counter's range,
 * otherwise behind it (a stamp taken just before the last read).
 */
u64 timecounter_cyc2time(const struct timecounter *tc, u64 cycle_tstamp)
{
	u64 delta = (cycle_tstamp - tc->cycle_last) & tc->cc->mask;
	u64 nsec = tc->nsec, frac = tc->frac;

	if (delta > tc->cc->mask / 2) {
		delta = (tc->cycle_last - cycle_tstamp) & tc->cc->mask;
		nsec -= cc_cyc2ns_backwards(tc->cc, delta, tc->mask, frac);
	} else {
		nsec += cyclecounter_cyc2ns(tc->cc, delta, tc->mask, &frac);
	}
	return nsec;
}
EXPORT_SYMBOL_GPL(timecounter_cyc2time);
