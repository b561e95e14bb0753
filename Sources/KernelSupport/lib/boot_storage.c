// SPDX-License-Identifier: GPL-2.0-only
/* Statically allocated storage needed before the heap: per-CPU tables, the IDT, boot exception stacks, early arena. */
#include "cpu_tables.h"
#include "early_arena.h"

struct cpu_local cpu_locals[MAX_CPUS];
struct idt_gate cpu_idt[256] __attribute__((aligned(16)));
uint8_t cpu_boot_exception_stacks[3][EXCEPTION_STACK_SIZE] __attribute__((aligned(16)));
uint8_t early_arena[EARLY_ARENA_SIZE] __attribute__((aligned(4096)));

_Static_assert(sizeof(struct task_state_segment) == 104, "TSS layout");
_Static_assert(sizeof(struct idt_gate) == 16, "IDT gate layout");
