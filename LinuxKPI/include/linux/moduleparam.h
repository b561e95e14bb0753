/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Module parameters: module_param(), module_param_named(), module_param_array(), module_param_string(),
 * MODULE_PARM_DESC() and the standard parameter operations (LinuxKPI/src/params.c). Each parameter is a
 * struct kernel_param in section __param; the loader sets them from `insmod NAME p=v` and from command-line
 * words `NAME.p=v` through apus_module_set_param() before init runs, with Linux's parsing rules ('-' and
 * '_' are the same in names, numbers in C notation, bool as y/n/1/0/on/off, no value for bools = true).
 *
 * Differences from Linux: there is no sysfs, so parameters cannot change after load and the .get
 * operations are not provided (the standard ops leave .get NULL); a charp keeps pointing at the loader's
 * copy of the value, which lives as long as the module. In code built into the kernel the parameters are
 * compiled but nothing sets them.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/types.h>

#ifdef MODULE
#define MODULE_PARAM_PREFIX /* empty */
#define __MODULE_INFO_PREFIX /* empty */
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#define __MODULE_INFO_PREFIX KBUILD_MODNAME "."
#endif

#define MAX_PARAM_PREFIX_LEN (64 - sizeof(unsigned long))

#define __MODULE_INFO(tag, name, info)						\
	static const char __UNIQUE_ID(name)[] __used __section(".modinfo") __aligned(1) \
		= __MODULE_INFO_PREFIX __stringify(tag) "=" info

#define __MODULE_PARM_TYPE(name, _type) __MODULE_INFO(parmtype, name##type, #name ":" _type)
#define MODULE_PARM_DESC(_parm, desc) __MODULE_INFO(parm, _parm, #_parm ":" desc)

struct module;
struct kernel_param;

enum {
	KERNEL_PARAM_OPS_FL_NOARG = (1 << 0)
};

