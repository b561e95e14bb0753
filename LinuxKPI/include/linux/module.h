/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loadable modules: struct module, THIS_MODULE, module_init/module_exit, MODULE_* information and module
 * references. A module is NAME.ko built by scripts/kmod; the Swift loader (Sources/Kernel/Modules) calls
 * init_module and cleanup_module by name and reads .modinfo as Linux's does.
 *
 * Differences from Linux: code built into the kernel (no -DMODULE) cannot use module_init/module_exit —
 * Apus runs no initcalls, so the kernel's start-up calls such code directly; using them is a compile-time
 * error saying so. MODULE_DEVICE_TABLE records nothing (there is no depmod; drivers are matched at probe
 * time). try_module_get never fails on a live module, and fails once its exit has started, as on Linux.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/stringify.h>
#include <linux/types.h>

#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

/* What the generated NAME.mod.c fills in; opaque to the loader, which knows only its address. */
struct module {
	char name[MODULE_NAME_LEN];
	int (*init)(void);
	void (*exit)(void);
};

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)

/* The loader calls init_module (0 or a negative errno) and, on rmmod, cleanup_module. */
#define module_init(initfn)								\
	static inline initcall_t __maybe_unused __inittest(void) { return initfn; }	\
	int init_module(void) __attribute__((__alias__(#initfn)))

#define module_exit(exitfn)								\
	static inline exitcall_t __maybe_unused __exittest(void) { return exitfn; }	\
	void cleanup_module(void) __attribute__((__alias__(#exitfn)))
#else
#define THIS_MODULE ((struct module *)0)
#define module_init(initfn) \
	_Static_assert(0, "module_init() in code built into the kernel: Apus runs no initcalls, call " #initfn " from the kernel's start-up")
#define module_exit(exitfn) \
	_Static_assert(0, "module_exit() in code built into the kernel: built-in code is never unloaded")
#endif

#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(_ns) MODULE_INFO(import_ns, __stringify(_ns))

/* A macro's value as a string, for parameter descriptions (e1000_param.c). */
#define __MODULE_STRING(x) __stringify(x)
#define MODULE_DEVICE_TABLE(type, name)

/* Module references: a module whose count is above zero cannot be removed. NULL (built-in) always works. */
bool try_module_get(struct module *module);
void __module_get(struct module *module);
void module_put(struct module *module);

static inline const char *module_name(const struct module *module)
{
	return module ? module->name : "kernel";
}

#endif
