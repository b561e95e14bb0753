/* SPDX-License-Identifier: GPL-2.0-only */
/* Interface name length, the IFF_* interface flags and the interface request (Linux's user ABI values). */
#ifndef _UAPI_LINUX_IF_H
#define _UAPI_LINUX_IF_H

#include <linux/compiler.h>

#define IFNAMSIZ	16
#define IFALIASZ	256

#define IFF_UP		(1 << 0)
#define IFF_BROADCAST	(1 << 1)
#define IFF_DEBUG	(1 << 2)
#define IFF_LOOPBACK	(1 << 3)
#define IFF_POINTOPOINT	(1 << 4)
#define IFF_NOTRAILERS	(1 << 5)
#define IFF_RUNNING	(1 << 6)
#define IFF_NOARP	(1 << 7)
#define IFF_PROMISC	(1 << 8)
#define IFF_ALLMULTI	(1 << 9)
#define IFF_MASTER	(1 << 10)
#define IFF_SLAVE	(1 << 11)
#define IFF_MULTICAST	(1 << 12)
#define IFF_PORTSEL	(1 << 13)
#define IFF_AUTOMEDIA	(1 << 14)
#define IFF_DYNAMIC	(1 << 15)
#define IFF_LOWER_UP	(1 << 16)
#define IFF_DORMANT	(1 << 17)
#define IFF_ECHO	(1 << 18)

/*
 * An interface request (the argument of interface ioctls). Only the members a driver reads are here:
 * its name, and the request data (MII registers, hardware timestamping configuration).
 */
struct ifreq {
	union {
		char	ifrn_name[IFNAMSIZ];
	} ifr_ifrn;
	union {
		short	ifru_flags;
		int	ifru_ivalue;
		int	ifru_mtu;
		void __user *ifru_data;
		char	ifru_pad[24];
	} ifr_ifru;
};

#define ifr_name	ifr_ifrn.ifrn_name
#define ifr_flags	ifr_ifru.ifru_flags
#define ifr_mtu		ifr_ifru.ifru_mtu
#define ifr_data	ifr_ifru.ifru_data

#endif
