/* SPDX-License-Identifier: GPL-2.0-only */
/* _RET_IP_ (the caller's return address) and _THIS_IP_ (an address inside the current function). */
#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

#define _RET_IP_ (unsigned long)__builtin_return_address(0)
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

#endif
