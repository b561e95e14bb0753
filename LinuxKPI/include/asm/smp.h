/* SPDX-License-Identifier: GPL-2.0-only */
/* This CPU's number: Apus keeps it at %gs:8 (struct cpu_local, Sources/KernelSupport/include/cpu_tables.h). */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

static __always_inline int raw_smp_processor_id(void)
{
	unsigned long cpu;
	__asm__ __volatile__("movq %%gs:8, %0" : "=r"(cpu));
	return (int)cpu;
}

#endif
