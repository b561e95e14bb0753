// SPDX-License-Identifier: GPL-2.0-only
/*
 * Module references (linux/module.h): try_module_get, __module_get and module_put on a module's
 * struct module, counted by the Swift loader (apus_module_* in the bridge), which refuses to unload a
 * module whose count is above zero. NULL stands for code built into the kernel and is never counted.
 */
#include <apus/bridge.h>
#include <linux/export.h>
#include <linux/module.h>

bool try_module_get(struct module *module)
{
	return !module || apus_module_get((uintptr_t)module);
}
EXPORT_SYMBOL(try_module_get);

void __module_get(struct module *module)
{
	if (module)
		apus_module_get_always((uintptr_t)module);
}
EXPORT_SYMBOL(__module_get);

void module_put(struct module *module)
{
	if (module)
		apus_module_put((uintptr_t)module);
}
EXPORT_SYMBOL(module_put);
