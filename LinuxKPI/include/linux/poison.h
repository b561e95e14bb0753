/* SPDX-License-Identifier: GPL-2.0-only */
/* Poison values written into freed or unlinked objects: the NULL page is unmapped, so using one faults. */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

#define POISON_POINTER_DELTA 0
#define LIST_POISON1 ((void *)0x100 + POISON_POINTER_DELTA)
#define LIST_POISON2 ((void *)0x122 + POISON_POINTER_DELTA)
#define TIMER_ENTRY_STATIC ((void *)0x300 + POISON_POINTER_DELTA)
#define PAGE_POISON 0xaa
#define POISON_INUSE 0x5a
#define POISON_FREE 0x6b
#define POISON_END 0xa5

#endif
