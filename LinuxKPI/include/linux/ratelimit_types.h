/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rate limiting state: at most `burst` events per `interval` jiffies. Unlike Linux the state is guarded by
 * a try-lock bit of its own, not a raw spinlock (a contended check is suppressed, as Linux's trylock does).
 */
#ifndef _LINUX_RATELIMIT_TYPES_H
#define _LINUX_RATELIMIT_TYPES_H

#include <linux/bits.h>
#include <linux/types.h>

#define DEFAULT_RATELIMIT_INTERVAL (5 * CONFIG_HZ)
#define DEFAULT_RATELIMIT_BURST 10

/* Don't print "N callbacks suppressed" when the interval ends; the caller reports it (ratelimit_state_exit). */
#define RATELIMIT_MSG_ON_RELEASE BIT(0)

struct ratelimit_state {
	unsigned long locked; /* bit 0: someone is updating the state */
	int interval;
	int burst;
	int printed;
	int missed;
	unsigned long begin;
	unsigned long flags;
};

#define RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, flags_init) \
	{								\
		.interval = interval_init,				\
		.burst = burst_init,					\
		.flags = flags_init,					\
	}
#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) \
	RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, 0)
#define RATELIMIT_STATE_INIT_DISABLED RATELIMIT_STATE_INIT(ratelimit_state, 0, DEFAULT_RATELIMIT_BURST)
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
	struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)

/* Whether the caller may go ahead (1) or should stay quiet (0); func names the caller in the summary. */
int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif
