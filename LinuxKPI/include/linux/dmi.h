/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * DMI/SMBIOS system identification. Apus does not read SMBIOS (CONFIG_DMI is off): as in Linux without
 * it, no field ever matches, so drivers' per-machine quirks stay off.
 * enum dmi_field belongs to Linux's mod_devicetable.h; LinuxKPI's does not define it, so it lives here.
 */
#ifndef __DMI_H__
#define __DMI_H__

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/mod_devicetable.h>

enum dmi_field {
	DMI_NONE,
	DMI_BIOS_VENDOR,
	DMI_BIOS_VERSION,
	DMI_BIOS_DATE,
	DMI_BIOS_RELEASE,
	DMI_EC_FIRMWARE_RELEASE,
	DMI_SYS_VENDOR,
	DMI_PRODUCT_NAME,
	DMI_PRODUCT_VERSION,
	DMI_PRODUCT_SERIAL,
	DMI_PRODUCT_UUID,
	DMI_PRODUCT_SKU,
	DMI_PRODUCT_FAMILY,
	DMI_BOARD_VENDOR,
	DMI_BOARD_NAME,
	DMI_BOARD_VERSION,
	DMI_BOARD_SERIAL,
	DMI_BOARD_ASSET_TAG,
	DMI_CHASSIS_VENDOR,
	DMI_CHASSIS_TYPE,
	DMI_CHASSIS_VERSION,
	DMI_CHASSIS_SERIAL,
	DMI_CHASSIS_ASSET_TAG,
	DMI_STRING_MAX,
	DMI_OEM_STRING,
};

static inline bool dmi_match(enum dmi_field f, const char *str)
{
	return false;
}

static inline const char *dmi_get_system_info(int field)
{
	return NULL;
}

#endif
