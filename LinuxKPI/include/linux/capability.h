/* SPDX-License-Identifier: GPL-2.0-only */
/* Capabilities: the kernel has no users, so every check made on its behalf succeeds. */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

#define CAP_NET_ADMIN		12
#define CAP_NET_RAW		13
#define CAP_SYS_RAWIO		17
#define CAP_SYS_ADMIN		21

static inline bool capable(int cap) { return true; }
static inline bool ns_capable(void *ns, int cap) { return true; }

#endif
