/* SPDX-License-Identifier: GPL-2.0-only */
/* Addresses the linker script defines (kernel.ld), reached from Swift through these accessors. */
#ifndef APUS_LINKER_SYMBOLS_H
#define APUS_LINKER_SYMBOLS_H

#include <stdint.h>

extern char __kernel_start[], __kernel_end[];
extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern char __data_start[], __data_end[], __symtab_start[], __symtab_end[];
extern char boot_stack_bottom[], boot_stack_top[];

static inline uint64_t linker_kernel_start(void) { return (uint64_t)__kernel_start; }
static inline uint64_t linker_kernel_end(void) { return (uint64_t)__kernel_end; }
static inline uint64_t linker_text_start(void) { return (uint64_t)__text_start; }
static inline uint64_t linker_text_end(void) { return (uint64_t)__text_end; }
static inline uint64_t linker_rodata_start(void) { return (uint64_t)__rodata_start; }
static inline uint64_t linker_rodata_end(void) { return (uint64_t)__rodata_end; }
static inline uint64_t linker_data_start(void) { return (uint64_t)__data_start; }
static inline uint64_t linker_data_end(void) { return (uint64_t)__data_end; }
static inline uint64_t linker_symtab_start(void) { return (uint64_t)__symtab_start; }
static inline uint64_t linker_symtab_end(void) { return (uint64_t)__symtab_end; }
static inline uint64_t boot_stack_bottom_address(void) { return (uint64_t)boot_stack_bottom; }
static inline uint64_t boot_stack_top_address(void) { return (uint64_t)boot_stack_top; }

#endif
