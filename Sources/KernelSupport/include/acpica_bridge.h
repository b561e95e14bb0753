/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bridge between ACPICA (C, built from linux-source-6.1 by scripts/build) and the Swift core, in plain C
 * types only: ACPICA's API as the Swift side uses it (apus_acpica_*, LinuxKPI/src/acpi_api.c) and the Swift
 * functions the C part of the OS services layer calls (apus_acpi_*, Sources/Kernel/ACPI/OSServices.swift).
 * Status values are ACPICA's acpi_status: 0 is AE_OK.
 */
#ifndef APUS_ACPICA_BRIDGE_H
#define APUS_ACPICA_BRIDGE_H

#include <stddef.h>
#include <stdint.h>

/* --- ACPICA, for Swift --- */

/* Brings ACPICA up (subsystem, tables, namespace load, ACPI mode, objects); the status of the first failing
 * step, whose name is written to *failed_step. */
uint32_t apus_acpica_initialize(const char **failed_step);
/* ACPICA's name for a status ("AE_NOT_FOUND"). */
const char *apus_acpica_status_name(uint32_t status);

/* One table of ACPICA's root table list. */
struct apus_acpi_table {
	const uint8_t *header;          /* mapped table: `length` bytes readable */
	uint64_t address;               /* physical */
	uint32_t length;
	char signature[4];
	char oem_id[6];
	char oem_table_id[8];
};
/* Fills *table for index `index`; non-zero when there is no such table. */
uint32_t apus_acpica_table(uint32_t index, struct apus_acpi_table *table);

/* Evaluates the object at absolute path `path` (no arguments). On success *result is an object tree to
 * read with apus_acpica_object_* and release with apus_acpica_release. */
uint32_t apus_acpica_evaluate(const char *path, const void **result);
void apus_acpica_release(const void *result);
/* Evaluate `path` with one Integer (_PIC) or Buffer (_SRS) argument; any result is discarded. */
uint32_t apus_acpica_call_integer(const char *path, uint64_t value);
uint32_t apus_acpica_call_buffer(const char *path, const uint8_t *bytes, uint32_t length);
/* ACPI_TYPE_*: 1 integer, 2 string, 3 buffer, 4 package, 0x14 local reference, … */
uint32_t apus_acpica_object_type(const void *object);
uint64_t apus_acpica_object_integer(const void *object);
/* A string's or buffer's bytes (a string without its NUL); NULL for other types. */
const uint8_t *apus_acpica_object_bytes(const void *object, uint32_t *length);
uint32_t apus_acpica_object_count(const void *object);
const void *apus_acpica_object_element(const void *object, uint32_t index);
/* The absolute path of a reference's target into buffer (NUL-terminated); non-zero on failure. */
uint32_t apus_acpica_object_reference_path(const void *object, char *buffer, uint32_t size);

/* Whether a namespace node exists at absolute path `path`. */
int apus_acpica_path_exists(const char *path);
/* Calls visit(context, path) for every Device in the namespace, depth-first. */
uint32_t apus_acpica_walk_devices(void (*visit)(void *context, const char *path), void *context);

/* One _PRT entry (ACPI 6.5 section 6.2.13): device in bits 16-31 of `address`, pin 0-3 = INTA-INTD;
 * source empty: `source_index` is the GSI; else the path of the link device and its resource index. */
struct apus_acpi_route {
	uint64_t address;
	uint32_t pin;
	uint32_t source_index;
	char source[64];
};
/* Evaluates the _PRT of the bridge at `device_path` (through _PRT, resolving references). Writes up to
 * `capacity` entries, the number found to *count. */
uint32_t apus_acpica_routing_table(const char *device_path, struct apus_acpi_route *routes, uint32_t capacity,
				   uint32_t *count);

/* The power button fixed event; handler runs in interrupt context and returns 1 (handled). */
uint32_t apus_acpica_install_power_button_handler(uint32_t (*handler)(void *context));
/* Calls visit(context, path) for every present Device whose _HID or _CID is `hid` ("PNP0C0D"). */
uint32_t apus_acpica_walk_devices_with_id(const char *hid, void (*visit)(void *context, const char *path),
					  void *context);
/* Device notifications (Notify(DEV, value) in AML) of the device at `path` go to handler(context, value), run
 * by ACPICA through acpi_os_execute, so in the `events` thread, where AML may be evaluated. */
uint32_t apus_acpica_install_notify_handler(const char *path, void (*handler)(void *context, uint32_t value),
					    void *context);
/* _PTS/_SST through AcpiEnterSleepStatePrep, then AcpiEnterSleepState(state): returns only on failure. */
uint32_t apus_acpica_enter_sleep_state(uint8_t state);
/* The \_S5 sleep type values ACPICA reads (for the tests): non-zero status when missing. */
uint32_t apus_acpica_sleep_type(uint8_t state, uint8_t *type_a, uint8_t *type_b);

/* --- the Swift core, for the C part of the OS services layer --- */

/* ACPICA's printf output (any fragment of a line). */
void apus_acpi_log_write(const char *text, size_t length);
/* PCI configuration space, one function behind which the PCI layer's access method will go. */
uint64_t apus_acpi_pci_config_read(uint16_t segment, uint16_t bus, uint16_t device, uint16_t function,
				   uint32_t reg, uint32_t width);
void apus_acpi_pci_config_write(uint16_t segment, uint16_t bus, uint16_t device, uint16_t function,
				uint32_t reg, uint64_t value, uint32_t width);

#endif
