/* SPDX-License-Identifier: GPL-2.0-only */
/* System sleep. Apus does not suspend (CONFIG_SUSPEND is off): the queries answer as Linux does without it. */
#ifndef _LINUX_SUSPEND_H
#define _LINUX_SUSPEND_H

#include <linux/types.h>
#include <linux/pm.h>	/* pm_suspend_via_firmware() and friends: false, Apus does not suspend */

#endif
