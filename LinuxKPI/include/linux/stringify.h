/* SPDX-License-Identifier: GPL-2.0-only */
/* __stringify(x): x macro-expanded, then made a string literal. */
#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H

#define __stringify_1(...) #__VA_ARGS__
#define __stringify(...) __stringify_1(__VA_ARGS__)
#define FILE_LINE __FILE__ ":" __stringify(__LINE__)

#endif
