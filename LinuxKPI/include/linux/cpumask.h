/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPU masks: a bitmap of NR_CPUS bits. cpu_online_mask, cpu_possible_mask and cpu_present_mask are filled
 * once every CPU is online (LinuxKPI/src/cpumask.c); Apus has no CPU hotplug, so the three are equal and
 * never change afterwards.
 */
#ifndef __LINUX_CPUMASK_H
#define __LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/threads.h>
#include <linux/bits.h>

#define __CPUMASK_LONGS ((NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG)

typedef struct cpumask {
	unsigned long bits[__CPUMASK_LONGS];
} cpumask_t;

typedef struct cpumask cpumask_var_t[1];

extern unsigned int nr_cpu_ids;
extern struct cpumask __cpu_possible_mask;
extern struct cpumask __cpu_online_mask;
extern struct cpumask __cpu_present_mask;
extern struct cpumask __cpu_active_mask;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)
#define cpu_present_mask ((const struct cpumask *)&__cpu_present_mask)
#define cpu_active_mask ((const struct cpumask *)&__cpu_active_mask)

#define nr_cpumask_bits ((unsigned int)NR_CPUS)
#define cpumask_bits(maskp) ((maskp)->bits)
#define cpumask_pr_args(maskp) nr_cpu_ids, cpumask_bits(maskp)

static inline unsigned int cpumask_check(unsigned int cpu) { return cpu; }

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *mask)
{
	if ((unsigned int)cpu >= NR_CPUS)
		return false;
	return (mask->bits[cpu / BITS_PER_LONG] >> (cpu % BITS_PER_LONG)) & 1;
}

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	if (cpu < NR_CPUS)
		__atomic_fetch_or(&mask->bits[cpu / BITS_PER_LONG], 1UL << (cpu % BITS_PER_LONG), __ATOMIC_RELAXED);
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *mask)
{
	if ((unsigned int)cpu < NR_CPUS)
		__atomic_fetch_and(&mask->bits[cpu / BITS_PER_LONG], ~(1UL << (cpu % BITS_PER_LONG)), __ATOMIC_RELAXED);
}

static inline void __cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	if (cpu < NR_CPUS)
		mask->bits[cpu / BITS_PER_LONG] |= 1UL << (cpu % BITS_PER_LONG);
}

static inline void __cpumask_clear_cpu(int cpu, struct cpumask *mask)
{
	if ((unsigned int)cpu < NR_CPUS)
		mask->bits[cpu / BITS_PER_LONG] &= ~(1UL << (cpu % BITS_PER_LONG));
}

static inline bool cpumask_test_and_set_cpu(int cpu, struct cpumask *mask)
{
	unsigned long bit = 1UL << (cpu % BITS_PER_LONG);
	if ((unsigned int)cpu >= NR_CPUS)
		return false;
	return __atomic_fetch_or(&mask->bits[cpu / BITS_PER_LONG], bit, __ATOMIC_SEQ_CST) & bit;
}

static inline bool cpumask_test_and_clear_cpu(int cpu, struct cpumask *mask)
{
	unsigned long bit = 1UL << (cpu % BITS_PER_LONG);
	if ((unsigned int)cpu >= NR_CPUS)
		return false;
	return __atomic_fetch_and(&mask->bits[cpu / BITS_PER_LONG], ~bit, __ATOMIC_SEQ_CST) & bit;
}

/* The first set CPU after `n` (-1: from the start), or nr_cpu_ids when there is none. */
static inline unsigned int cpumask_next(int n, const struct cpumask *mask)
{
	unsigned int cpu;
	for (cpu = (unsigned int)(n + 1); cpu < nr_cpu_ids && cpu < NR_CPUS; cpu++) {
		unsigned long word = mask->bits[cpu / BITS_PER_LONG] >> (cpu % BITS_PER_LONG);
		if (!word) {
			cpu |= BITS_PER_LONG - 1;
			continue;
		}
		cpu += __builtin_ctzl(word);
		return cpu < nr_cpu_ids ? cpu : nr_cpu_ids;
	}
	return nr_cpu_ids;
}

static inline unsigned int cpumask_first(const struct cpumask *mask) { return cpumask_next(-1, mask); }

static inline unsigned int cpumask_next_zero(int n, const struct cpumask *mask)
{
	unsigned int cpu;
	for (cpu = (unsigned int)(n + 1); cpu < nr_cpu_ids; cpu++)
		if (!cpumask_test_cpu(cpu, mask))
			return cpu;
	return nr_cpu_ids;
}

static inline unsigned int cpumask_first_zero(const struct cpumask *mask) { return cpumask_next_zero(-1, mask); }

static inline unsigned int cpumask_last(const struct cpumask *mask)
{
	unsigned int cpu, last = nr_cpu_ids;
	for (cpu = cpumask_first(mask); cpu < nr_cpu_ids; cpu = cpumask_next(cpu, mask))
		last = cpu;
	return last;
}

static inline unsigned int cpumask_next_wrap(int n, const struct cpumask *mask, int start, bool wrap)
{
	unsigned int next = cpumask_next(n, mask);
	if (next >= nr_cpu_ids)
		next = cpumask_first(mask);
	return next;
}

#define for_each_cpu(cpu, mask)							\
	for ((cpu) = -1; (cpu) = cpumask_next((cpu), (mask)), (cpu) < nr_cpu_ids;)
#define for_each_cpu_not(cpu, mask)						\
	for ((cpu) = -1; (cpu) = cpumask_next_zero((cpu), (mask)), (cpu) < nr_cpu_ids;)
