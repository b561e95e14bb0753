/* SPDX-License-Identifier: GPL-2.0-only */
/* A "core" module: exports core_register; imports two kernel exports, one symbol nobody exports, and a
 * weak symbol (left 0 when missing, so not needed). */
#include "export.h"

void *kmalloc(unsigned long size, unsigned flags);
void kfree(const void *p);
int missing_core_dep(void);
extern int optional_hook(void) __attribute__((weak));

int core_register(void *driver)
{
	void *p = kmalloc(16, 0);
	kfree(p);
	return missing_core_dep() + (optional_hook ? optional_hook() : 0);
}
EXPORT_SYMBOL_GPL(core_register);
