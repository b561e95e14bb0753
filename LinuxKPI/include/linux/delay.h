/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Waiting. udelay/ndelay/mdelay spin on the TSC (any context). msleep and ssleep sleep for whole ticks as
 * Linux's do (msleep(1) sleeps 10-20 ms at HZ=100); usleep_range sleeps whole ticks when `min` reaches a
 * tick and otherwise waits on the TSC, preemptibly (Linux would sleep on an hrtimer; both return after
 * at least `min`). fsleep picks as Linux's does.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/math.h>
#include <linux/sched.h>

#define MAX_UDELAY_MS 5

void __udelay(unsigned long usecs);
void __ndelay(unsigned long nsecs);
void __const_udelay(unsigned long xloops);
void __delay(unsigned long loops);

#define udelay(n) __udelay(n)
#define ndelay(n) __ndelay(n)

static inline void mdelay(unsigned long msecs)
{
	while (msecs--)
		__udelay(1000);
}

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void usleep_idle_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_IDLE);
}

static inline void ssleep(unsigned int seconds) { msleep(seconds * 1000); }

static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs <= 20000)
		usleep_range(usecs, 2 * usecs);
	else
		msleep(DIV_ROUND_UP(usecs, 1000));
}

#define ndelay_or_udelay(n) ndelay(n)

#endif
