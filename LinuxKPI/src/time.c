// SPDX-License-Identifier: GPL-2.0-only
/*
 * Time: jiffies conversions, ktime and the clocks (linux/timekeeping.h says how REALTIME relates to
 * MONOTONIC), timespec64 helpers, and calendar conversions.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/time.h>
#include <linux/math64.h>
#include <apus/bridge.h>

/* ---- jiffies conversions (HZ divides 1000: exact in this direction) ---- */

unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (MSEC_PER_SEC / HZ) * j;
}
EXPORT_SYMBOL(jiffies_to_msecs);

unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (USEC_PER_SEC / HZ) * j;
}
EXPORT_SYMBOL(jiffies_to_usecs);

u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)j * TICK_NSEC;
}
EXPORT_SYMBOL(jiffies_to_nsecs);

u64 jiffies64_to_nsecs(u64 j)
{
	return j * TICK_NSEC;
}
EXPORT_SYMBOL(jiffies64_to_nsecs);

u64 jiffies64_to_msecs(u64 j)
{
	return j * (MSEC_PER_SEC / HZ);
}
EXPORT_SYMBOL(jiffies64_to_msecs);

unsigned long __msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return (m + (MSEC_PER_SEC / HZ) - 1) / (MSEC_PER_SEC / HZ);
}
EXPORT_SYMBOL(__msecs_to_jiffies);

unsigned long __usecs_to_jiffies(const unsigned int u)
{
	if (u > jiffies_to_usecs(MAX_JIFFY_OFFSET))
		return MAX_JIFFY_OFFSET;
	return (u + (USEC_PER_SEC / HZ) - 1) / (USEC_PER_SEC / HZ);
}
EXPORT_SYMBOL(__usecs_to_jiffies);

/* Rounds down, as Linux's does (a timeout from it is then one tick short at most, never long). */
unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)div_u64(n, TICK_NSEC);
}
EXPORT_SYMBOL_GPL(nsecs_to_jiffies);

u64 nsecs_to_jiffies64(u64 n)
{
	return div_u64(n, TICK_NSEC);
}
EXPORT_SYMBOL(nsecs_to_jiffies64);

clock_t jiffies_to_clock_t(unsigned long x)
{
	return x * (USER_HZ / HZ);
}
EXPORT_SYMBOL(jiffies_to_clock_t);

void jiffies_to_timespec64(const unsigned long j, struct timespec64 *value)
{
	value->tv_sec = j / HZ;
	value->tv_nsec = (j % HZ) * TICK_NSEC;
}
EXPORT_SYMBOL(jiffies_to_timespec64);

unsigned long timespec64_to_jiffies(const struct timespec64 *value)
{
	u64 ns = (u64)value->tv_sec * NSEC_PER_SEC + value->tv_nsec;
	u64 j = div_u64(ns + TICK_NSEC - 1, TICK_NSEC);
	return j > MAX_JIFFY_OFFSET ? MAX_JIFFY_OFFSET : (unsigned long)j;
}
EXPORT_SYMBOL(timespec64_to_jiffies);

/* ---- timespec64 ---- */

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec)
{
	while (nsec >= NSEC_PER_SEC) {
		nsec -= NSEC_PER_SEC;
		++sec;
	}
	while (nsec < 0) {
		nsec += NSEC_PER_SEC;
		--sec;
	}
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
}
EXPORT_SYMBOL(set_normalized_timespec64);

struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts = { 0, 0 };
	s32 rem;

	if (likely(nsec > 0)) {
		ts.tv_sec = div_u64_rem(nsec, NSEC_PER_SEC, (u32 *)&rem);
		ts.tv_nsec = rem;
	} else if (nsec < 0) {
		/* Negative: the seconds round down and the nanoseconds stay in [0, NSEC_PER_SEC). */
		ts.tv_sec = -div_u64_rem(-nsec - 1, NSEC_PER_SEC, (u32 *)&rem) - 1;
		ts.tv_nsec = NSEC_PER_SEC - rem - 1;
	}
	return ts;
}
EXPORT_SYMBOL(ns_to_timespec64);

