/* SPDX-License-Identifier: GPL-2.0-only */
/* Hardware timestamping configuration. */
#ifndef _LINUX_NET_TSTAMP_H
#define _LINUX_NET_TSTAMP_H

#include <uapi/linux/net_tstamp.h>

#endif
