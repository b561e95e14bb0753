/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiboot2 header and 32-bit entry: checks for long mode, maps the first 4 GiB twice (identity and at
 * the direct-map base) with 2 MiB pages, enables PAE, long mode, NX and SSE, and calls apus_main in
 * 64-bit mode on the boot stack.
 */
#include "layout.h"

#define MB2_MAGIC        0xe85250d6
#define MB2_ARCH_I386    0
#define MB2_BOOT_MAGIC   0x36d76289

#define CR0_PE   (1 << 0)
#define CR0_MP   (1 << 1)
#define CR0_EM   (1 << 2)
#define CR0_WP   (1 << 16)
#define CR0_PG   (1 << 31)
#define CR4_PAE  (1 << 5)
#define CR4_OSFXSR (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)
#define PTE_P    1
#define PTE_W    2
#define PTE_PS   0x80

#define COM1     0x3f8

	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long MB2_MAGIC
	.long MB2_ARCH_I386
	.long mb2_header_end - mb2_header
	.long -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* Framebuffer tag (optional: GRUB may keep text mode) asking for any linear framebuffer. */
	.balign 8
	.short 5, 1
	.long 20
	.long 0, 0, 32
	/* End tag. */
	.balign 8
	.short 0, 0
	.long 8
mb2_header_end:

	.section .boot.text, "ax"
	.code32
	.globl apus_entry32
apus_entry32:
	cli
	cld
	movl $boot_stack_top, %esp
	movl %eax, boot_magic
	movl %ebx, boot_info

	cmpl $MB2_BOOT_MAGIC, %eax
	jne  1f
	/* Long mode present? CPUID 0x80000001 EDX bit 29. */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb   2f
	movl $0x80000001, %eax
	cpuid
	testl $(1 << 29), %edx
	jz   2f
	movl %edx, boot_ext_features

	/* PML4[0] and PML4[DIRECT_MAP_SLOT] -> one PDPT whose first four entries map 0..4 GiB. */
	movl $boot_pdpt, %eax
	orl  $(PTE_P | PTE_W), %eax
	movl %eax, boot_pml4
	movl %eax, boot_pml4 + 8 * BOOT_DIRECT_MAP_PML4_SLOT
	movl $boot_pd, %eax
	orl  $(PTE_P | PTE_W), %eax
	movl $boot_pdpt, %edi
	movl $4, %ecx
3:	movl %eax, (%edi)
	addl $4096, %eax
	addl $8, %edi
	loop 3b
	/* 2048 PD entries of 2 MiB each. */
	movl $boot_pd, %edi
	movl $(PTE_P | PTE_W | PTE_PS), %eax
	xorl %edx, %edx
	movl $2048, %ecx
4:	movl %eax, (%edi)
	movl %edx, 4(%edi)
	addl $0x200000, %eax
	adcl $0, %edx
	addl $8, %edi
	loop 4b

	movl $boot_pml4, %eax
	movl %eax, %cr3
	movl %cr4, %eax
	orl  $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
	movl %eax, %cr4
	movl $MSR_EFER, %ecx
	rdmsr
	orl  $EFER_LME, %eax
	testl $(1 << 20), boot_ext_features     /* NX supported? */
	jz   5f
	orl  $EFER_NXE, %eax
5:	wrmsr
	movl %cr0, %eax
	andl $~CR0_EM, %eax
	orl  $(CR0_PE | CR0_MP | CR0_WP | CR0_PG), %eax
	movl %eax, %cr0
	lgdt boot_gdt_pointer
	ljmp $0x08, $apus_entry64

1:	movl $msg_not_multiboot2, %esi
	jmp  boot_fail
2:	movl $msg_no_long_mode, %esi
boot_fail:
	/* Print a NUL-terminated message on COM1 (polled) and halt. */
	movw $(COM1 + 5), %dx
6:	inb  %dx, %al
	testb $0x20, %al
	jz   6b
	movb (%esi), %al
	testb %al, %al
	jz   7f
	movw $COM1, %dx
	outb %al, %dx
	incl %esi
	movw $(COM1 + 5), %dx
	jmp  6b
7:	hlt
	jmp  7b

	.code64
apus_entry64:
	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	xorw %ax, %ax
	movw %ax, %fs
	movw %ax, %gs
	movq $boot_stack_top, %rsp
	xorl %ebp, %ebp
	movl boot_magic, %edi
	movl boot_info, %esi
	call apus_main
8:	cli
	hlt
	jmp  8b

	.section .boot.rodata, "a"
msg_not_multiboot2:
	.asciz "apus: not started by a Multiboot2 loader; halting\r\n"
msg_no_long_mode:
	.asciz "apus: this CPU has no 64-bit long mode; halting\r\n"
	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff    /* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff    /* 0x10: data */
boot_gdt_pointer:
	.short boot_gdt_pointer - boot_gdt - 1
	.long boot_gdt

	.section .boot.bss, "aw", @nobits
	.balign 4096
boot_pml4:	.skip 4096
boot_pdpt:	.skip 4096
boot_pd:	.skip 4096 * 4
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip BOOT_STACK_SIZE
boot_stack_top:
boot_magic:	.long 0
boot_info:	.long 0
boot_ext_features: .long 0
