// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct device: initialisation, names, reference counting (the kobject's; the last put_device calls the
 * device's, its type's or its class's release), the list of added devices, and driver release (the
 * remove path, which frees the device's managed resources).
 */
#include <linux/device.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/kernel.h>
#include <linux/mm.h>

static LIST_HEAD(devices);
static DEFINE_MUTEX(devices_lock);

static void device_release(struct kobject *kobj)
{
	struct device *dev = kobj_to_dev(kobj);

	/* Resources a driver added outside probe/remove (or that nobody released) go with the device. */
	devres_release_all(dev);
	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (dev->class && dev->class->dev_release)
		dev->class->dev_release(dev);
	else
		WARN(1, KERN_ERR "Device '%s' does not have a release() function, it is broken and must be fixed.\n",
		     dev_name(dev));
}

static const struct kobj_type device_ktype = {
	.release = device_release,
};

void device_initialize(struct device *dev)
{
	kobject_init(&dev->kobj, &device_ktype);
	mutex_init(&dev->mutex);
	spin_lock_init(&dev->devres_lock);
	INIT_LIST_HEAD(&dev->devres_head);
	INIT_LIST_HEAD(&dev->dma_pools);
	INIT_LIST_HEAD(&dev->apus_entry);
	dev->numa_node = NUMA_NO_NODE;
}
EXPORT_SYMBOL_GPL(device_initialize);

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list vargs;
	int err;

	va_start(vargs, fmt);
	err = kobject_set_name_vargs(&dev->kobj, fmt, vargs);
	va_end(vargs);
	return err;
}
EXPORT_SYMBOL_GPL(dev_set_name);

/* The driver's name, else the bus's (or class's) name, else "" — the first word of dev_* messages. */
const char *dev_driver_string(const struct device *dev)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	if (drv)
		return drv->name;
	if (dev->bus)
		return dev->bus->name;
	if (dev->class)
		return dev->class->name;
	return "";
}
EXPORT_SYMBOL(dev_driver_string);

int device_add(struct device *dev)
{
	int error;

	dev = get_device(dev);
	if (!dev)
		return -EINVAL;
	if (dev->init_name) {
		error = dev_set_name(dev, "%s", dev->init_name);
		dev->init_name = NULL;
		if (error)
			goto fail;
	}
	if (!dev_name(dev)) {
		error = -EINVAL;
		goto fail;
	}
	error = kobject_add(&dev->kobj, dev->parent ? &dev->parent->kobj : NULL, NULL);
	if (error)
		goto fail;
	mutex_lock(&devices_lock);
	list_add_tail(&dev->apus_entry, &devices);
	mutex_unlock(&devices_lock);
fail:
	put_device(dev);
	return error;
}
EXPORT_SYMBOL_GPL(device_add);

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}
EXPORT_SYMBOL_GPL(device_register);

void device_del(struct device *dev)
{
	mutex_lock(&devices_lock);
	list_del_init(&dev->apus_entry);
	mutex_unlock(&devices_lock);
	device_release_driver(dev);
	kobject_del(&dev->kobj);
}
EXPORT_SYMBOL_GPL(device_del);

void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}
EXPORT_SYMBOL_GPL(device_unregister);

struct device *get_device(struct device *dev)
{
	return dev ? kobj_to_dev(kobject_get(&dev->kobj)) : NULL;
}
EXPORT_SYMBOL_GPL(get_device);

void put_device(struct device *dev)
{
	if (dev)
		kobject_put(&dev->kobj);
}
EXPORT_SYMBOL_GPL(put_device);

/* Unbinds the driver: the bus's remove (which calls the driver's), then the managed resources go. */
void device_release_driver(struct device *dev)
{
	device_lock(dev);
	if (dev->driver) {
		if (dev->bus && dev->bus->remove)
			dev->bus->remove(dev);
		else if (dev->driver->remove)
			dev->driver->remove(dev);
		devres_release_all(dev);
		dev->driver = NULL;
		dev_set_drvdata(dev, NULL);
	}
	device_unlock(dev);
}
EXPORT_SYMBOL_GPL(device_release_driver);

int device_for_each_child(struct device *parent, void *data, int (*fn)(struct device *dev, void *data))
{
	struct device *dev;
	int error = 0;

	mutex_lock(&devices_lock);
	list_for_each_entry(dev, &devices, apus_entry) {
		if (dev->parent != parent)
			continue;
		error = fn(dev, data);
		if (error)
			break;
	}
	mutex_unlock(&devices_lock);
	return error;
}
EXPORT_SYMBOL_GPL(device_for_each_child);

/* ---- wake-up settings (recorded; Apus never sleeps) ---- */

void device_set_wakeup_capable(struct device *dev, bool capable)
{
	dev->power.can_wakeup = capable;
}
EXPORT_SYMBOL_GPL(device_set_wakeup_capable);

int device_wakeup_enable(struct device *dev)
{
	if (!dev || !dev->power.can_wakeup)
		return -EINVAL;
	dev->power.should_wakeup = true;
	return 0;
}
EXPORT_SYMBOL_GPL(device_wakeup_enable);

int device_wakeup_disable(struct device *dev)
{
	if (!dev || !dev->power.can_wakeup)
		return -EINVAL;
	dev->power.should_wakeup = false;
	return 0;
}
EXPORT_SYMBOL_GPL(device_wakeup_disable);

int device_set_wakeup_enable(struct device *dev, bool enable)
{
	return enable ? device_wakeup_enable(dev) : device_wakeup_disable(dev);
}
EXPORT_SYMBOL_GPL(device_set_wakeup_enable);

unsigned int pm_suspend_global_flags;
EXPORT_SYMBOL_GPL(pm_suspend_global_flags);

/* ---- sysfs_emit: attribute show callbacks format into a page-sized buffer ---- */

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN(!buf || offset_in_page(buf), "invalid sysfs_emit: buf:%p\n", buf))
		return 0;
	va_start(args, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL_GPL(sysfs_emit);

int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN(!buf || offset_in_page(buf) || at < 0 || at >= PAGE_SIZE, "invalid sysfs_emit_at: buf:%p at:%d\n",
		 buf, at))
		return 0;
	va_start(args, fmt);
	len = vscnprintf(buf + at, PAGE_SIZE - at, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL_GPL(sysfs_emit_at);

/* ---- classes ---- */

struct class *__class_create(struct module *owner, const char *name, struct lock_class_key *key)
{
	struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);

	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = name;
	cls->owner = owner;
	return cls;
}
EXPORT_SYMBOL_GPL(__class_create);

void class_destroy(struct class *cls)
{
	if (IS_ERR_OR_NULL(cls))
		return;
	if (cls->class_release)
		cls->class_release(cls);
	kfree(cls);
}
EXPORT_SYMBOL_GPL(class_destroy);
