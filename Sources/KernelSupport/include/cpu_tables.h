/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU storage (descriptor tables, TSS, the data %gs points at) and the shared IDT, filled in by Swift. */
#ifndef APUS_CPU_TABLES_H
#define APUS_CPU_TABLES_H

#include <stdint.h>

#pragma clang diagnostic ignored "-Wnullability-completeness"

struct __attribute__((packed)) task_state_segment {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
};

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type_attributes;
	uint16_t offset_middle;
	uint32_t offset_high;
	uint32_t reserved;
};

#define GDT_ENTRIES 8
#define MAX_CPUS 64
#define EXCEPTION_STACK_SIZE 16384
/* Interrupt stack table slots (1-based, as the IDT gate's ist field counts them). */
#define IST_DOUBLE_FAULT 1
#define IST_NMI 2
#define IST_MACHINE_CHECK 3

/* What each CPU reaches through its GS base. The first fields are read by offset from %gs. */
struct cpu_local {
	struct cpu_local *self;         /* %gs:0 */
	uint64_t index;                 /* %gs:8: 0 for the boot CPU, then in start-up order */
	uint64_t apic_id;               /* %gs:16 */
	uint32_t preempt_count;         /* %gs:24: Linux's preempt_count (LinuxKPI's asm/preempt.h reads it there) */
	uint32_t need_resched;          /* %gs:28: a preemption was due while preempt_count was not 0 */
	uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(16)));
	struct task_state_segment tss __attribute__((aligned(16)));
};

extern struct cpu_local cpu_locals[MAX_CPUS];
extern struct idt_gate cpu_idt[256];
extern uint8_t cpu_boot_exception_stacks[3][EXCEPTION_STACK_SIZE];

/* Accessors for Swift, which cannot name mutable C globals in its strict concurrency mode. */
static inline struct cpu_local *_Nonnull cpu_local_slot(unsigned index) { return &cpu_locals[index]; }
static inline struct idt_gate *_Nonnull cpu_idt_gates(void) { return cpu_idt; }
static inline uint64_t cpu_local_tss_address(unsigned index) { return (uint64_t)&cpu_locals[index].tss; }
static inline uint64_t *_Nonnull cpu_local_gdt(unsigned index) { return cpu_locals[index].gdt; }
/* The top of the boot CPU's exception stack `slot` (0-based; IST slot numbers are slot + 1). */
static inline uint64_t cpu_boot_exception_stack_top(unsigned slot)
{
	return (uint64_t)&cpu_boot_exception_stacks[slot][EXCEPTION_STACK_SIZE];
}
/* This CPU's index (its GS base must be set: cpu_set_local). */
static inline uint64_t cpu_current_index(void)
{
	uint64_t index;
	__asm__ volatile("movq %%gs:8, %0" : "=r"(index));
	return index;
}
/* This CPU's preempt_count: non-zero while a LinuxKPI spinlock, RCU reader or preempt_disable section runs,
 * plus HARDIRQ_OFFSET (1 << 16) inside interrupt handlers. The scheduler never preempts while it is not 0. */
static inline uint32_t cpu_preempt_count(void)
{
	uint32_t count;
	__asm__ volatile("movl %%gs:24, %0" : "=r"(count));
	return count;
}
static inline void cpu_preempt_count_add(int32_t delta) { __asm__ volatile("addl %0, %%gs:24" : : "ri"(delta) : "memory"); }
static inline uint32_t cpu_need_resched(void)
{
	uint32_t flag;
	__asm__ volatile("movl %%gs:28, %0" : "=r"(flag));
	return flag;
}
static inline void cpu_set_need_resched(uint32_t flag) { __asm__ volatile("movl %0, %%gs:28" : : "ri"(flag) : "memory"); }
/* Points this CPU's GS base at its cpu_local slot. */
static inline void cpu_set_local(unsigned index)
{
	uint64_t base = (uint64_t)&cpu_locals[index];
	cpu_locals[index].self = &cpu_locals[index];
	cpu_locals[index].index = index;
	__asm__ volatile("wrmsr" : : "c"(0xC0000101u), "a"((uint32_t)base), "d"((uint32_t)(base >> 32)) : "memory");
}

#endif
