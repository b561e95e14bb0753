/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU local locks: without PREEMPT_RT they only disable preemption (or interrupts), as in Linux. */
#ifndef _LINUX_LOCAL_LOCK_H
#define _LINUX_LOCAL_LOCK_H

#include <linux/preempt.h>
#include <linux/irqflags.h>

typedef struct { } local_lock_t;
#define INIT_LOCAL_LOCK(lockname) { }
#define local_lock_init(lock) do { } while (0)

#define local_lock(lock) preempt_disable()
#define local_unlock(lock) preempt_enable()
#define local_lock_irq(lock) local_irq_disable()
#define local_unlock_irq(lock) local_irq_enable()
#define local_lock_irqsave(lock, flags) local_irq_save(flags)
#define local_unlock_irqrestore(lock, flags) local_irq_restore(flags)

#endif
