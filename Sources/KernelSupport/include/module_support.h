/* SPDX-License-Identifier: GPL-2.0-only */
/* What the module loader needs from C: the kernel's export table, calls into module code, LinuxKPI's
 * parameter setter (LinuxKPI/src/params.c) and its KUnit runner (LinuxKPI/src/kunit.c). */
#ifndef APUS_MODULE_SUPPORT_H
#define APUS_MODULE_SUPPORT_H

#include <stdint.h>
#include "cpu.h"

/* struct kernel_symbol entries (LinuxKPI's linux/export.h), between these two (kernel.ld). */
extern const char __start___ksymtab[], __stop___ksymtab[];

static inline uint64_t linker_ksymtab_start(void) { return (uint64_t)__start___ksymtab; }
static inline uint64_t linker_ksymtab_end(void) { return (uint64_t)__stop___ksymtab; }

/* Calls a module's init_module (returns 0 or a negative errno) and cleanup_module. */
APUS_UNSAFE static inline int module_call_init(uint64_t function) { return ((int (*)(void))function)(); }
APUS_UNSAFE static inline void module_call_exit(uint64_t function) { ((void (*)(void))function)(); }

/* LinuxKPI/src/params.c: sets parameter `name` in a module's __param array (0 or a negative errno). */
APUS_UNSAFE int apus_module_set_param(void *params, unsigned int count, const char *name, const char *value);

/* LinuxKPI/src/kunit.c: runs a module's KUnit suites (`count` pointers to struct kunit_suite). May sleep. */
APUS_UNSAFE void apus_kunit_run_suites(const void *suites, unsigned long count);

#endif
