/* SPDX-License-Identifier: GPL-2.0-only */
/* A tiny "kernel" for apus-kpi's tests: four exports (one GPL-only) and a function it does not export. */
#include "export.h"

static char heap[256];

void *kmalloc(unsigned long size, unsigned flags) { return size <= sizeof(heap) ? heap : 0; }
EXPORT_SYMBOL(kmalloc);
void kfree(const void *p) { }
EXPORT_SYMBOL(kfree);
int _printk(const char *fmt, ...) { return 0; }
EXPORT_SYMBOL(_printk);
int gpl_only(void) { return 1; }
EXPORT_SYMBOL_GPL(gpl_only);
int internal_helper(void) { return 2; }

void kernel_entry(void) { for (;;) ; }
