/* SPDX-License-Identifier: GPL-2.0-only */
/* Signals: Apus kernel threads get none, so no signal is ever pending (see linux/sched.h). */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

static inline int signal_pending(struct task_struct *task) { return 0; }
static inline int fatal_signal_pending(struct task_struct *task) { return 0; }
static inline int __fatal_signal_pending(struct task_struct *task) { return 0; }
static inline int signal_pending_state(unsigned int state, struct task_struct *task) { return 0; }
static inline void flush_signals(struct task_struct *task) { }
static inline int allow_signal(int sig) { return 0; }
static inline int disallow_signal(int sig) { return 0; }
static inline void clear_thread_flag_sigpending(void) { }

#endif
