/* SPDX-License-Identifier: GPL-2.0-only */
/* The routing-netlink lock (RTNL) that serialises network configuration (LinuxKPI's networking core). */
#ifndef _LINUX_RTNETLINK_H
#define _LINUX_RTNETLINK_H

#include <linux/types.h>

void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_trylock(void);
int rtnl_is_locked(void);

#define ASSERT_RTNL()	WARN_ONCE(!rtnl_is_locked(), "RTNL: assertion failed at %s (%d)\n", __FILE__, __LINE__)

#endif
