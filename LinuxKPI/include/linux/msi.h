/* SPDX-License-Identifier: GPL-2.0-only */
/* MSI messages as drivers see them (programming them is the Swift core's job). */
#ifndef _LINUX_MSI_H
#define _LINUX_MSI_H

#include <linux/types.h>

struct msi_msg {
	u32 address_lo;
	u32 address_hi;
	u32 data;
};

#endif
