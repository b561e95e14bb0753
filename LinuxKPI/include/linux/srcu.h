/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sleepable RCU (LinuxKPI/src/srcu.c): readers may sleep. Readers count themselves in one of two counters,
 * chosen by `idx` (read and incremented with preemption off); synchronize_srcu() flips `idx`, waits one
 * RCU grace period (so every reader that picked the old counter has incremented it) and then waits until
 * the old counter drains. Writers are serialised by a mutex.
 */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/mutex.h>
#include <linux/rcupdate.h>

struct srcu_struct {
	atomic_long_t readers[2];
	unsigned long idx;
	struct mutex gp_lock;
};

#define __SRCU_STRUCT_INIT(name)						\
	{									\
		.readers = { ATOMIC_LONG_INIT(0), ATOMIC_LONG_INIT(0) },	\
		.idx = 0,							\
		.gp_lock = __MUTEX_INITIALIZER(name.gp_lock),			\
	}
#define DEFINE_SRCU(name) struct srcu_struct name = __SRCU_STRUCT_INIT(name)
#define DEFINE_STATIC_SRCU(name) static struct srcu_struct name = __SRCU_STRUCT_INIT(name)

int init_srcu_struct(struct srcu_struct *ssp);
void cleanup_srcu_struct(struct srcu_struct *ssp);
int __srcu_read_lock(struct srcu_struct *ssp);
void __srcu_read_unlock(struct srcu_struct *ssp, int idx);
void synchronize_srcu(struct srcu_struct *ssp);
void synchronize_srcu_expedited(struct srcu_struct *ssp);

static inline int srcu_read_lock(struct srcu_struct *ssp) { return __srcu_read_lock(ssp); }
static inline void srcu_read_unlock(struct srcu_struct *ssp, int idx) { __srcu_read_unlock(ssp, idx); }
static inline int srcu_read_lock_held(const struct srcu_struct *ssp) { return 1; }

#define srcu_dereference_check(p, ssp, c) rcu_dereference_raw(p)
#define srcu_dereference(p, ssp) rcu_dereference_raw(p)
#define srcu_dereference_notrace(p, ssp) rcu_dereference_raw(p)

#endif
