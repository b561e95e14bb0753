/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CONFIG_ options Apus provides, as Kconfig would write them. An option listed here is one LinuxKPI
 * implements (drivers may take the code path it guards); an option absent here is one Apus does not offer.
 */
#ifndef _GENERATED_AUTOCONF_H
#define _GENERATED_AUTOCONF_H

/* Architecture */
#define CONFIG_X86 1
#define CONFIG_X86_64 1
#define CONFIG_64BIT 1
#define CONFIG_SMP 1
#define CONFIG_NR_CPUS 64
#define CONFIG_HZ 100
#define CONFIG_PAGE_SHIFT 12
#define CONFIG_ARCH_DMA_ADDR_T_64BIT 1
#define CONFIG_PHYS_ADDR_T_64BIT 1
#define CONFIG_GENERIC_HWEIGHT 1
#define CONFIG_HAS_IOMEM 1
#define CONFIG_HAS_IOPORT_MAP 1
#define CONFIG_HAS_DMA 1
#define CONFIG_X86_LOCAL_APIC 1
#define CONFIG_X86_IO_APIC 1

/* Buses and interrupts */
#define CONFIG_PCI 1
#define CONFIG_PCI_MSI 1
#define CONFIG_PCIEPORTBUS 1
#define CONFIG_ACPI 1
#define CONFIG_GENERIC_IRQ_PROBE 1

/* Kernel services */
#define CONFIG_MODULES 1
#define CONFIG_MODULE_UNLOAD 1
#define CONFIG_PRINTK 1
#define CONFIG_KUNIT 1
#define CONFIG_PREEMPT 1
#define CONFIG_PREEMPTION 1
#define CONFIG_PREEMPT_COUNT 1
#define CONFIG_TREE_RCU 1

#endif