/* ---- clocks ---- */

ktime_t ktime_get(void)
{
	return (ktime_t)apus_time_ns();
}
EXPORT_SYMBOL_GPL(ktime_get);

ktime_t ktime_get_raw(void)
{
	return (ktime_t)apus_time_ns();
}
EXPORT_SYMBOL_GPL(ktime_get_raw);

/* No RTC yet and no suspend: every offset from CLOCK_MONOTONIC is 0 (linux/timekeeping.h). */
ktime_t ktime_get_with_offset(enum tk_offsets offs)
{
	return ktime_get();
}
EXPORT_SYMBOL_GPL(ktime_get_with_offset);

ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets offs)
{
	return tmono;
}
EXPORT_SYMBOL_GPL(ktime_mono_to_any);

u64 ktime_get_mono_fast_ns(void)
{
	return apus_time_ns();
}
EXPORT_SYMBOL_GPL(ktime_get_mono_fast_ns);

u64 ktime_get_raw_fast_ns(void)
{
	return apus_time_ns();
}
EXPORT_SYMBOL_GPL(ktime_get_raw_fast_ns);

u64 ktime_get_boot_fast_ns(void)
{
	return apus_time_ns();
}
EXPORT_SYMBOL_GPL(ktime_get_boot_fast_ns);

u64 ktime_get_real_fast_ns(void)
{
	return apus_time_ns();
}
EXPORT_SYMBOL_GPL(ktime_get_real_fast_ns);

void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get());
}
EXPORT_SYMBOL_GPL(ktime_get_ts64);

void ktime_get_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_real());
}
EXPORT_SYMBOL(ktime_get_real_ts64);

void ktime_get_raw_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_raw());
}
EXPORT_SYMBOL(ktime_get_raw_ts64);

time64_t ktime_get_seconds(void)
{
	return div_u64(apus_time_ns(), NSEC_PER_SEC);
}
EXPORT_SYMBOL_GPL(ktime_get_seconds);

time64_t ktime_get_real_seconds(void)
{
	return ktime_get_seconds();
}
EXPORT_SYMBOL_GPL(ktime_get_real_seconds);

/* ---- calendar ---- */

/* Days from 1970-01-01 to year-mon-day (Gregorian), by shifting the year to start in March. */
time64_t mktime64(const unsigned int year0, const unsigned int mon0, const unsigned int day,
		  const unsigned int hour, const unsigned int min, const unsigned int sec)
{
	unsigned int mon = mon0, year = year0;

	if (0 >= (int)(mon -= 2)) {
		mon += 12;
		year -= 1;
	}
	return ((((time64_t)(year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day) + year * 365 - 719499) * 24 +
		 hour) * 60 + min) * 60 + sec;
}
EXPORT_SYMBOL(mktime64);

static bool is_leap(long year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

void time64_to_tm(time64_t totalsecs, int offset, struct tm *result)
{
	static const unsigned short days_before[2][13] = {
		{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
		{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
	};
	s64 secs = totalsecs + offset;
	s64 days = secs / 86400;
	s64 rem = secs % 86400;
	long year = 1970;
	int month = 0;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	result->tm_hour = rem / 3600;
	result->tm_min = (rem % 3600) / 60;
	result->tm_sec = rem % 60;
	result->tm_wday = (int)((4 + days) % 7);
	if (result->tm_wday < 0)
		result->tm_wday += 7;
	while (days < 0 || days >= (is_leap(year) ? 366 : 365)) {
		if (days < 0) {
			year--;
			days += is_leap(year) ? 366 : 365;
		} else {
			days -= is_leap(year) ? 366 : 365;
			year++;
		}
	}
	result->tm_year = year - 1900;
	result->tm_yday = (int)days;
	while (days >= days_before[is_leap(year)][month + 1])
		month++;
	result->tm_mon = month;
	result->tm_mday = (int)(days - days_before[is_leap(year)][month]) + 1;
}
EXPORT_SYMBOL(time64_to_tm);
