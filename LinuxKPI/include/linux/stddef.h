/* SPDX-License-Identifier: GPL-2.0-only */
/* NULL, offsetof and the struct-layout helpers of <linux/stddef.h>. */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <linux/types.h>

#undef NULL
#define NULL ((void *)0)

#undef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)

#define sizeof_field(type, member) sizeof((((type *)0)->member))
#define offsetofend(type, member) (offsetof(type, member) + sizeof_field(type, member))

/* Members that can also be addressed together as one named struct (same layout both ways). */
#define __struct_group(tag, name, attrs, members...) \
	union {                                       \
		struct { members } attrs;             \
		struct tag { members } attrs name;    \
	}
#define struct_group(name, members...) __struct_group(/* no tag */, name, /* no attrs */, members)
#define struct_group_attr(name, attrs, members...) __struct_group(/* no tag */, name, attrs, members)
#define struct_group_tagged(tag, name, members...) __struct_group(tag, name, /* no attrs */, members)

/* A flexible array member that may also sit alone in a union. */
#define DECLARE_FLEX_ARRAY(type, name) \
	struct {                       \
		struct { } __empty_##name; \
		type name[];           \
	}

#endif
