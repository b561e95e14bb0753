// SPDX-License-Identifier: GPL-2.0-only
/*
 * kobjects: a name, a parent and a reference count; the last kobject_put calls the ktype's release.
 * No sysfs, no uevents (kobject_uevent succeeds without sending anything).
 */
#include <linux/kobject.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	if (!kobj) {
		WARN(1, "kobject_init: NULL kobject\n");
		return;
	}
	WARN(kobj->state_initialized, "kobject (%p): tried to init an initialized object\n", kobj);
	kref_init(&kobj->kref);
	INIT_LIST_HEAD(&kobj->entry);
	kobj->ktype = ktype;
	kobj->state_initialized = 1;
	kobj->state_in_sysfs = 0;
}
EXPORT_SYMBOL(kobject_init);

int kobject_set_name_vargs(struct kobject *kobj, const char *fmt, va_list vargs)
{
	const char *name;

	if (kobj->name && !fmt)
		return 0;
	name = kvasprintf_const(GFP_KERNEL, fmt, vargs);
	if (!name)
		return -ENOMEM;
	kfree_const(kobj->name);
	kobj->name = name;
	return 0;
}
EXPORT_SYMBOL(kobject_set_name_vargs);

int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
{
	va_list vargs;
	int rc;

	va_start(vargs, fmt);
	rc = kobject_set_name_vargs(kobj, fmt, vargs);
	va_end(vargs);
	return rc;
}
EXPORT_SYMBOL(kobject_set_name);

int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int rc = 0;

	if (!kobj)
		return -EINVAL;
	if (!kobj->state_initialized) {
		pr_err("kobject '%s' (%p): tried to add an uninitialized object\n", kobject_name(kobj), kobj);
		return -EINVAL;
	}
	if (fmt) {
		va_start(args, fmt);
		rc = kobject_set_name_vargs(kobj, fmt, args);
		va_end(args);
		if (rc)
			return rc;
	}
	if (!kobj->name || !kobj->name[0])
		return -EINVAL;
	kobj->parent = kobject_get(parent);
	kobj->state_in_sysfs = 1;
	return 0;
}
EXPORT_SYMBOL(kobject_add);

void kobject_del(struct kobject *kobj)
{
	struct kobject *parent;

	if (!kobj || !kobj->state_in_sysfs)
		return;
	kobj->state_in_sysfs = 0;
	parent = kobj->parent;
	kobj->parent = NULL;
	kobject_put(parent);
}
EXPORT_SYMBOL(kobject_del);

struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj) {
		WARN(!kobj->state_initialized, "kobject: '%s' (%p): is not initialized, yet kobject_get() is being called.\n",
		     kobject_name(kobj), kobj);
		kref_get(&kobj->kref);
	}
	return kobj;
}
EXPORT_SYMBOL(kobject_get);

static void kobject_release(struct kref *kref)
{
	struct kobject *kobj = container_of(kref, struct kobject, kref);
	const struct kobj_type *t = kobj->ktype;
	const char *name = kobj->name;

	kobject_del(kobj);
	if (t && t->release)
		t->release(kobj);
	else
		pr_err("kobject: '%s' (%p): does not have a release() function, it is broken and must be fixed.\n",
		       kobject_name(kobj), kobj);
	kfree_const(name);
}

void kobject_put(struct kobject *kobj)
{
	if (kobj) {
		WARN(!kobj->state_initialized, "kobject: '%s' (%p): is not initialized, yet kobject_put() is being called.\n",
		     kobject_name(kobj), kobj);
		kref_put(&kobj->kref, kobject_release);
	}
}
EXPORT_SYMBOL(kobject_put);

int kobject_uevent_env(struct kobject *kobj, enum kobject_action action, char *envp_ext[])
{
	return 0;
}
EXPORT_SYMBOL_GPL(kobject_uevent_env);

int kobject_uevent(struct kobject *kobj, enum kobject_action action)
{
	return kobject_uevent_env(kobj, action, NULL);
}
EXPORT_SYMBOL_GPL(kobject_uevent);

/* Collects the variable as Linux does, so drivers' uevent callbacks work; nothing sends the event. */
int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...)
{
	va_list args;
	int len;

	if (env->envp_idx >= ARRAY_SIZE(env->envp)) {
		WARN(1, KERN_ERR "add_uevent_var: too many keys\n");
		return -ENOMEM;
	}
	va_start(args, format);
	len = vsnprintf(&env->buf[env->buflen], sizeof(env->buf) - env->buflen, format, args);
	va_end(args);
	if (len >= (sizeof(env->buf) - env->buflen)) {
		WARN(1, KERN_ERR "add_uevent_var: buffer size too small\n");
		return -ENOMEM;
	}
	env->envp[env->envp_idx++] = &env->buf[env->buflen];
	env->buflen += len + 1;
	return 0;
}
EXPORT_SYMBOL_GPL(add_uevent_var);
