/* SPDX-License-Identifier: GPL-2.0-only */
/* Shutdown notifications: Apus powers off through ACPI without telling drivers (register succeeds, never called). */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#define SYS_DOWN	0x0001
#define SYS_RESTART	SYS_DOWN
#define SYS_HALT	0x0002
#define SYS_POWER_OFF	0x0003

#include <linux/kernel.h>	/* system_state */

struct notifier_block;

static inline int register_reboot_notifier(struct notifier_block *nb) { return 0; }
static inline int unregister_reboot_notifier(struct notifier_block *nb) { return 0; }

#endif