#define for_each_cpu_and(cpu, mask1, mask2)					\
	for ((cpu) = -1; (cpu) = cpumask_next((cpu), (mask1)), (cpu) < nr_cpu_ids;) \
		if (cpumask_test_cpu((cpu), (mask2)))
#define for_each_possible_cpu(cpu) for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu((cpu), cpu_online_mask)
#define for_each_present_cpu(cpu) for_each_cpu((cpu), cpu_present_mask)

static inline void cpumask_setall(struct cpumask *mask)
{
	unsigned int i;
	for (i = 0; i < __CPUMASK_LONGS; i++)
		mask->bits[i] = ~0UL;
}

static inline void cpumask_clear(struct cpumask *mask)
{
	unsigned int i;
	for (i = 0; i < __CPUMASK_LONGS; i++)
		mask->bits[i] = 0;
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src) { *dst = *src; }

#define __CPUMASK_BINOP(name, op)						\
	static inline bool cpumask_##name(struct cpumask *dst, const struct cpumask *a, const struct cpumask *b) \
	{									\
		unsigned long any = 0;						\
		unsigned int i;							\
		for (i = 0; i < __CPUMASK_LONGS; i++)				\
			any |= dst->bits[i] = a->bits[i] op b->bits[i];		\
		return any != 0;						\
	}
__CPUMASK_BINOP(and, &)
__CPUMASK_BINOP(or, |)
__CPUMASK_BINOP(xor, ^)
__CPUMASK_BINOP(andnot, & ~)
#undef __CPUMASK_BINOP

static inline void cpumask_complement(struct cpumask *dst, const struct cpumask *src)
{
	unsigned int i;
	for (i = 0; i < __CPUMASK_LONGS; i++)
		dst->bits[i] = ~src->bits[i];
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	unsigned int i, weight = 0;
	for (i = 0; i < __CPUMASK_LONGS; i++)
		weight += __builtin_popcountl(mask->bits[i]);
	return weight;
}

static inline bool cpumask_empty(const struct cpumask *mask) { return cpumask_weight(mask) == 0; }
static inline bool cpumask_full(const struct cpumask *mask) { return cpumask_weight(mask) >= nr_cpu_ids; }

static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	unsigned int i;
	for (i = 0; i < __CPUMASK_LONGS; i++)
		if (a->bits[i] != b->bits[i])
			return false;
	return true;
}

static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{
	unsigned int i;
	for (i = 0; i < __CPUMASK_LONGS; i++)
		if (a->bits[i] & b->bits[i])
			return true;
	return false;
}

static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b)
{
	unsigned int i;
	for (i = 0; i < __CPUMASK_LONGS; i++)
		if (a->bits[i] & ~b->bits[i])
			return false;
	return true;
}

static inline unsigned int cpumask_any_but(const struct cpumask *mask, unsigned int cpu)
{
	unsigned int i;
	for_each_cpu(i, mask)
		if (i != cpu)
			return i;
	return nr_cpu_ids;
}
#define cpumask_any(mask) cpumask_first(mask)
#define cpumask_any_and(a, b) cpumask_first_and(a, b)

static inline unsigned int cpumask_first_and(const struct cpumask *a, const struct cpumask *b)
{
	unsigned int cpu;
	for_each_cpu_and(cpu, a, b)
		return cpu;
	return nr_cpu_ids;
}

/* A mask with only `cpu` set (cpumask.c keeps one per CPU). */
const struct cpumask *cpumask_of(unsigned int cpu);
/* The i-th online CPU, wrapping (no NUMA: `node` is ignored). */
unsigned int cpumask_local_spread(unsigned int i, int node);

/* cpumask_var_t is the mask itself (no CPUMASK_OFFSTACK): allocation cannot fail. */
static inline bool alloc_cpumask_var(cpumask_var_t *mask, gfp_t flags) { return true; }
static inline bool zalloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{
	cpumask_clear(*mask);
	return true;
}
static inline bool alloc_cpumask_var_node(cpumask_var_t *mask, gfp_t flags, int node) { return true; }
static inline bool zalloc_cpumask_var_node(cpumask_var_t *mask, gfp_t flags, int node)
{
	return zalloc_cpumask_var(mask, flags);
}
static inline void free_cpumask_var(cpumask_var_t mask) { }
static inline void free_bootmem_cpumask_var(cpumask_var_t mask) { }
static inline bool cpumask_available(cpumask_var_t mask) { return true; }

#define num_online_cpus() cpumask_weight(cpu_online_mask)
#define num_possible_cpus() cpumask_weight(cpu_possible_mask)
#define num_present_cpus() cpumask_weight(cpu_present_mask)
#define num_active_cpus() cpumask_weight(cpu_active_mask)
#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu) cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_present(cpu) cpumask_test_cpu((cpu), cpu_present_mask)
#define cpu_active(cpu) cpumask_test_cpu((cpu), cpu_active_mask)
#define cpu_is_offline(cpu) unlikely(!cpu_online(cpu))

#define CPU_BITS_ALL { [0 ... __CPUMASK_LONGS - 1] = ~0UL }
#define CPU_MASK_ALL ((cpumask_t){ CPU_BITS_ALL })
#define CPU_MASK_NONE ((cpumask_t){ { [0 ... __CPUMASK_LONGS - 1] = 0UL } })
#define CPU_MASK_CPU0 ((cpumask_t){ { [0] = 1UL } })

#endif
