// SPDX-License-Identifier: GPL-2.0-only
/* Busy waits on the TSC clock and sleeps through the scheduler (linux/delay.h describes each). */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <asm/processor.h>
#include <apus/bridge.h>

void __udelay(unsigned long usecs)
{
	apus_time_delay_ns((u64)usecs * NSEC_PER_USEC);
}
EXPORT_SYMBOL(__udelay);

void __ndelay(unsigned long nsecs)
{
	apus_time_delay_ns(nsecs);
}
EXPORT_SYMBOL(__ndelay);

/* Linux passes microseconds scaled by 2^32 / 10^6 (0x10c7). */
void __const_udelay(unsigned long xloops)
{
	apus_time_delay_ns(((u64)xloops * NSEC_PER_USEC) >> 32);
}
EXPORT_SYMBOL(__const_udelay);

/* A "loop" is a nanosecond here (Linux's is a TSC cycle). */
void __delay(unsigned long loops)
{
	apus_time_delay_ns(loops);
}
EXPORT_SYMBOL(__delay);

void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
EXPORT_SYMBOL(msleep);

unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
EXPORT_SYMBOL(msleep_interruptible);

void usleep_range_state(unsigned long min, unsigned long max, unsigned int state)
{
	u64 deadline;

	might_sleep();
	if (min >= TICK_USEC) {
		unsigned long timeout = usecs_to_jiffies(min);

		while (timeout) {
			__set_current_state(state);
			timeout = schedule_timeout(timeout);
		}
		return;
	}
	/*
	 * Shorter than a tick: wait on the clock (preemptible, so the CPU's other threads still get their
	 * time slices; sleeping would take a whole tick).
	 */
	deadline = apus_time_ns() + (u64)min * NSEC_PER_USEC;
	while (apus_time_ns() < deadline)
		cpu_relax();
	__set_current_state(TASK_RUNNING);
}
EXPORT_SYMBOL(usleep_range_state);
