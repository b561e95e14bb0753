/* SPDX-License-Identifier: GPL-2.0-only */
/* Socket ioctl numbers drivers answer in ndo_eth_ioctl (Linux's user ABI values). */
#ifndef _UAPI_LINUX_SOCKIOS_H
#define _UAPI_LINUX_SOCKIOS_H

#define SIOCGMIIPHY	0x8947		/* address of the MII PHY in use */
#define SIOCGMIIREG	0x8948		/* read an MII PHY register */
#define SIOCSMIIREG	0x8949		/* write an MII PHY register */
#define SIOCSHWTSTAMP	0x89b0		/* set (and get) hardware timestamping */
#define SIOCGHWTSTAMP	0x89b1		/* get hardware timestamping */
#define SIOCDEVPRIVATE	0x89F0		/* to 0x89FF: driver-private */

#endif
