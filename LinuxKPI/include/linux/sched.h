/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tasks and sleeping. Every Apus thread that LinuxKPI meets gets a struct task_struct (made on first use of
 * `current`, or by kthread_create); its __state word is what schedule() and the wake-up functions act on,
 * with Linux's protocol: set_current_state(), test the condition, schedule(); a waker sets the state back to
 * TASK_RUNNING under the scheduler's lock, so a wake-up between the test and schedule() is not lost.
 * Apus kernel threads get no signals: signal_pending() is always false, so interruptible and killable
 * sleeps end only by a wake-up or their timeout.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <linux/jiffies.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <asm/current.h>

/* Task states (__state) */
#define TASK_RUNNING 0x00000000
#define TASK_INTERRUPTIBLE 0x00000001
#define TASK_UNINTERRUPTIBLE 0x00000002
#define __TASK_STOPPED 0x00000004
#define __TASK_TRACED 0x00000008
#define EXIT_DEAD 0x00000010
#define EXIT_ZOMBIE 0x00000020
#define EXIT_TRACE (EXIT_ZOMBIE | EXIT_DEAD)
#define TASK_PARKED 0x00000040
#define TASK_DEAD 0x00000080
#define TASK_WAKEKILL 0x00000100
#define TASK_WAKING 0x00000200
#define TASK_NOLOAD 0x00000400
#define TASK_NEW 0x00000800
#define TASK_RTLOCK_WAIT 0x00001000
#define TASK_FREEZABLE 0x00002000
#define TASK_STATE_MAX 0x00004000

#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_TRACED __TASK_TRACED
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* Task flags */
#define PF_IDLE 0x00000002
#define PF_EXITING 0x00000004
#define PF_WQ_WORKER 0x00000020
#define PF_MEMALLOC 0x00000800
#define PF_NOFREEZE 0x00008000
#define PF_MEMALLOC_NOFS 0x00040000
#define PF_MEMALLOC_NOIO 0x00080000
#define PF_KTHREAD 0x00200000

#define TASK_COMM_LEN 16
#define MAX_SCHEDULE_TIMEOUT LONG_MAX

#define MAX_NICE 19
#define MIN_NICE -20
#define MAX_RT_PRIO 100
#define MAX_PRIO (MAX_RT_PRIO + 40)
#define DEFAULT_PRIO (MAX_RT_PRIO + 20)

struct kthread;
struct mm_struct;
struct spinlock;

struct task_struct {
	unsigned int __state;
	unsigned int flags;
	refcount_t usage;
	int prio;
	int on_cpu;
	pid_t pid;
	pid_t tgid;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	struct kthread *kthread;		/* kthread.c: stop flag, data, exit */
	void *apus_thread;			/* the Swift core's thread */
	void *worker;				/* workqueue.c: the worker this thread is */
};

#define get_current_state() READ_ONCE(current->__state)
#define task_is_running(task) (READ_ONCE((task)->__state) == TASK_RUNNING)
#define __set_current_state(state_value) WRITE_ONCE(current->__state, (state_value))
#define set_current_state(state_value) smp_store_mb(current->__state, (state_value))
#define set_special_state(state_value) set_current_state(state_value)

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
void schedule_preempt_disabled(void);
void io_schedule(void);
long io_schedule_timeout(long timeout);
static inline int io_schedule_prepare(void) { return 0; }
static inline void io_schedule_finish(int token) { }
void yield(void);

int wake_up_process(struct task_struct *task);
int wake_up_state(struct task_struct *task, unsigned int state);
/* Wakes `task` if its state matches `state` (a wait-queue entry's default wake function calls this). */
int try_to_wake_up(struct task_struct *task, unsigned int state, int wake_flags);

/* A preemption point: yields if this CPU's time slice ran out; returns whether it switched. */
int _cond_resched(void);
#define cond_resched() ({ __might_resched(__FILE__, __LINE__, 0); _cond_resched(); })
int __cond_resched_lock(struct spinlock *lock);
#define cond_resched_lock(lock) __cond_resched_lock(lock)
#define cond_resched_rcu() do { rcu_read_unlock(); cond_resched(); rcu_read_lock(); } while (0)

static inline int need_resched(void) { return should_resched(preempt_count()); }

static inline pid_t task_pid_nr(struct task_struct *task) { return task->pid; }
static inline pid_t task_tgid_nr(struct task_struct *task) { return task->tgid; }
static inline pid_t task_pid_vnr(struct task_struct *task) { return task->pid; }
static inline int task_nice(const struct task_struct *task) { return task->prio - DEFAULT_PRIO; }
static inline bool is_idle_task(const struct task_struct *task) { return !!(task->flags & PF_IDLE); }
static inline unsigned int task_cpu(const struct task_struct *task) { return task->on_cpu; }
/* Nice levels map to nothing in Apus' scheduler (four fixed priorities); recorded only. */
static inline void set_user_nice(struct task_struct *task, long nice) { task->prio = DEFAULT_PRIO + nice; }
#define get_task_comm(buf, task) __get_task_comm(buf, sizeof(buf), task)
char *__get_task_comm(char *buf, size_t buf_size, struct task_struct *task);
void __set_task_comm(struct task_struct *task, const char *name, bool exec);
#define set_task_comm(task, name) __set_task_comm(task, name, false)

static inline int task_is_kthread(const struct task_struct *task) { return !!(task->flags & PF_KTHREAD); }

/* Nanoseconds since boot (the TSC clock), as sched_clock() and local_clock() are in Linux. */
u64 sched_clock(void);
u64 local_clock(void);
u64 running_clock(void);

#include <linux/sched/signal.h>
#include <linux/sched/task.h>

#endif
