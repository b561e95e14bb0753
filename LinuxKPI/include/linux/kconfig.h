/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IS_ENABLED() and friends: turn "is CONFIG_FOO defined to 1?" into a 0/1 usable both by the preprocessor
 * and in C expressions. Included first in every LinuxKPI and module compile (flags.mk's -include).
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#include <generated/autoconf.h>

#define __LITTLE_ENDIAN 1234

/*
 * A defined option expands to 1, so pasting it onto __kconfig_probe_ gives __kconfig_probe_1, which expands
 * to "junk," and shifts the 1 into the selected position; anything else leaves the 0 there.
 */
#define __kconfig_probe_1 junk,
#define __kconfig_second(ignored, value, ...) value
#define __kconfig_select(probe) __kconfig_second(probe 1, 0)
#define __kconfig_paste(value) __kconfig_select(__kconfig_probe_##value)
#define __kconfig_defined(option) __kconfig_paste(option)

#define __kconfig_or_1(y) 1
#define __kconfig_or_0(y) y
#define __kconfig_or(x, y) __kconfig_or_expand(x, y)
#define __kconfig_or_expand(x, y) __kconfig_or_##x(y)
#define __kconfig_and_1(y) y
#define __kconfig_and_0(y) 0
#define __kconfig_and(x, y) __kconfig_and_expand(x, y)
#define __kconfig_and_expand(x, y) __kconfig_and_##x(y)

#define IS_BUILTIN(option) __kconfig_defined(option)
#define IS_MODULE(option) __kconfig_defined(option##_MODULE)
#define IS_ENABLED(option) __kconfig_or(IS_BUILTIN(option), IS_MODULE(option))
#define IS_REACHABLE(option) \
	__kconfig_or(IS_BUILTIN(option), __kconfig_and(IS_MODULE(option), __kconfig_defined(MODULE)))

#endif
