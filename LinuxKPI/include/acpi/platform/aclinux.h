/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Apus's ACPICA platform header. ACPICA's acenv.h includes <acpi/platform/aclinux.h> when __linux__ is
 * defined; LinuxKPI/include comes first on the include path, so this file replaces Linux's without any
 * upstream file being touched. It configures ACPICA for a freestanding 64-bit kernel: the C library is
 * the kernel's own (KernelSupport/lib), objects come from ACPICA's local caches (utcache.c) on top of
 * acpi_os_allocate, mutexes are ACPICA's default binary semaphores, and the OS services layer is
 * LinuxKPI/src/acpi_osl.c plus the Swift core (Sources/Kernel/ACPI/OSServices.swift).
 */
#ifndef APUS_ACPI_PLATFORM_ACLINUX_H
#define APUS_ACPI_PLATFORM_ACLINUX_H

#include <stddef.h>     /* the compiler's own freestanding headers */
#include <stdarg.h>

#define ACPI_USE_SYSTEM_CLIBRARY        /* the functions declared below, not ACPICA's utclib.c */
#define ACPI_USE_DO_WHILE_0
#define ACPI_USE_LOCAL_CACHE            /* utcache.c: no acpi_os_create_cache and friends to provide */
#define ACPI_PCI_CONFIGURED             /* hwpci.c: PCI configuration-space operation regions */
#define ACPI_IGNORE_PACKAGE_RESOLUTION_ERRORS

#define ACPI_MACHINE_WIDTH              64
#define COMPILER_DEPENDENT_INT64        long
#define COMPILER_DEPENDENT_UINT64       unsigned long

#define ACPI_STRUCT_INIT(field, value)  .field = value
#define ACPI_INIT_FUNCTION

#ifndef __iomem
#define __iomem
#endif
#ifndef __init
#define __init
#endif

/* Before entering a sleep state the caches are written back, as the ACPI specification asks. */
#define ACPI_FLUSH_CPU_CACHE()          __asm__ __volatile__("wbinvd" ::: "memory")

/*
 * The FACS global lock, shared with firmware (ACPI 6.5 section 5.2.10.1): bit 0 pending, bit 1 owned.
 * Acquire sets owned, or pending if already owned, and succeeds when it was free; release clears both
 * and reports whether firmware was waiting (then ACPICA writes GBL_RLS).
 */
static inline int apus_acpi_acquire_global_lock(unsigned int *lock)
{
	unsigned int old = __atomic_load_n(lock, __ATOMIC_RELAXED), new;
	do {
		new = (old & ~3u) | 2u | ((old >> 1) & 1u);
	} while (!__atomic_compare_exchange_n(lock, &old, new, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
	return (new & 1u) == 0;
}

static inline int apus_acpi_release_global_lock(unsigned int *lock)
{
	unsigned int old = __atomic_load_n(lock, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(lock, &old, old & ~3u, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		;
	return old & 1u;
}

#define ACPI_ACQUIRE_GLOBAL_LOCK(facs, acquired) \
	((acquired) = apus_acpi_acquire_global_lock((unsigned int *)&(facs)->global_lock))
#define ACPI_RELEASE_GLOBAL_LOCK(facs, pending) \
	((pending) = apus_acpi_release_global_lock((unsigned int *)&(facs)->global_lock))

/* The C library ACPICA uses (ACPI_USE_SYSTEM_CLIBRARY): Sources/KernelSupport/lib/string.c, ctype.c. */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
int tolower(int c);
int toupper(int c);
int isdigit(int c);
int isspace(int c);
int isxdigit(int c);
int isprint(int c);

#endif
