/* SPDX-License-Identifier: GPL-2.0-only */
/* container_of: from a pointer to a member back to the structure that holds it. */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/stddef.h>

/* The pointer's type must match the member's (or be void *): a build error otherwise, as in Linux. */
#define container_of(ptr, type, member)							\
	({										\
		void *__mptr = (void *)(ptr);						\
		static_assert(__same_type(*(ptr), ((type *)0)->member) || __same_type(*(ptr), void), \
			      "pointer type mismatch in container_of()");		\
		((type *)(__mptr - offsetof(type, member)));				\
	})

/* The same for a pointer to a const member: keeps the const. */
#define container_of_const(ptr, type, member)						\
	_Generic(ptr,									\
		const typeof(*(ptr)) *: ((const type *)container_of(ptr, type, member)),	\
		default: ((type *)container_of(ptr, type, member)))

#endif
