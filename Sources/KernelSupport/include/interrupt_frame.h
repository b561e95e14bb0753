/* SPDX-License-Identifier: GPL-2.0-only */
/* The register frame the interrupt entry stubs save, as Swift's interrupt dispatcher reads it. */
#ifndef APUS_INTERRUPT_FRAME_H
#define APUS_INTERRUPT_FRAME_H

/* The 256 entry stubs (interrupt_entry.S), in vector order, each INTERRUPT_STUB_SIZE bytes apart. */
#define INTERRUPT_STUB_SIZE 16

#ifndef __ASSEMBLER__
#include <stdint.h>

struct interrupt_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	/* Pushed by the CPU. */
	uint64_t rip, cs, rflags, rsp, ss;
};

extern const char apus_interrupt_stubs[];
static inline uint64_t interrupt_stub_address(unsigned vector)
{
	return (uint64_t)apus_interrupt_stubs + (uint64_t)vector * INTERRUPT_STUB_SIZE;
}
#endif /* __ASSEMBLER__ */

#endif
