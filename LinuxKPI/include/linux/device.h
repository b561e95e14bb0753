/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The device model, Apus's subset: struct device (reference counted through its kobject: get_device,
 * put_device, and the release callback at the last put), names, driver data, the bound driver, DMA masks,
 * and managed resources (devm_*, released in reverse order when the driver detaches or its probe fails).
 * No sysfs and no uevents: device_add registers the device in a plain list.
 */
#ifndef _DEVICE_H_
#define _DEVICE_H_

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/gfp.h>
#include <linux/err.h>
#include <linux/pm.h>
#include <linux/device/bus.h>
#include <linux/device/driver.h>
#include <linux/dev_printk.h>
#include <linux/numa.h>
#include <linux/overflow.h>
#include <linux/sysfs.h>

struct device;
struct device_node;
struct fwnode_handle;
struct attribute_group;
struct iommu_group;
struct dma_pool;

struct device_type {
	const char *name;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	const struct dev_pm_ops *pm;
};

/* A device class: without sysfs only a name and the callbacks devices of the class use. */
struct class {
	const char *name;
	struct module *owner;
	const struct attribute_group **class_groups;
	const struct attribute_group **dev_groups;
	int (*dev_uevent)(struct device *dev, struct kobj_uevent_env *env);
	char *(*devnode)(struct device *dev, umode_t *mode);
	void (*class_release)(struct class *class);
	void (*dev_release)(struct device *dev);
	const struct dev_pm_ops *pm;
};

struct lock_class_key;
struct class * __must_check __class_create(struct module *owner, const char *name, struct lock_class_key *key);
void class_destroy(struct class *cls);
#define class_create(owner, name) __class_create(owner, name, NULL)

struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};

struct device {
	struct kobject kobj;
	struct device *parent;
	const char *init_name;
	const struct device_type *type;
	struct bus_type *bus;
	struct device_driver *driver;
	void *platform_data;
	void *driver_data;
	struct mutex mutex;			/* device_lock: serialises probe/remove */
	struct dev_pm_info power;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	u64 bus_dma_limit;
	struct device_dma_parameters *dma_parms;
	struct list_head dma_pools;
	spinlock_t devres_lock;
	struct list_head devres_head;		/* managed resources, newest last */
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	int numa_node;
	dev_t devt;
	u32 id;
	struct class *class;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	struct list_head apus_entry;		/* every added device (device_add) */
	bool offline_disabled:1;
	bool offline:1;
	bool dma_coherent:1;
};

static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

static inline const char *dev_name(const struct device *dev)
{
	if (dev->init_name)
		return dev->init_name;
	return kobject_name(&dev->kobj);
}

__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
const char *dev_driver_string(const struct device *dev);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline int dev_to_node(struct device *dev) { return dev->numa_node; }
static inline void set_dev_node(struct device *dev, int node) { dev->numa_node = node; }

static inline void device_lock(struct device *dev) { mutex_lock(&dev->mutex); }
static inline int device_trylock(struct device *dev) { return mutex_trylock(&dev->mutex); }
static inline void device_unlock(struct device *dev) { mutex_unlock(&dev->mutex); }
static inline void device_lock_assert(struct device *dev) { }

static inline bool device_is_registered(struct device *dev) { return dev->kobj.state_in_sysfs; }
static inline void device_enable_async_suspend(struct device *dev) { }
static inline void device_disable_async_suspend(struct device *dev) { }
static inline bool dev_pm_test_driver_flags(struct device *dev, u32 flags) { return false; }
static inline void dev_pm_set_driver_flags(struct device *dev, u32 flags) { }

void device_initialize(struct device *dev);
int __must_check device_add(struct device *dev);
void device_del(struct device *dev);
int __must_check device_register(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
void device_release_driver(struct device *dev);
int device_for_each_child(struct device *parent, void *data, int (*fn)(struct device *dev, void *data));

/* ---- attributes: no sysfs, so creating them succeeds and exposes nothing (see linux/sysfs.h) ---- */

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

static inline int device_create_file(struct device *device, const struct device_attribute *entry) { return 0; }
static inline void device_remove_file(struct device *dev, const struct device_attribute *attr) { }
static inline bool device_remove_file_self(struct device *dev, const struct device_attribute *attr) { return true; }
static inline int device_add_groups(struct device *dev, const struct attribute_group **groups) { return 0; }
static inline void device_remove_groups(struct device *dev, const struct attribute_group **groups) { }
static inline int device_add_group(struct device *dev, const struct attribute_group *grp) { return 0; }
static inline void device_remove_group(struct device *dev, const struct attribute_group *grp) { }

/* ---- managed resources ---- */

typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

void *__devres_alloc_node(dr_release_t release, size_t size, gfp_t gfp, int nid, const char *name);
#define devres_alloc(release, size, gfp) __devres_alloc_node(release, size, gfp, NUMA_NO_NODE, #release)
#define devres_alloc_node(release, size, gfp, nid) __devres_alloc_node(release, size, gfp, nid, #release)
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
void *devres_get(struct device *dev, void *new_res, dr_match_t match, void *match_data);
void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_release_all(struct device *dev);

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
void *devm_krealloc(struct device *dev, void *ptr, size_t size, gfp_t gfp) __must_check;
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);
__printf(3, 4) char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...) __malloc;

static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}

static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

int __devm_add_action(struct device *dev, void (*action)(void *), void *data, const char *name);
#define devm_add_action(release, action, data) __devm_add_action(release, action, data, #action)

static inline int __devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data,
					     const char *name)
{
	int ret = __devm_add_action(dev, action, data, name);

	if (ret)
		action(data);
	return ret;
}
#define devm_add_action_or_reset(release, action, data) \
	__devm_add_action_or_reset(release, action, data, #action)
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);


#include <linux/pm_wakeup.h>

#endif
