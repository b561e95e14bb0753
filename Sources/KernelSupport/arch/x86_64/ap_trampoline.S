/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Application-processor start-up code. The boot CPU copies [ap_trampoline_start, ap_trampoline_end) to a
 * page below 1 MiB, fills in the parameter block at its end, and sends INIT-SIPI-SIPI with that page's
 * number as the vector. The AP starts in real mode at page:0, switches to protected mode, enables PAE,
 * long mode and paging with the kernel's page tables, and jumps to apus_ap_entry(index) on its stack.
 * Every address below is the copy's: TRAMPOLINE_BASE (patched in the parameter block) + offset.
 */
#include "ap_trampoline.h"
#include "layout.h"

#define OFFSET(label) ((label) - ap_trampoline_start)
#define PARAM(field) (OFFSET(parameters) + (field))

	.section .rodata
	.balign 16
	.globl ap_trampoline_start, ap_trampoline_end
ap_trampoline_start:
	.code16
	cli
	cld
	/* CS = base >> 4, IP = 0: address the block through CS-relative data, then go flat. */
	movw %cs, %ax
	movw %ax, %ds
	movl $OFFSET(gdt_pointer), %ebx
	/* The GDT pointer's base was patched to the copy's physical address. */
	lgdtl (%bx)
	movl %cr0, %eax
	orl  $1, %eax
	movl %eax, %cr0
	/* Far jump to 32-bit code: the target is patched in (base + OFFSET(protected_mode)). */
	.byte 0x66, 0xea
jump32_target:
	.long 0
	.word 0x08

	.code32
protected_mode:
	movw $0x18, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	/* ebx = the copy's base (patched into the immediate below). */
	movl $0, %ebx
base_patch:
	movl %cr4, %eax
	orl  $((1 << 5) | (1 << 9) | (1 << 10)), %eax    /* PAE, OSFXSR, OSXMMEXCPT */
	movl %eax, %cr4
	movl PARAM(AP_PARAM_CR3)(%ebx), %eax
	movl %eax, %cr3
	movl $0xc0000080, %ecx                            /* EFER */
	rdmsr
	orl  $(1 << 8), %eax                              /* LME */
	orl  PARAM(AP_PARAM_EFER_EXTRA)(%ebx), %eax              /* NXE when the CPU has NX */
	wrmsr
	movl %cr0, %eax
	andl $~(1 << 2), %eax                             /* no x87 emulation */
	orl  $((1 << 31) | (1 << 16) | (1 << 1)), %eax    /* PG, WP, MP */
	movl %eax, %cr0
	/* Far jump to 64-bit code (no stack yet, so no lret): the target is patched in. */
	.byte 0xea
jump64_target:
	.long 0
	.word 0x10

	.code64
long_mode:
	movw $0x18, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movq PARAM(AP_PARAM_STACK)(%rbx), %rsp
	movq PARAM(AP_PARAM_INDEX)(%rbx), %rdi
	movq PARAM(AP_PARAM_ENTRY)(%rbx), %rax
	/* Tell the boot CPU the copy is free again, through the direct map (the copy is mapped read-only). */
	movabsq $DIRECT_MAP_BASE, %rcx
	addq %rbx, %rcx
	movq $1, PARAM(AP_PARAM_STARTED)(%rcx)
	xorl %ebp, %ebp
	pushq $0
	jmp  *%rax

	.balign 8
gdt:
	.quad 0
	.quad 0x00cf9a000000ffff    /* 0x08: 32-bit code */
	.quad 0x00af9a000000ffff    /* 0x10: 64-bit code */
	.quad 0x00cf92000000ffff    /* 0x18: data */
gdt_pointer:
	.word gdt_pointer - gdt - 1
	.long 0                     /* patched: base + OFFSET(gdt) */

	.balign 8
parameters:
	.skip AP_PARAM_SIZE
ap_trampoline_end:

	/* Offsets the boot CPU patches, exported for ap_trampoline.h's accessors. */
	.globl ap_trampoline_jump32_offset, ap_trampoline_jump64_offset, ap_trampoline_long_mode_offset
	.globl ap_trampoline_base_patch_offset, ap_trampoline_gdt_offset
	.globl ap_trampoline_gdt_pointer_offset, ap_trampoline_protected_mode_offset, ap_trampoline_parameters_offset
	.balign 8
ap_trampoline_jump32_offset:          .quad OFFSET(jump32_target)
ap_trampoline_jump64_offset:          .quad OFFSET(jump64_target)
ap_trampoline_long_mode_offset:       .quad OFFSET(long_mode)
ap_trampoline_base_patch_offset:      .quad OFFSET(base_patch) - 4
ap_trampoline_gdt_offset:             .quad OFFSET(gdt)
ap_trampoline_gdt_pointer_offset:     .quad OFFSET(gdt_pointer)
ap_trampoline_protected_mode_offset:  .quad OFFSET(protected_mode)
ap_trampoline_parameters_offset:      .quad OFFSET(parameters)
