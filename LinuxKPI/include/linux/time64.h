/* SPDX-License-Identifier: GPL-2.0-only */
/* struct timespec64 and its arithmetic, and the time unit constants. */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>
#include <linux/math64.h>

typedef __u64 timeu64_t;

struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};

struct itimerspec64 {
	struct timespec64 it_interval;
	struct timespec64 it_value;
};

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define PSEC_PER_NSEC 1000L
#define FSEC_PER_SEC 1000000000000000LL

#define TIME64_MAX ((s64)~((u64)1 << 63))
#define TIME64_MIN (-TIME64_MAX - 1)
#define KTIME_MAX ((s64)~((u64)1 << 63))
#define KTIME_MIN (-KTIME_MAX - 1)
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)
#define KTIME_SEC_MIN (KTIME_MIN / NSEC_PER_SEC)

static inline int timespec64_equal(const struct timespec64 *a, const struct timespec64 *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

static inline int timespec64_compare(const struct timespec64 *a, const struct timespec64 *b)
{
	if (a->tv_sec < b->tv_sec)
		return -1;
	if (a->tv_sec > b->tv_sec)
		return 1;
	return a->tv_nsec - b->tv_nsec;
}

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec);

static inline struct timespec64 timespec64_add(struct timespec64 a, struct timespec64 b)
{
	struct timespec64 sum;
	set_normalized_timespec64(&sum, a.tv_sec + b.tv_sec, a.tv_nsec + b.tv_nsec);
	return sum;
}

static inline struct timespec64 timespec64_sub(struct timespec64 a, struct timespec64 b)
{
	struct timespec64 diff;
	set_normalized_timespec64(&diff, a.tv_sec - b.tv_sec, a.tv_nsec - b.tv_nsec);
	return diff;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	if (ts->tv_sec <= KTIME_SEC_MIN)
		return KTIME_MIN;
	return ((s64)ts->tv_sec * NSEC_PER_SEC) + ts->tv_nsec;
}

struct timespec64 ns_to_timespec64(s64 nsec);

static inline void timespec64_add_ns(struct timespec64 *a, u64 ns)
{
	u64 total = (u64)a->tv_nsec + ns;
	a->tv_sec += total / NSEC_PER_SEC;
	a->tv_nsec = total % NSEC_PER_SEC;
}

#endif
