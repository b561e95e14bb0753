/* SPDX-License-Identifier: GPL-2.0-only */
/* sched_clock() and friends: nanoseconds since boot from the TSC (declared in linux/sched.h). */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/sched.h>

static inline u64 cpu_clock(int cpu) { return sched_clock(); }

#endif
