/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The ACPI queries drivers make about their device. Apus runs ACPICA; the answers are LinuxKPI's
 * (out of line), so only the declarations drivers call are here.
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/types.h>

struct device;

bool acpi_storage_d3(struct device *dev);

#endif
