/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fault probes: run one memory access that may fault, and learn whether it did, instead of panicking.
 * The page-fault handler resumes a faulting probe at its recovery point (fault_probe.S).
 * Used by the in-kernel tests that check W^X and NX really hold.
 */
#ifndef APUS_FAULT_PROBE_H
#define APUS_FAULT_PROBE_H

#include <stdint.h>
#include "interrupt_frame.h"
#include "cpu.h"

/* Write one byte to `address`; returns 0 if it was written, 1 if it faulted. */
APUS_UNSAFE int fault_probe_write(uint64_t address, uint8_t value);
/* Call the code at `address` (which must return); returns 0 if it ran, 1 if fetching it faulted. */
APUS_UNSAFE int fault_probe_call(uint64_t address);
/* From the fault handler: if a probe is armed, redirect `frame` to its recovery point and return 1. */
int fault_probe_recover(struct interrupt_frame *frame);

#endif
