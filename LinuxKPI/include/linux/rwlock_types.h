/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rwlock_t: a spinning reader-writer lock in one word: bits 0-28 count readers, bit 29 says a writer
 * waits (new readers outside interrupts hold back, so writers are not starved), bit 30 says a writer holds
 * it. Readers in interrupt context ignore waiting writers, as Linux's qrwlock does, so a reader nested in
 * an interrupt on a CPU that already reads never deadlocks against a waiting writer.
 */
#ifndef __LINUX_RWLOCK_TYPES_H
#define __LINUX_RWLOCK_TYPES_H

#include <linux/types.h>

typedef struct {
	u32 cnts;
} arch_rwlock_t;

#define __ARCH_RW_LOCK_UNLOCKED { 0 }

typedef struct {
	arch_rwlock_t raw_lock;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname) (rwlock_t) { .raw_lock = __ARCH_RW_LOCK_UNLOCKED }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif
