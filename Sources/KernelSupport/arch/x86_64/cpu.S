/* SPDX-License-Identifier: GPL-2.0-only */
/* Small CPU operations that need a whole function in assembly: segment reload, stack switch, halt. */

	.section .text

	/* void cpu_reload_segments(uint16_t code, uint16_t data) */
	.globl cpu_reload_segments
cpu_reload_segments:
	movw %si, %ds
	movw %si, %es
	movw %si, %ss
	popq %rax
	movzwq %di, %rdi
	pushq %rdi
	pushq %rax
	lretq

	/* _Noreturn void cpu_switch_stack(uint64_t stack_top, void (*entry)(uint64_t), uint64_t argument) */
	.globl cpu_switch_stack
cpu_switch_stack:
	movq %rdi, %rsp
	xorl %ebp, %ebp
	movq %rdx, %rdi
	pushq $0            /* a zero return address ends backtraces here */
	jmp  *%rsi

	.globl cpu_halt_forever
cpu_halt_forever:
	cli
1:	hlt
	jmp 1b
