/* SPDX-License-Identifier: GPL-2.0-only */
/* The application-processor start-up code (ap_trampoline.S) and the parameter block the boot CPU fills in. */
#ifndef APUS_AP_TRAMPOLINE_H
#define APUS_AP_TRAMPOLINE_H

/* Offsets inside the parameter block. */
#define AP_PARAM_CR3 0
#define AP_PARAM_EFER_EXTRA 8
#define AP_PARAM_STACK 16
#define AP_PARAM_INDEX 24
#define AP_PARAM_ENTRY 32
#define AP_PARAM_STARTED 40
#define AP_PARAM_SIZE 48

#ifndef __ASSEMBLER__
#include <stdint.h>

extern const char ap_trampoline_start[], ap_trampoline_end[];
extern const uint64_t ap_trampoline_jump32_offset, ap_trampoline_base_patch_offset, ap_trampoline_gdt_offset;
extern const uint64_t ap_trampoline_jump64_offset, ap_trampoline_long_mode_offset;
extern const uint64_t ap_trampoline_gdt_pointer_offset, ap_trampoline_protected_mode_offset;
extern const uint64_t ap_trampoline_parameters_offset;

struct ap_trampoline_layout {
	uint64_t code, size;
	uint64_t jump32, base_patch, gdt, gdt_pointer, protected_mode, parameters, jump64, long_mode;
};

static inline struct ap_trampoline_layout ap_trampoline_layout(void)
{
	struct ap_trampoline_layout l = {
		(uint64_t)ap_trampoline_start, (uint64_t)(ap_trampoline_end - ap_trampoline_start),
		ap_trampoline_jump32_offset, ap_trampoline_base_patch_offset, ap_trampoline_gdt_offset,
		ap_trampoline_gdt_pointer_offset, ap_trampoline_protected_mode_offset, ap_trampoline_parameters_offset,
		ap_trampoline_jump64_offset, ap_trampoline_long_mode_offset,
	};
	return l;
}

/* Where the Swift side continues on each application processor (never returns). */
void apus_ap_entry(uint64_t index);
static inline uint64_t ap_entry_address(void) { return (uint64_t)apus_ap_entry; }
#endif

#endif
