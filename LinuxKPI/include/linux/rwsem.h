/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reader-writer semaphores (LinuxKPI/src/rwsem.c): `count` is the number of readers holding it, or -1 for
 * a writer; waiters queue FIFO and are granted the lock in order by the releasing side (a writer alone, or
 * every reader at the head of the queue), so neither side starves. A reader arriving while anyone waits
 * queues too. Process context only.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/atomic.h>
#include <linux/types.h>

struct task_struct;

struct rw_semaphore {
	atomic_long_t count;
	struct task_struct *owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};

#define __RWSEM_INITIALIZER(name) {						\
		.count = ATOMIC_LONG_INIT(0),					\
		.owner = NULL,							\
		.wait_lock = __RAW_SPIN_LOCK_UNLOCKED(name.wait_lock),		\
		.wait_list = LIST_HEAD_INIT((name).wait_list) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);
#define init_rwsem(sem) __init_rwsem((sem), #sem, NULL)

static inline int rwsem_is_locked(struct rw_semaphore *sem) { return atomic_long_read(&sem->count) != 0; }
static inline int rwsem_is_contended(struct rw_semaphore *sem) { return !list_empty(&sem->wait_list); }

void down_read(struct rw_semaphore *sem);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);

#define down_read_nested(sem, subclass) down_read(sem)
#define down_read_killable_nested(sem, subclass) down_read_killable(sem)
#define down_write_nested(sem, subclass) down_write(sem)
#define down_write_killable_nested(sem, subclass) down_write_killable(sem)
#define down_write_nest_lock(sem, nest_lock) down_write(sem)
#define down_read_non_owner(sem) down_read(sem)
#define up_read_non_owner(sem) up_read(sem)

#define lockdep_assert_held_write_rwsem(sem) do { } while (0)

#endif
