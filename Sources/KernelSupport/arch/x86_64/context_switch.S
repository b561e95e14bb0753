/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Thread switching. cpu_context_switch saves the callee-saved registers on the current stack, stores the
 * stack pointer through `save`, loads `next` and pops the next thread's registers; caller-saved registers
 * (SSE included) are dead across the call by the ABI, and interrupted contexts keep theirs on their own
 * stack (interrupt_entry.S). A new thread's stack is built to "return" into thread_start.
 */

	.section .text

	/* void cpu_context_switch(uint64_t *save, uint64_t next) */
	.globl cpu_context_switch
cpu_context_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

	/* First code of every new thread: align the stack and enter Swift, which never returns. */
	.globl thread_start
thread_start:
	xorl %ebp, %ebp
	andq $-16, %rsp
	call apus_thread_start
1:	cli
	hlt
	jmp 1b
