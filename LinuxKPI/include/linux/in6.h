/* SPDX-License-Identifier: GPL-2.0-only */
/* IPv6 addresses. */
#ifndef _LINUX_IN6_H
#define _LINUX_IN6_H

#include <uapi/linux/in6.h>

#endif
