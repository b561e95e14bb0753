/* SPDX-License-Identifier: GPL-2.0-only */
/* Swift functions exported to the C runtime shims (lib/runtime.c). */
#ifndef APUS_RUNTIME_BRIDGE_H
#define APUS_RUNTIME_BRIDGE_H

#include <stddef.h>

void apus_console_putchar(int c);
void *apus_heap_allocate(size_t size, size_t alignment);
void apus_heap_free(void *pointer);

#endif
