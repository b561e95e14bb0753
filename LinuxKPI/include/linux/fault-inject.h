/* SPDX-License-Identifier: GPL-2.0-only */
/* Fault injection. Off in Apus (CONFIG_FAULT_INJECTION): nothing fails on purpose. */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>

struct fault_attr;

#define should_fail(attr, size)	false

#endif
