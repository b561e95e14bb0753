/* SPDX-License-Identifier: GPL-2.0-only */
/* `current`: the running thread's task_struct (LinuxKPI/src/sched.c makes one for any Apus thread). */
#ifndef _ASM_X86_CURRENT_H
#define _ASM_X86_CURRENT_H

struct task_struct;

struct task_struct *get_current(void);
#define current get_current()

#endif
