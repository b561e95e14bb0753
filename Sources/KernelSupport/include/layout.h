/* SPDX-License-Identifier: GPL-2.0-only */
/* The kernel's virtual memory layout, shared by the linker script, the assembly and Swift. */
#ifndef APUS_LAYOUT_H
#define APUS_LAYOUT_H

/*
 * Everything the kernel maps lives below 0x0000_8000_0000_0000: Embedded Swift uses bit 63 of a class
 * reference as a spare bit, so no Swift object may sit in the canonical higher half (DESIGN.md).
 *
 *   0x0000_0000_0010_0000  kernel image, physical = virtual (4 KiB pages, W^X)
 *   0x0000_0000_4000_0000  module area, 1 GiB (reachable by rel32 from the image: -mcmodel=small)
 *   0x0000_4000_0000_0000  direct map of physical RAM (2 MiB pages, NX); the heap lives here
 *   0x0000_5000_0000_0000  MMIO mappings (uncached, NX)
 *   0x0000_6000_0000_0000  kernel stacks, each with an unmapped guard page below it
 *   0x0000_7000_0000_0000  vmalloc area, 1 TiB (LinuxKPI's vmalloc; VMALLOC_START in linux/vmalloc.h)
 */
#define KERNEL_PHYS_BASE            0x100000
#define MODULE_AREA_BASE            0x40000000
#define MODULE_AREA_SIZE            0x40000000
#define DIRECT_MAP_BASE             0x0000400000000000
#define MMIO_AREA_BASE              0x0000500000000000
#define STACK_AREA_BASE             0x0000600000000000
#define VMALLOC_AREA_BASE           0x0000700000000000
#define VMALLOC_AREA_SIZE           0x0000010000000000
#define LOWER_HALF_END              0x0000800000000000
#define BOOT_DIRECT_MAP_PML4_SLOT   128   /* DIRECT_MAP_BASE >> 39 */
#define BOOT_STACK_SIZE             0x8000

#endif
