/* SPDX-License-Identifier: GPL-2.0-only */
/* Storage for the boot CPU's descriptor tables and exception stacks, filled in by Swift (arch/x86_64). */
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
#define EXCEPTION_STACK_SIZE 16384
/* Interrupt stack table slots (1-based, as the IDT gate's ist field counts them). */
#define IST_DOUBLE_FAULT 1
#define IST_NMI 2
#define IST_MACHINE_CHECK 3

extern uint64_t cpu_gdt[GDT_ENTRIES];
extern struct task_state_segment cpu_tss;
extern struct idt_gate cpu_idt[256];
extern uint8_t cpu_exception_stacks[3][EXCEPTION_STACK_SIZE];

/* Accessors for Swift, which cannot name mutable C globals in its strict concurrency mode. */
static inline uint64_t *_Nonnull cpu_gdt_entries(void) { return cpu_gdt; }
static inline struct task_state_segment *_Nonnull cpu_tss_pointer(void) { return &cpu_tss; }
static inline struct idt_gate *_Nonnull cpu_idt_gates(void) { return cpu_idt; }
/* The top of exception stack `slot` (0-based; IST slot numbers are slot + 1). */
static inline uint64_t cpu_exception_stack_top(unsigned slot)
{
	return (uint64_t)&cpu_exception_stacks[slot][EXCEPTION_STACK_SIZE];
}

#endif
