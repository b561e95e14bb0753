/* SPDX-License-Identifier: GPL-2.0-only */
/* Thread switching (context_switch.S). */
#ifndef APUS_CONTEXT_SWITCH_H
#define APUS_CONTEXT_SWITCH_H

#include <stdint.h>
#include "cpu.h"

/* Saves this thread's stack pointer in *save and continues the thread whose stack pointer is `next`. */
APUS_UNSAFE void cpu_context_switch(uint64_t *save, uint64_t next);
/* Where a new thread starts: it calls apus_thread_start(). */
void thread_start(void);
void apus_thread_start(void);
static inline uint64_t thread_start_address(void) { return (uint64_t)thread_start; }

#endif
