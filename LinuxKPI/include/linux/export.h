/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EXPORT_SYMBOL and EXPORT_SYMBOL_GPL: one struct kernel_symbol per export in section __ksymtab (flags bit 0
 * = GPL-only) and its name in __ksymtab_strings. In the kernel the table lies between __start___ksymtab and
 * __stop___ksymtab (kernel.ld); in a module the loader reads the section after relocation. Linux 6.1 keeps
 * GPL-only exports in a separate __ksymtab_gpl section; one table with a flag is simpler and the symbol
 * names (__ksymtab_<sym>) are the same, which is what apus-kpi looks for. Symbol namespaces are accepted
 * and ignored: every export is visible to every module.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler_types.h>

struct kernel_symbol {
	unsigned long value;
	const char *name;
	unsigned long flags;
};

#define KSYM_FLAG_GPL_ONLY 1UL

#define __EXPORT_SYMBOL(sym, flags)								\
	extern typeof(sym) sym;									\
	static const char __kstrtab_##sym[] __used __section("__ksymtab_strings") __aligned(1) = #sym; \
	static const struct kernel_symbol __ksymtab_##sym __used __section("__ksymtab") __aligned(8) = \
		{ (unsigned long)&sym, __kstrtab_##sym, flags }

#define EXPORT_SYMBOL(sym) __EXPORT_SYMBOL(sym, 0)
#define EXPORT_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, KSYM_FLAG_GPL_ONLY)
#define EXPORT_SYMBOL_NS(sym, ns) EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns) EXPORT_SYMBOL_GPL(sym)

#endif
