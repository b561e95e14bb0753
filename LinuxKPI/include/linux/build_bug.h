/* SPDX-License-Identifier: GPL-2.0-only */
/* Compile-time checks: BUILD_BUG_ON and its relatives. */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/* An expression that is 0 when `e` is false and a build error otherwise (usable where a value is needed). */
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define BUILD_BUG_ON_INVALID(e) ((void)(sizeof((long)(e))))
#define BUILD_BUG_ON_MSG(condition, msg) compiletime_assert(!(condition), msg)
#define BUILD_BUG_ON(condition) BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)
#define BUILD_BUG_ON_NOT_POWER_OF_2(n) BUILD_BUG_ON((n) == 0 || (((n) & ((n) - 1)) != 0))
#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")
#define __static_assert_msg(expr, msg, ...) _Static_assert(expr, msg)
#define static_assert(expr, ...) __static_assert_msg(expr, ##__VA_ARGS__, #expr)

#endif
