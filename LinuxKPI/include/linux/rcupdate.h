/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Read-copy update (LinuxKPI/src/rcu.c). A reader section disables preemption; a CPU passes a quiescent
 * state whenever its timer tick interrupts code with preempt_count 0, which no reader section can be
 * in. synchronize_rcu() waits until every other online CPU passed one after it was called: all readers
 * that might still see the old data have then finished. call_rcu() callbacks run in a kernel thread
 * ("rcu") after such a grace period, in the order queued; rcu_barrier() waits for all queued so far.
 * Grace periods take one to two ticks (10-20 ms).
 */
#ifndef __LINUX_RCUPDATE_H
#define __LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <linux/cpumask.h>
#include <linux/stddef.h>
#include <linux/build_bug.h>
#include <asm/barrier.h>

void call_rcu(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu(void);
void synchronize_rcu_expedited(void);
void rcu_barrier(void);
void __rcu_read_lock(void);
void __rcu_read_unlock(void);

static __always_inline void rcu_read_lock(void) { __rcu_read_lock(); }
static __always_inline void rcu_read_unlock(void) { __rcu_read_unlock(); }
static inline void rcu_read_lock_bh(void) { local_bh_disable(); }
static inline void rcu_read_unlock_bh(void) { local_bh_enable(); }
static inline void rcu_read_lock_sched(void) { preempt_disable(); }
static inline void rcu_read_unlock_sched(void) { preempt_enable(); }
static inline void rcu_read_lock_sched_notrace(void) { preempt_disable_notrace(); }
static inline void rcu_read_unlock_sched_notrace(void) { preempt_enable_notrace(); }

/* Every flavour shares the one grace period (preempt-off readers cover bh and sched readers). */
#define call_rcu_hurry call_rcu
#define synchronize_rcu_bh synchronize_rcu
#define synchronize_sched synchronize_rcu
#define synchronize_rcu_tasks synchronize_rcu
#define rcu_barrier_tasks rcu_barrier
#define cond_synchronize_rcu(oldstate) synchronize_rcu()

/* No lockdep: "held" checks pass when a reader section could be active. */
static inline int rcu_read_lock_held(void) { return preempt_count() != 0 || irqs_disabled(); }
static inline int rcu_read_lock_bh_held(void) { return in_softirq() || irqs_disabled(); }
static inline int rcu_read_lock_sched_held(void) { return preempt_count() != 0 || irqs_disabled(); }
static inline int rcu_read_lock_any_held(void) { return preempt_count() != 0 || irqs_disabled(); }
static inline bool rcu_is_watching(void) { return true; }
#define RCU_LOCKDEP_WARN(c, s) do { } while (0)
#define rcu_lockdep_assert(c, s) do { } while (0)
#define rcu_sleep_check() do { } while (0)

#define __rcu_access_pointer(p, local, space) READ_ONCE(p)
#define rcu_access_pointer(p) ((typeof(*(p)) *)READ_ONCE(p))
#define rcu_dereference_raw(p) ((typeof(*(p)) *)READ_ONCE(p))
#define rcu_dereference_check(p, c) rcu_dereference_raw(p)
#define rcu_dereference_bh_check(p, c) rcu_dereference_raw(p)
#define rcu_dereference_sched_check(p, c) rcu_dereference_raw(p)
#define rcu_dereference_protected(p, c) ((typeof(*(p)) *)(p))
#define rcu_dereference(p) rcu_dereference_raw(p)
#define rcu_dereference_bh(p) rcu_dereference_raw(p)
#define rcu_dereference_sched(p) rcu_dereference_raw(p)
#define rcu_dereference_raw_check(p) rcu_dereference_raw(p)
#define rcu_pointer_handoff(p) (p)
#define unrcu_pointer(p) ((typeof(*(p)) *)(p))

#define RCU_INITIALIZER(v) (typeof(*(v)) __force __rcu *)(v)

/* Publishes `v` at `p`: everything written before becomes visible to readers that see `v`. */
#define rcu_assign_pointer(p, v)						\
	do {									\
		uintptr_t _r_a_p__v = (uintptr_t)(v);				\
		if (__builtin_constant_p(v) && (_r_a_p__v) == (uintptr_t)NULL)	\
			WRITE_ONCE((p), (typeof(p))(_r_a_p__v));		\
		else								\
			smp_store_release(&p, RCU_INITIALIZER((typeof(p))_r_a_p__v)); \
	} while (0)
#define RCU_INIT_POINTER(p, v) WRITE_ONCE(p, RCU_INITIALIZER(v))
#define RCU_POINTER_INITIALIZER(p, v) .p = RCU_INITIALIZER(v)
#define rcu_replace_pointer(rcu_ptr, ptr, c)					\
	({									\
		typeof(ptr) __tmp = rcu_dereference_protected((rcu_ptr), (c));	\
		rcu_assign_pointer((rcu_ptr), (ptr));				\
		__tmp;								\
	})

/*
 * kfree_rcu(ptr, field) frees `ptr` (kvfree) after a grace period through its rcu_head `field`;
 * kfree_rcu(ptr) / kvfree_rcu_mightsleep(ptr) wait for the grace period right away (may sleep).
 * The offset of `field` travels as the callback, as in Linux (offsets are below 4096, functions not).
 */
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func);
void kvfree_rcu_mightsleep(void *ptr);
#define __is_kvfree_rcu_offset(offset) ((offset) < 4096)
#define __kvfree_rcu_with_head(ptr, rhf)					\
	do {									\
		typeof(ptr) ___p = (ptr);					\
		BUILD_BUG_ON(!__is_kvfree_rcu_offset(offsetof(typeof(*(ptr)), rhf))); \
		if (___p)							\
			kvfree_call_rcu(&((___p)->rhf), (rcu_callback_t)(unsigned long)offsetof(typeof(*(ptr)), rhf)); \
	} while (0)
#define __kvfree_rcu_pick(_1, _2, name, ...) name
#define kfree_rcu(...) __kvfree_rcu_pick(__VA_ARGS__, __kvfree_rcu_with_head, kvfree_rcu_mightsleep)(__VA_ARGS__)
#define kvfree_rcu(...) kfree_rcu(__VA_ARGS__)
#define kfree_rcu_mightsleep(ptr) kvfree_rcu_mightsleep(ptr)

static inline void init_rcu_head(struct rcu_head *head) { }
static inline void destroy_rcu_head(struct rcu_head *head) { }
static inline void init_rcu_head_on_stack(struct rcu_head *head) { }
static inline void destroy_rcu_head_on_stack(struct rcu_head *head) { }

#endif
