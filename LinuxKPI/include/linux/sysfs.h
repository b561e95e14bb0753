/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sysfs attributes. Apus has no sysfs (as Linux with CONFIG_SYSFS=n): attribute types and macros exist so
 * drivers compile, creating files and groups succeeds without exposing anything, and sysfs_emit formats
 * into the page-sized buffer as in Linux.
 */
#ifndef _SYSFS_H_
#define _SYSFS_H_

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/types.h>

struct kobject;
struct module;
struct file;
struct vm_area_struct;

struct attribute {
	const char *name;
	umode_t mode;
};

struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *, struct attribute *, int);
	umode_t (*is_bin_visible)(struct kobject *, struct bin_attribute *, int);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};

struct bin_attribute {
	struct attribute attr;
	size_t size;
	void *private;
	ssize_t (*read)(struct file *, struct kobject *, struct bin_attribute *, char *, loff_t, size_t);
	ssize_t (*write)(struct file *, struct kobject *, struct bin_attribute *, char *, loff_t, size_t);
};

#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = { .name = __stringify(_name), .mode = (_mode) },	\
	.show = _show,							\
	.store = _store,						\
}
#define __ATTR_RO(_name) { .attr = { .name = __stringify(_name), .mode = 0444 }, .show = _name##_show }
#define __ATTR_RO_MODE(_name, _mode) { .attr = { .name = __stringify(_name), .mode = (_mode) }, .show = _name##_show }
#define __ATTR_WO(_name) { .attr = { .name = __stringify(_name), .mode = 0200 }, .store = _name##_store }
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_NULL { .attr = { .name = NULL } }

#define ATTRIBUTE_GROUPS(_name)						\
static const struct attribute_group _name##_group = {			\
	.attrs = _name##_attrs,						\
};									\
static const struct attribute_group *_name##_groups[] = {		\
	&_name##_group,							\
	NULL,								\
}

static inline int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp) { return 0; }
static inline void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp) { }
static inline int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups) { return 0; }
static inline void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups) { }
static inline int sysfs_update_group(struct kobject *kobj, const struct attribute_group *grp) { return 0; }
static inline int sysfs_create_file(struct kobject *kobj, const struct attribute *attr) { return 0; }
static inline void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr) { }
static inline int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name) { return 0; }
static inline void sysfs_remove_link(struct kobject *kobj, const char *name) { }
static inline void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr) { }

__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

#endif
