/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fault probes (fault_probe.h): the probe records where to resume and with which stack pointer; the
 * page-fault handler calls fault_probe_recover, which sends the faulting context there with rax = 1.
 */

	.section .text

	/* int fault_probe_write(uint64_t address, uint8_t value) */
	.globl fault_probe_write
fault_probe_write:
	leaq probe_write_recovered(%rip), %rax
	movq %rax, probe_recovery_rip(%rip)
	movq %rsp, probe_recovery_rsp(%rip)
	movb %sil, (%rdi)
	xorl %eax, %eax
probe_write_recovered:
	movq $0, probe_recovery_rip(%rip)
	ret

	/* int fault_probe_call(uint64_t address) */
	.globl fault_probe_call
fault_probe_call:
	pushq %rbp
	movq %rsp, %rbp
	leaq probe_call_recovered(%rip), %rax
	movq %rax, probe_recovery_rip(%rip)
	movq %rsp, probe_recovery_rsp(%rip)
	call *%rdi
	xorl %eax, %eax
probe_call_recovered:
	movq $0, probe_recovery_rip(%rip)
	popq %rbp
	ret

	/* int fault_probe_recover(struct interrupt_frame *frame) */
	.globl fault_probe_recover
fault_probe_recover:
	movq probe_recovery_rip(%rip), %rax
	testq %rax, %rax
	jz   1f
	movq %rax, 0x88(%rdi)            /* frame->rip */
	movq probe_recovery_rsp(%rip), %rax
	movq %rax, 0xa0(%rdi)            /* frame->rsp */
	movq $1, 0x70(%rdi)              /* frame->rax */
	movq $0, probe_recovery_rip(%rip)
	movl $1, %eax
	ret
1:	xorl %eax, %eax
	ret

	.section .bss
	.balign 8
probe_recovery_rip: .quad 0
probe_recovery_rsp: .quad 0
