/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sleeping mutexes (LinuxKPI/src/mutex.c): `owner` is the holder's task (0 when free), taken with one
 * compare-exchange when uncontended; contenders queue FIFO and sleep, and each unlock wakes the first one,
 * which then competes for the lock again (no hand-off, as in Linux without its optimistic spinning).
 * Process context only; the holder must unlock. No signals arrive, so _interruptible/_killable never fail:
 * they return 0 once the mutex is held.
 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/atomic.h>
#include <linux/types.h>
#include <asm/current.h>

struct mutex {
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};

#define __MUTEX_INITIALIZER(lockname) {						\
		.owner = ATOMIC_LONG_INIT(0),					\
		.wait_lock = __RAW_SPIN_LOCK_UNLOCKED(lockname.wait_lock),	\
		.wait_list = LIST_HEAD_INIT(lockname.wait_list) }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#define mutex_init(mutex) __mutex_init((mutex), #mutex, NULL)
static inline void mutex_destroy(struct mutex *lock) { }

static inline bool mutex_is_locked(struct mutex *lock) { return atomic_long_read(&lock->owner) != 0; }

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
void mutex_lock_io(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock);

#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, subclass) mutex_lock_interruptible(lock)
#define mutex_lock_killable_nested(lock, subclass) mutex_lock_killable(lock)
#define mutex_lock_nest_lock(lock, nest_lock) mutex_lock(lock)
#define mutex_lock_io_nested(lock, subclass) mutex_lock_io(lock)

enum mutex_trylock_recursive_enum {
	MUTEX_TRYLOCK_FAILED = 0,
	MUTEX_TRYLOCK_SUCCESS = 1,
	MUTEX_TRYLOCK_RECURSIVE,
};

#endif
