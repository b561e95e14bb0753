/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sequence counters and sequential locks: a writer makes the count odd while it writes; readers retry when
 * the count was odd or changed across their read. seqlock_t adds a spinlock that serialises writers.
 */
#ifndef __LINUX_SEQLOCK_H
#define __LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <asm/processor.h>

typedef struct seqcount {
	unsigned sequence;
} seqcount_t;

#define SEQCNT_ZERO(name) { .sequence = 0 }
#define seqcount_init(s) do { (s)->sequence = 0; } while (0)
#define seqcount_LOCKNAME_init(s, lock) seqcount_init(s)
#define seqcount_spinlock_init(s, lock) seqcount_init(s)
#define seqcount_raw_spinlock_init(s, lock) seqcount_init(s)
#define seqcount_mutex_init(s, lock) seqcount_init(s)
typedef seqcount_t seqcount_spinlock_t;
typedef seqcount_t seqcount_raw_spinlock_t;
typedef seqcount_t seqcount_mutex_t;
typedef seqcount_t seqcount_latch_t;
#define SEQCNT_SPINLOCK_ZERO(name, lock) SEQCNT_ZERO(name)
#define SEQCNT_RAW_SPINLOCK_ZERO(name, lock) SEQCNT_ZERO(name)

static inline unsigned __read_seqcount_begin(const seqcount_t *s)
{
	unsigned seq;
	while ((seq = READ_ONCE(s->sequence)) & 1)
		cpu_relax();
	return seq;
}

static inline unsigned raw_read_seqcount_begin(const seqcount_t *s)
{
	unsigned seq = __read_seqcount_begin(s);
	smp_rmb();
	return seq;
}
#define read_seqcount_begin(s) raw_read_seqcount_begin(s)

static inline unsigned raw_read_seqcount(const seqcount_t *s)
{
	unsigned seq = READ_ONCE(s->sequence);
	smp_rmb();
	return seq;
}

static inline int __read_seqcount_retry(const seqcount_t *s, unsigned start)
{
	return unlikely(READ_ONCE(s->sequence) != start);
}

static inline int read_seqcount_retry(const seqcount_t *s, unsigned start)
{
	smp_rmb();
	return __read_seqcount_retry(s, start);
}
#define raw_read_seqcount_retry(s, start) read_seqcount_retry(s, start)

static inline void raw_write_seqcount_begin(seqcount_t *s)
{
	s->sequence++;
	smp_wmb();
}

static inline void raw_write_seqcount_end(seqcount_t *s)
{
	smp_wmb();
	s->sequence++;
}

static inline void write_seqcount_begin(seqcount_t *s)
{
	preempt_disable();
	raw_write_seqcount_begin(s);
}

static inline void write_seqcount_end(seqcount_t *s)
{
	raw_write_seqcount_end(s);
	preempt_enable();
}

static inline void write_seqcount_invalidate(seqcount_t *s)
{
	smp_wmb();
	s->sequence += 2;
}

typedef struct {
	seqcount_t seqcount;
	spinlock_t lock;
} seqlock_t;

#define __SEQLOCK_UNLOCKED(lockname) { .seqcount = SEQCNT_ZERO(lockname), .lock = __SPIN_LOCK_UNLOCKED(lockname) }
#define DEFINE_SEQLOCK(sl) seqlock_t sl = __SEQLOCK_UNLOCKED(sl)
#define seqlock_init(sl)							\
	do {									\
		seqcount_init(&(sl)->seqcount);					\
		spin_lock_init(&(sl)->lock);					\
	} while (0)

static inline unsigned read_seqbegin(const seqlock_t *sl) { return read_seqcount_begin(&sl->seqcount); }
static inline unsigned read_seqretry(const seqlock_t *sl, unsigned start) { return read_seqcount_retry(&sl->seqcount, start); }

static inline void write_seqlock(seqlock_t *sl)
{
	spin_lock(&sl->lock);
	raw_write_seqcount_begin(&sl->seqcount);
}

static inline void write_sequnlock(seqlock_t *sl)
{
	raw_write_seqcount_end(&sl->seqcount);
	spin_unlock(&sl->lock);
}

static inline void write_seqlock_bh(seqlock_t *sl)
{
	spin_lock_bh(&sl->lock);
	raw_write_seqcount_begin(&sl->seqcount);
}

static inline void write_sequnlock_bh(seqlock_t *sl)
{
	raw_write_seqcount_end(&sl->seqcount);
	spin_unlock_bh(&sl->lock);
}

static inline void write_seqlock_irq(seqlock_t *sl)
{
	spin_lock_irq(&sl->lock);
	raw_write_seqcount_begin(&sl->seqcount);
}

static inline void write_sequnlock_irq(seqlock_t *sl)
{
	raw_write_seqcount_end(&sl->seqcount);
	spin_unlock_irq(&sl->lock);
}

static inline unsigned long __write_seqlock_irqsave(seqlock_t *sl)
{
	unsigned long flags;
	spin_lock_irqsave(&sl->lock, flags);
	raw_write_seqcount_begin(&sl->seqcount);
	return flags;
}
#define write_seqlock_irqsave(lock, flags) do { flags = __write_seqlock_irqsave(lock); } while (0)

static inline void write_sequnlock_irqrestore(seqlock_t *sl, unsigned long flags)
{
	raw_write_seqcount_end(&sl->seqcount);
	spin_unlock_irqrestore(&sl->lock, flags);
}

static inline void read_seqlock_excl(seqlock_t *sl) { spin_lock(&sl->lock); }
static inline void read_sequnlock_excl(seqlock_t *sl) { spin_unlock(&sl->lock); }

#endif
