// SPDX-License-Identifier: GPL-2.0-only
/*
 * ___ratelimit: at most `burst` events per `interval` jiffies. The state is updated under a try-lock bit:
 * a caller that finds it taken (another CPU, or an interrupt on this one) is told to stay quiet, as
 * Linux's trylock does, so the check never spins and is safe in any context.
 */
/* Built once kpi-sync's jiffies (<linux/jiffies.h>) are in the tree; until then this file is empty. */
#if __has_include(<linux/jiffies.h>)

#include <linux/ratelimit.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/bitops.h>
#include <linux/export.h>

int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	int interval = READ_ONCE(rs->interval);
	int burst = READ_ONCE(rs->burst);
	int ret;

	if (!interval)
		return 1;
	if (test_and_set_bit_lock(0, &rs->locked))
		return 0;
	if (!rs->begin)
		rs->begin = jiffies;
	if (time_is_before_jiffies(rs->begin + interval)) {
		if (rs->missed && !(rs->flags & RATELIMIT_MSG_ON_RELEASE)) {
			printk_deferred(KERN_WARNING "%s: %d callbacks suppressed\n", func, rs->missed);
			rs->missed = 0;
		}
		rs->begin = jiffies;
		rs->printed = 0;
	}
	if (burst && burst > rs->printed) {
		rs->printed++;
		ret = 1;
	} else {
		rs->missed++;
		ret = 0;
	}
	clear_bit_unlock(0, &rs->locked);
	return ret;
}
EXPORT_SYMBOL(___ratelimit);

#endif
