/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EXPORT_SYMBOL/EXPORT_SYMBOL_GPL, as the module ABI (briefs/modules-abi.md) fixes them: one struct
 * kernel_symbol named __ksymtab_<sym> in section __ksymtab and the name __kstrtab_<sym> in
 * __ksymtab_strings. Minimal version written by kpi-base until the modules helper's header lands.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler_types.h>

struct kernel_symbol {
	unsigned long value;
	const char *name;
	unsigned long flags; /* bit 0: GPL-only */
};

#define __EXPORT_SYMBOL(sym, gpl)							\
	extern typeof(sym) sym;								\
	static const char __kstrtab_##sym[] __used __section("__ksymtab_strings") = #sym;	\
	static const struct kernel_symbol __ksymtab_##sym __used __section("__ksymtab")	\
		__aligned(8) = { (unsigned long)&sym, __kstrtab_##sym, gpl }

#define EXPORT_SYMBOL(sym) __EXPORT_SYMBOL(sym, 0)
#define EXPORT_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, 1)
#define EXPORT_SYMBOL_NS(sym, ns) __EXPORT_SYMBOL(sym, 0)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) __EXPORT_SYMBOL(sym, 1)

#endif
