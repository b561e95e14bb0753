/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupt and exception entry: one 16-byte stub per vector pushes a uniform frame (struct
 * interrupt_frame), the common path saves the SSE state with fxsave (Swift uses SSE registers) and calls
 * apus_interrupt_dispatch(frame), then restores everything and returns with iretq.
 */
#include "interrupt_frame.h"

	.section .text
	.balign 16
	.globl apus_interrupt_stubs
apus_interrupt_stubs:
	.set vector, 0
	.rept 256
	.balign INTERRUPT_STUB_SIZE
	.if (vector == 8) || (vector >= 10 && vector <= 14) || (vector == 17) || (vector == 21) || (vector == 29) || (vector == 30)
	/* The CPU pushed an error code. */
	.else
	pushq $0
	.endif
	pushq $vector
	jmp  interrupt_common
	.set vector, vector + 1
	.endr

interrupt_common:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, %rdi
	movq %rsp, %r12
	andq $-16, %rsp
	subq $512, %rsp
	fxsave64 (%rsp)
	cld
	call apus_interrupt_dispatch
	fxrstor64 (%rsp)
	movq %r12, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp
	iretq
