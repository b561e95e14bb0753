/* SPDX-License-Identifier: GPL-2.0-only */
/* The generic socket address (what ndo_set_mac_address receives) and address families. */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

#include <linux/types.h>
#include <uapi/linux/sockios.h>

typedef unsigned short sa_family_t;

struct sockaddr {
	sa_family_t	sa_family;
	char		sa_data[14];
};

#define AF_UNSPEC	0
#define AF_INET		2
#define AF_INET6	10
#define AF_PACKET	17

#endif
