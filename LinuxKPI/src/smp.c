// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cross-CPU function calls over the Swift core's call-function IPI (linux/smp.h). The calls always wait
 * for every target, also when the caller did not ask to (stronger than Linux, never weaker).
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <apus/bridge.h>

static u64 mask_bits(const struct cpumask *mask)
{
	return (u64)mask->bits[0];
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	if ((unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	WARN_ON_ONCE(irqs_disabled() && cpu != raw_smp_processor_id());
	apus_smp_call(1ULL << cpu, func, info);
	return 0;
}
EXPORT_SYMBOL(smp_call_function_single);

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info, bool wait)
{
	u64 targets = mask_bits(mask) & mask_bits(cpu_online_mask) & ~(1ULL << raw_smp_processor_id());

	WARN_ON_ONCE(irqs_disabled() && targets);
	if (targets)
		apus_smp_call(targets, func, info);
}
EXPORT_SYMBOL(smp_call_function_many);

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	smp_call_function_many(cpu_online_mask, func, info, wait);
}
EXPORT_SYMBOL(smp_call_function);

void on_each_cpu_cond_mask(smp_cond_func_t cond_func, smp_call_func_t func, void *info, bool wait,
			   const struct cpumask *mask)
{
	u64 targets = 0;
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		if (cpu_online(cpu) && (!cond_func || cond_func(cpu, info)))
			targets |= 1ULL << cpu;
	if (targets)
		apus_smp_call(targets, func, info);
}
EXPORT_SYMBOL(on_each_cpu_cond_mask);
