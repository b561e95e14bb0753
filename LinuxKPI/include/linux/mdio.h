/* SPDX-License-Identifier: GPL-2.0-only */
/* MDIO (IEEE 802.3 clause 45) registers: the upstream uapi header. */
#ifndef _LINUX_MDIO_H
#define _LINUX_MDIO_H

#include <linux/mii.h>
#include <uapi/linux/mdio.h>

#endif
