/* SPDX-License-Identifier: GPL-2.0-only */
/* Buses, minimal: a name and the callbacks the driver core calls (Apus has one bus with drivers: PCI). */
#ifndef _DEVICE_BUS_H_
#define _DEVICE_BUS_H_

#include <linux/kobject.h>

struct device;
struct device_driver;

struct bus_type {
	const char *name;
	const char *dev_name;
	int (*match)(struct device *dev, struct device_driver *drv);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct dev_pm_ops *pm;
};

#endif
