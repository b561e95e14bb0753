/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bridge: every Swift-core function LinuxKPI's C calls, in plain C types. Swift implements each with
 * @_cdecl("apus_…") in Sources/Kernel/KPI/ (one file per section below). Nothing else crosses between
 * LinuxKPI and the Swift core, so this file is the whole contract between them.
 *
 * Conventions: sizes are size_t, addresses uintptr_t or pointers, errors are negative Linux errno values,
 * booleans are bool. A function that may sleep says so; everything else may be called with interrupts off.
 */
#ifndef _APUS_BRIDGE_H
#define _APUS_BRIDGE_H

#include <linux/types.h>

/* ---- log and panic ------------------------------------------------------------------------------- */

/* Appends one kernel-log record of `length` bytes (no newline, not NUL-terminated) at Linux level 0-7. */
void apus_log_write(int level, const char *text, size_t length);
/* Logs "WARNING: CPU: N at file:line function" and the call chain from frame pointer `frame`. */
void apus_log_warning(const char *file, int line, const char *function, unsigned long frame);
/* Logs "Call Trace:" and the symbolized call chain from frame pointer `frame` at `level`. */
void apus_log_backtrace(int level, unsigned long frame);
/* Stops the kernel: "KERNEL PANIC: LinuxKPI: " + the `length` bytes of text, then a backtrace. */
void apus_panic(const char *text, size_t length) __attribute__((__noreturn__));
/*
 * The kernel function containing `address`: copies its name (truncated to capacity - 1 bytes) and a NUL
 * into `name`, stores the offset into the function and its size, and returns the name's length; 0 when
 * no kernel symbol contains the address.
 */
size_t apus_symbol_lookup(unsigned long address, char *name, size_t capacity, unsigned long *offset,
			  unsigned long *size);

/* ---- memory -------------------------------------------------------------------------------------- */

/* `size` bytes aligned to `alignment` (a power of two) from the kernel heap, or NULL when exhausted. */
void *apus_mem_alloc(size_t size, size_t alignment);
/* Frees a heap allocation; anything else is refused and logged. */
void apus_mem_free(const void *pointer);
/* The bytes usable at `pointer` (>= the size asked for), or 0 if it is not the start of a live allocation. */
size_t apus_mem_usable_size(const void *pointer);

/* ---- threads, scheduling and sleeping ------------------------------------------------------------ */

/* ---- time and timers ----------------------------------------------------------------------------- */

/* ---- interrupts ---------------------------------------------------------------------------------- */

/* ---- PCI and DMA --------------------------------------------------------------------------------- */

/* ---- modules ------------------------------------------------------------------------------------- */
/* A reference on the loaded module whose struct module is at `module`; false once its exit has begun. */
bool apus_module_get(uintptr_t module);
/* A reference even while it exits (__module_get: the caller already holds one). */
void apus_module_get_always(uintptr_t module);
/* Drops a reference taken by either. */
void apus_module_put(uintptr_t module);

#endif
