/* SPDX-License-Identifier: GPL-2.0-only */
/* Character devices: a device number range bound to file operations (LinuxKPI's character devices). */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/kobject.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/device.h>
#include <linux/fs.h>

struct cdev {
	struct kobject		kobj;
	struct module		*owner;
	const struct file_operations *ops;
	struct list_head	list;
	dev_t			dev;
	unsigned int		count;
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *p, dev_t dev, unsigned count);
void cdev_del(struct cdev *p);
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);

#endif
