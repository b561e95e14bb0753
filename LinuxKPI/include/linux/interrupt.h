/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupt handlers and tasklets.
 *
 * Handlers run as in Linux: the hard handler with interrupts off on the CPU that took the interrupt, the
 * thread handler (request_threaded_irq) in its own kernel thread. IRQF_SHARED works on INTx lines (every
 * handler of a line runs; each returns IRQ_NONE or IRQ_HANDLED); IRQF_ONESHOT keeps a level-triggered line
 * masked until the thread handler returns (dropped for MSI/MSI-X, as Linux does). enable_irq/disable_irq
 * nest; disable_irq and synchronize_irq wait for handlers running on any CPU and for thread handlers.
 *
 * Tasklets run in softirq context served by one "softirq" kernel thread per CPU (high priority, with
 * SOFTIRQ_OFFSET in preempt_count), never on interrupt exit as Linux usually does. A tasklet runs on the
 * CPU that scheduled it, never concurrently with itself; local_bh_disable (linux/bottom_half.h) holds
 * off this CPU's softirq thread because the scheduler does not preempt while preempt_count is raised.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bitops.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/irqreturn.h>
#include <linux/irqnr.h>
#include <linux/hardirq.h>
#include <linux/bottom_half.h>
#include <linux/errno.h>

#define IRQF_TRIGGER_NONE	0x00000000
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_TRIGGER_MASK	(IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_TRIGGER_PROBE	0x00000010
#define IRQF_SHARED		0x00000080
#define IRQF_PROBE_SHARED	0x00000100
#define __IRQF_TIMER		0x00000200
#define IRQF_PERCPU		0x00000400
#define IRQF_NOBALANCING	0x00000800
#define IRQF_IRQPOLL		0x00001000
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_SUSPEND		0x00004000
#define IRQF_FORCE_RESUME	0x00008000
#define IRQF_NO_THREAD		0x00010000
#define IRQF_EARLY_RESUME	0x00020000
#define IRQF_COND_SUSPEND	0x00040000
#define IRQF_NO_AUTOEN		0x00080000
#define IRQF_NO_DEBUG		0x00100000
#define IRQF_TIMER		(__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev_id);

static inline int __must_check request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
					   const char *name, void *dev_id)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev_id);
}

int request_any_context_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
			    void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);

struct device;
int __must_check devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
					   irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
					   void *dev_id);
static inline int __must_check devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
						unsigned long irqflags, const char *devname, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, NULL, irqflags, devname, dev_id);
}
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);

void disable_irq_nosync(unsigned int irq);
bool disable_hardirq(unsigned int irq);
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);

/* Apus delivers each interrupt to one CPU it chooses; affinity requests are accepted and change nothing. */
int irq_set_affinity_hint(unsigned int irq, const struct cpumask *m);
static inline int irq_update_affinity_hint(unsigned int irq, const struct cpumask *m)
{
	return irq_set_affinity_hint(irq, m);
}
static inline int irq_set_affinity_and_hint(unsigned int irq, const struct cpumask *m)
{
	return irq_set_affinity_hint(irq, m);
}
static inline int irq_set_affinity(unsigned int irq, const struct cpumask *m) { return 0; }
static inline int irq_set_irq_wake(unsigned int irq, unsigned int on) { return 0; }
static inline int enable_irq_wake(unsigned int irq) { return 0; }
static inline int disable_irq_wake(unsigned int irq) { return 0; }

/* Spreading of vectors over CPUs (pci_alloc_irq_vectors_affinity): accepted, Apus spreads MSI-X itself. */
#define IRQ_AFFINITY_MAX_SETS 4
struct irq_affinity {
	unsigned int pre_vectors;
	unsigned int post_vectors;
	unsigned int nr_sets;
	unsigned int set_size[IRQ_AFFINITY_MAX_SETS];
	void (*calc_sets)(struct irq_affinity *, unsigned int nvecs);
	void *priv;
};

/* ---- tasklets ---- */

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

#define DECLARE_TASKLET(name, _callback) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .callback = _callback, .use_callback = true }
#define DECLARE_TASKLET_DISABLED(name, _callback) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), .callback = _callback, .use_callback = true }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, typeof(*var), tasklet_fieldname)
#define DECLARE_TASKLET_OLD(name, _func) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .func = _func }

enum {
	TASKLET_STATE_SCHED,	/* scheduled, not yet started */
	TASKLET_STATE_RUN	/* running */
};

void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

static inline int tasklet_trylock(struct tasklet_struct *t)
{
	return !test_and_set_bit(TASKLET_STATE_RUN, &t->state);
}

void tasklet_unlock(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);
void tasklet_disable_nosync(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));

static inline void tasklet_disable_in_atomic(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
}

#endif