struct kernel_param_ops {
	unsigned int flags;
	/* 0 or a negative errno; the variable is kp->arg. */
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

enum {
	KERNEL_PARAM_FL_UNSAFE = (1 << 0),
	KERNEL_PARAM_FL_HWPARAM = (1 << 1),
};

/* 40 bytes: the Swift loader counts __param entries with this size (ModuleLinker.kernelParamSize). */
struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

/* THIS_MODULE without <linux/module.h> (which includes this header). */
#ifdef MODULE
extern struct module __this_module;
#define __kparam_module (&__this_module)
#else
#define __kparam_module ((struct module *)0)
#endif

#define VERIFY_OCTAL_PERMISSIONS(perm) (perm)

#define __module_param_call(prefix, name, ops, arg, perm, level, flags)		\
	static_assert(sizeof(""prefix) - 1 <= MAX_PARAM_PREFIX_LEN);		\
	static const char __param_str_##name[] = prefix #name;			\
	static const struct kernel_param __param_##name				\
	__used __section("__param") __aligned(__alignof__(struct kernel_param))	\
	= { __param_str_##name, __kparam_module, ops,				\
	    VERIFY_OCTAL_PERMISSIONS(perm), level, flags, { arg } }

#define module_param_cb(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)
#define module_param_cb_unsafe(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, KERNEL_PARAM_FL_UNSAFE)

#define module_param_call(name, _set, _get, arg, perm)				\
	static const struct kernel_param_ops __param_ops_##name =		\
		{ .flags = 0, .set = _set, .get = _get };			\
	__module_param_call(MODULE_PARAM_PREFIX, name, &__param_ops_##name, arg, perm, -1, 0)

/* Compile-time type checks, as Linux's: the variable must have the parameter type's C type. */
#define __param_check(name, p, type) \
	static inline type __always_unused *__check_##name(void) { return (p); }

#define param_check_byte(name, p) __param_check(name, p, unsigned char)
#define param_check_short(name, p) __param_check(name, p, short)
#define param_check_ushort(name, p) __param_check(name, p, unsigned short)
#define param_check_int(name, p) __param_check(name, p, int)
#define param_check_uint(name, p) __param_check(name, p, unsigned int)
#define param_check_long(name, p) __param_check(name, p, long)
#define param_check_ulong(name, p) __param_check(name, p, unsigned long)
#define param_check_ullong(name, p) __param_check(name, p, unsigned long long)
#define param_check_hexint(name, p) param_check_uint(name, p)
#define param_check_charp(name, p) __param_check(name, p, char *)
#define param_check_bool(name, p) __param_check(name, p, bool)
#define param_check_bool_enable_only param_check_bool
#define param_check_invbool(name, p) __param_check(name, p, bool)
#define param_check_bint param_check_int

#define module_param_named(name, value, type, perm)				\
	param_check_##type(name, &(value));					\
	module_param_cb(name, &param_ops_##type, &value, perm);			\
	__MODULE_PARM_TYPE(name, #type)

#define module_param_named_unsafe(name, value, type, perm)			\
	param_check_##type(name, &(value));					\
	module_param_cb_unsafe(name, &param_ops_##type, &value, perm);		\
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm) module_param_named(name, name, type, perm)
#define module_param_unsafe(name, type, perm) module_param_named_unsafe(name, name, type, perm)

#define module_param_hw_named(name, value, type, hwtype, perm)			\
	param_check_##type(name, &(value));					\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_##type, &value, perm, -1, KERNEL_PARAM_FL_HWPARAM); \
	__MODULE_PARM_TYPE(name, #type)
#define module_param_hw(name, type, hwtype, perm) module_param_hw_named(name, name, type, hwtype, perm)

#define module_param_string(name, string, len, perm)				\
	static const struct kparam_string __param_string_##name = { len, string }; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string,	\
			    .str = &__param_string_##name, perm, -1, 0);	\
	__MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)			\
	param_check_##type(name, &(array)[0]);					\
	static const struct kparam_array __param_arr_##name			\
	= { .max = sizeof(array) / sizeof((array)[0]) + __must_be_array(array), .num = nump, \
	    .ops = &param_ops_##type, .elemsize = sizeof((array)[0]), .elem = array }; \
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,	\
			    .arr = &__param_arr_##name, perm, -1, 0);		\
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm) module_param_array_named(name, name, type, nump, perm)
#define module_param_hw_array(name, type, hwtype, nump, perm) module_param_array(name, type, nump, perm)

extern const struct kernel_param_ops param_ops_byte;
extern const struct kernel_param_ops param_ops_short;
extern const struct kernel_param_ops param_ops_ushort;
extern const struct kernel_param_ops param_ops_int;
extern const struct kernel_param_ops param_ops_uint;
extern const struct kernel_param_ops param_ops_long;
extern const struct kernel_param_ops param_ops_ulong;
extern const struct kernel_param_ops param_ops_ullong;
extern const struct kernel_param_ops param_ops_hexint;
extern const struct kernel_param_ops param_ops_charp;
extern const struct kernel_param_ops param_ops_bool;
extern const struct kernel_param_ops param_ops_bool_enable_only;
extern const struct kernel_param_ops param_ops_invbool;
extern const struct kernel_param_ops param_ops_bint;
extern const struct kernel_param_ops param_array_ops;
extern const struct kernel_param_ops param_ops_string;

/* The get operations print the value and a newline into a PAGE_SIZE buffer (what sysfs would show). */
int param_get_byte(char *buffer, const struct kernel_param *kp);
int param_get_short(char *buffer, const struct kernel_param *kp);
int param_get_ushort(char *buffer, const struct kernel_param *kp);
int param_get_int(char *buffer, const struct kernel_param *kp);
int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_get_long(char *buffer, const struct kernel_param *kp);
int param_get_ulong(char *buffer, const struct kernel_param *kp);
int param_get_ullong(char *buffer, const struct kernel_param *kp);
int param_get_hexint(char *buffer, const struct kernel_param *kp);
int param_set_byte(const char *val, const struct kernel_param *kp);
int param_set_short(const char *val, const struct kernel_param *kp);
int param_set_ushort(const char *val, const struct kernel_param *kp);
int param_set_int(const char *val, const struct kernel_param *kp);
int param_set_uint(const char *val, const struct kernel_param *kp);
int param_set_uint_minmax(const char *val, const struct kernel_param *kp, unsigned int min, unsigned int max);
int param_set_long(const char *val, const struct kernel_param *kp);
int param_set_ulong(const char *val, const struct kernel_param *kp);
int param_set_ullong(const char *val, const struct kernel_param *kp);
int param_set_hexint(const char *val, const struct kernel_param *kp);
int param_set_charp(const char *val, const struct kernel_param *kp);
int param_set_bool(const char *val, const struct kernel_param *kp);
int param_set_bool_enable_only(const char *val, const struct kernel_param *kp);
int param_set_invbool(const char *val, const struct kernel_param *kp);
int param_set_bint(const char *val, const struct kernel_param *kp);
int param_set_copystring(const char *val, const struct kernel_param *kp);

bool parameq(const char *name1, const char *name2);
bool parameqn(const char *name1, const char *name2, size_t n);

#endif
