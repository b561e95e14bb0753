/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * preempt_count and the contexts it encodes, with Linux's layout: bits 0-7 preemption disabled (spinlocks,
 * RCU readers), 8-15 softirq (bottom halves disabled or serving), 16-19 hardirq, 20-23 NMI. The count lives
 * per CPU at %gs:24 (struct cpu_local, Sources/KernelSupport/include/cpu_tables.h); Apus threads never
 * migrate and never switch while it is non-zero, so per CPU is per thread. The Swift scheduler reads it:
 * it does not preempt while it is non-zero but sets %gs:28 (need_resched), which preempt_enable() acts on.
 * Interrupt dispatch adds HARDIRQ_OFFSET around every handler.
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/types.h>

#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 4

#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)
#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET
#define PREEMPT_LOCK_OFFSET PREEMPT_DISABLE_OFFSET
#define SOFTIRQ_LOCK_OFFSET (SOFTIRQ_DISABLE_OFFSET + PREEMPT_LOCK_OFFSET)

static __always_inline int preempt_count(void)
{
	unsigned int count;
	__asm__ __volatile__("movl %%gs:24, %0" : "=r"(count));
	return (int)count;
}

static __always_inline void __preempt_count_add(int value)
{
	__asm__ __volatile__("addl %0, %%gs:24" : : "ri"(value) : "memory");
}

static __always_inline void __preempt_count_sub(int value)
{
	__asm__ __volatile__("subl %0, %%gs:24" : : "ri"(value) : "memory");
}

/* Whether the scheduler held back a preemption of this CPU while the count was up. */
static __always_inline bool should_resched(int preempt_offset)
{
	unsigned int flag;
	__asm__ __volatile__("movl %%gs:28, %0" : "=r"(flag));
	return unlikely(flag != 0 && preempt_count() == preempt_offset);
}

#define preempt_count_add(val) __preempt_count_add(val)
#define preempt_count_sub(val) __preempt_count_sub(val)
#define preempt_count_inc() preempt_count_add(1)
#define preempt_count_dec() preempt_count_sub(1)

#define nmi_count() (preempt_count() & NMI_MASK)
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))

#define in_nmi() (nmi_count())
#define in_hardirq() (hardirq_count())
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
#define in_task() (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
#define in_irq() (hardirq_count())
#define in_softirq() (softirq_count())
#define in_interrupt() (irq_count())
#define in_atomic() (preempt_count() != 0)
#define in_atomic_preempt_off() (preempt_count() != PREEMPT_DISABLE_OFFSET)

/* Switches away if a preemption was held back; out of line (sched.c). */
void preempt_schedule(void);
void preempt_schedule_notrace(void);

#define preempt_disable()							\
	do {									\
		preempt_count_inc();						\
		barrier();							\
	} while (0)
#define sched_preempt_enable_no_resched()					\
	do {									\
		barrier();							\
		preempt_count_dec();						\
	} while (0)
#define preempt_enable_no_resched() sched_preempt_enable_no_resched()
#define preempt_enable()							\
	do {									\
		barrier();							\
		preempt_count_dec();						\
		if (unlikely(should_resched(0)))				\
			preempt_schedule();					\
	} while (0)
#define preempt_check_resched()							\
	do {									\
		if (should_resched(0))						\
			preempt_schedule();					\
	} while (0)
#define preempt_disable_notrace() preempt_disable()
#define preempt_enable_notrace() preempt_enable()
#define preempt_enable_no_resched_notrace() preempt_enable_no_resched()
#define preemptible() (preempt_count() == 0 && !irqs_disabled())

/*
 * Linux declares these in linux/kernel.h; LinuxKPI keeps them with preempt_count, which they check
 * (sched.c: __might_resched warns, rate-limited, when a sleeping function is called in atomic context).
 */
void __might_resched(const char *file, int line, unsigned int offsets);
void __might_sleep(const char *file, int line);
void __cant_sleep(const char *file, int line, int preempt_offset);
#ifndef might_sleep
#define might_resched() do { } while (0)
#define might_sleep() do { __might_sleep(__FILE__, __LINE__); } while (0)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)
#define cant_sleep() do { __cant_sleep(__FILE__, __LINE__, 0); } while (0)
#define cant_migrate() do { } while (0)
#define sched_annotate_sleep() do { } while (0)
#define non_block_start() do { } while (0)
#define non_block_end() do { } while (0)
#endif

#define migrate_disable() preempt_disable()
#define migrate_enable() preempt_enable()

#endif
