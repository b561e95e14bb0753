/* SPDX-License-Identifier: GPL-2.0-only */
/* The C and assembly side of the kernel as Swift sees it: umbrella header of the KernelSupport module. */
#ifndef APUS_KERNEL_SUPPORT_H
#define APUS_KERNEL_SUPPORT_H

#include "layout.h"
#include "cpu.h"
#include "interrupt_frame.h"
#include "linker_symbols.h"
#include "fault_probe.h"
#include "runtime_bridge.h"
#include "cpu_tables.h"
#include "early_arena.h"
#include "ap_trampoline.h"
#include "spin.h"
#include "context_switch.h"
#include "acpica_bridge.h"
#include "module_support.h"

#endif
