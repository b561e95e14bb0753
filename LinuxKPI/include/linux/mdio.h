/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * MDIO (IEEE 802.3 clause 45) registers (the upstream uapi header) and the conversions between the EEE
 * (clause 45 register 3.20/7.60/7.61) bits and ethtool's legacy link-mode masks.
 */
#ifndef _LINUX_MDIO_H
#define _LINUX_MDIO_H

#include <linux/mii.h>
#include <linux/ethtool.h>
#include <uapi/linux/mdio.h>

/* Each EEE capability/advertisement bit and the ethtool link mode it stands for. */
#define __MDIO_EEE_MODES(X)						\
	X(MDIO_EEE_100TX, 100baseT_Full)				\
	X(MDIO_EEE_1000T, 1000baseT_Full)				\
	X(MDIO_EEE_10GT, 10000baseT_Full)				\
	X(MDIO_EEE_1000KX, 1000baseKX_Full)				\
	X(MDIO_EEE_10GKX4, 10000baseKX4_Full)				\
	X(MDIO_EEE_10GKR, 10000baseKR_Full)

static inline u32 mmd_eee_cap_to_ethtool_sup_t(u16 eee_cap)
{
	u32 supported = 0;

#define __MDIO_EEE_TO_SUPPORTED(bit, mode) if (eee_cap & (bit)) supported |= SUPPORTED_##mode;
	__MDIO_EEE_MODES(__MDIO_EEE_TO_SUPPORTED)
#undef __MDIO_EEE_TO_SUPPORTED
	return supported;
}

static inline u32 mmd_eee_adv_to_ethtool_adv_t(u16 eee_adv)
{
	u32 adv = 0;

#define __MDIO_EEE_TO_ADVERTISED(bit, mode) if (eee_adv & (bit)) adv |= ADVERTISED_##mode;
	__MDIO_EEE_MODES(__MDIO_EEE_TO_ADVERTISED)
#undef __MDIO_EEE_TO_ADVERTISED
	return adv;
}

static inline u16 ethtool_adv_to_mmd_eee_adv_t(u32 adv)
{
	u16 reg = 0;

#define __MDIO_ADVERTISED_TO_EEE(bit, mode) if (adv & ADVERTISED_##mode) reg |= (bit);
	__MDIO_EEE_MODES(__MDIO_ADVERTISED_TO_EEE)
#undef __MDIO_ADVERTISED_TO_EEE
	return reg;
}

#endif
