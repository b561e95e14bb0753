/* SPDX-License-Identifier: GPL-2.0-only */
/* IPv4 protocol numbers and addresses. */
#ifndef _LINUX_IN_H
#define _LINUX_IN_H

#include <uapi/linux/in.h>

#endif
