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

/* ---- memory -------------------------------------------------------------------------------------- */

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
/* Logs one line of text (at most 200 bytes) for the module system tests. */
void apus_module_test_print(const char *text);

#endif
