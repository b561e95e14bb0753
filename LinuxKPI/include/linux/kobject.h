/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kobject, minimal: a name, a parent and a reference count whose last put calls the ktype's release. No
 * sysfs: kobject_add only names the object, uevents are not sent (kobject_uevent succeeds and does nothing).
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kref.h>
#include <linux/stdarg.h>
#include <linux/compiler.h>

struct kobject;
struct attribute;
struct attribute_group;

struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct attribute_group **default_groups;
};

struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	const struct kobj_type *ktype;
	struct kref kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned int state_add_uevent_sent:1;
	unsigned int state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

enum kobject_action {
	KOBJ_ADD,
	KOBJ_REMOVE,
	KOBJ_CHANGE,
	KOBJ_MOVE,
	KOBJ_ONLINE,
	KOBJ_OFFLINE,
	KOBJ_BIND,
	KOBJ_UNBIND,
};

struct kobj_uevent_env {
	char *argv[3];
	char *envp[64];
	int envp_idx;
	char buf[2048];
	int buflen;
};

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
__printf(3, 4) int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...);
__printf(2, 3) int kobject_set_name(struct kobject *kobj, const char *name, ...);
int kobject_set_name_vargs(struct kobject *kobj, const char *fmt, va_list vargs);
void kobject_del(struct kobject *kobj);
struct kobject *kobject_get(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
int kobject_uevent(struct kobject *kobj, enum kobject_action action);
int kobject_uevent_env(struct kobject *kobj, enum kobject_action action, char *envp[]);
__printf(2, 3) int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...);

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

#endif
