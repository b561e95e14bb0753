/* SPDX-License-Identifier: GPL-2.0-only */
/* MII (IEEE 802.3 clause 22) PHY registers (the upstream uapi header) and the MII ioctl argument. */
#ifndef _LINUX_MII_H
#define _LINUX_MII_H

#include <linux/if.h>
#include <uapi/linux/mii.h>

static inline struct mii_ioctl_data *if_mii(struct ifreq *rq)
{
	return (struct mii_ioctl_data *)&rq->ifr_ifru;
}

#endif
