/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Packet scheduling. Apus has no queueing disciplines: drivers include this header for nothing the
 * e1000 family uses, so it only names the default transmit queue length.
 */
#ifndef _NET_PKT_SCHED_H
#define _NET_PKT_SCHED_H

#include <linux/netdevice.h>

#define DEFAULT_TX_QUEUE_LEN	1000

#endif
