/* SPDX-License-Identifier: GPL-2.0-only */
/* The fixtures' EXPORT_SYMBOL: the struct kernel_symbol of the Apus module ABI, named __ksymtab_<sym>. */
#ifndef FIXTURE_EXPORT_H
#define FIXTURE_EXPORT_H

struct kernel_symbol {
	unsigned long value;
	const char *name;
	unsigned long flags;
};

#define __EXPORT(sym, gpl)							\
	static const char __kstrtab_##sym[]					\
		__attribute__((section("__ksymtab_strings"), used)) = #sym;	\
	static const struct kernel_symbol __ksymtab_##sym			\
		__attribute__((section("__ksymtab"), used, aligned(8))) =	\
		{ (unsigned long)&sym, __kstrtab_##sym, gpl }
#define EXPORT_SYMBOL(sym) __EXPORT(sym, 0)
#define EXPORT_SYMBOL_GPL(sym) __EXPORT(sym, 1)

#endif
