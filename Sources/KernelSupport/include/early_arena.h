/* SPDX-License-Identifier: GPL-2.0-only */
/* A fixed arena in .bss that serves allocations made before the page allocator exists (boot-info parsing). */
#ifndef APUS_EARLY_ARENA_H
#define APUS_EARLY_ARENA_H

#include <stdint.h>

#define EARLY_ARENA_SIZE (512 * 1024)
extern uint8_t early_arena[EARLY_ARENA_SIZE];

static inline uint64_t early_arena_start(void) { return (uint64_t)early_arena; }

#endif
