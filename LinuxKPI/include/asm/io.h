/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * x86 device access: MMIO accessors (readb…readq, writeb…writeq and their _relaxed/__raw forms; on x86
 * uncached accesses are already ordered, so all are plain volatile accesses with a compiler barrier),
 * port I/O (inb…outl and the string forms), ioremap/iounmap (uncached through the Swift core), the
 * ioread/iowrite family on either kind of cookie (lib/iomap.c's scheme: ports appear as small cookies
 * from ioport_map), and virt_to_phys.
 */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/compiler.h>
#include <linux/types.h>

#define __io_barrier() __asm__ volatile("" : : : "memory")

#define APUS_MMIO_ACCESSORS(bwlq, type)							\
static inline type __raw_read##bwlq(const volatile void __iomem *addr)			\
{											\
	return *(const volatile type __force *)addr;					\
}											\
static inline void __raw_write##bwlq(type value, volatile void __iomem *addr)		\
{											\
	*(volatile type __force *)addr = value;						\
}											\
static inline type read##bwlq(const volatile void __iomem *addr)			\
{											\
	type value;									\
	__io_barrier();									\
	value = __raw_read##bwlq(addr);							\
	__io_barrier();									\
	return value;									\
}											\
static inline void write##bwlq(type value, volatile void __iomem *addr)		\
{											\
	__io_barrier();									\
	__raw_write##bwlq(value, addr);							\
	__io_barrier();									\
}

APUS_MMIO_ACCESSORS(b, u8)
APUS_MMIO_ACCESSORS(w, u16)
APUS_MMIO_ACCESSORS(l, u32)
APUS_MMIO_ACCESSORS(q, u64)
#undef APUS_MMIO_ACCESSORS

#define readb readb
#define readw readw
#define readl readl
#define readq readq
#define writeb writeb
#define writew writew
#define writel writel
#define writeq writeq
#define readb_relaxed(a) readb(a)
#define readw_relaxed(a) readw(a)
#define readl_relaxed(a) readl(a)
#define readq_relaxed(a) readq(a)
#define writeb_relaxed(v, a) writeb(v, a)
#define writew_relaxed(v, a) writew(v, a)
#define writel_relaxed(v, a) writel(v, a)
#define writeq_relaxed(v, a) writeq(v, a)
#define __raw_readb __raw_readb
#define __raw_readl __raw_readl
#define __raw_readq __raw_readq
#define __raw_writel __raw_writel
#define __raw_writeq __raw_writeq

/* Write-combining/posting flushes: x86 orders uncached stores, nothing to do. */
#define mmiowb() do { } while (0)

/* Port I/O. */
#define APUS_PORT_ACCESSORS(bwl, type, suffix)						\
static inline void out##bwl(type value, int port)					\
{											\
	__asm__ volatile("out" #suffix " %0, %w1" : : "a"(value), "Nd"(port));		\
}											\
static inline type in##bwl(int port)							\
{											\
	type value;									\
	__asm__ volatile("in" #suffix " %w1, %0" : "=a"(value) : "Nd"(port));		\
	return value;									\
}											\
static inline void outs##bwl(int port, const void *addr, unsigned long count)		\
{											\
	__asm__ volatile("rep outs" #suffix : "+S"(addr), "+c"(count) : "d"(port) : "memory"); \
}											\
static inline void ins##bwl(int port, void *addr, unsigned long count)			\
{											\
	__asm__ volatile("rep ins" #suffix : "+D"(addr), "+c"(count) : "d"(port) : "memory"); \
}											\
static inline void out##bwl##_p(type value, int port) { out##bwl(value, port); }	\
static inline type in##bwl##_p(int port) { return in##bwl(port); }

APUS_PORT_ACCESSORS(b, u8, b)
APUS_PORT_ACCESSORS(w, u16, w)
APUS_PORT_ACCESSORS(l, u32, l)
#undef APUS_PORT_ACCESSORS

#define inb inb
#define inw inw
#define inl inl
#define outb outb
#define outw outw
#define outl outl

/* Mapping device memory (uncached; ioremap_wc and ioremap_cache map uncached too: no PAT setup yet). */
void __iomem *ioremap(resource_size_t offset, unsigned long size);
void __iomem *ioremap_wc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_uc(resource_size_t offset, unsigned long size);
void __iomem *ioremap_cache(resource_size_t offset, unsigned long size);
#define ioremap_wt ioremap
#define ioremap_np ioremap
void iounmap(volatile void __iomem *addr);

/* Copies to and from device memory. */
void memcpy_fromio(void *to, const volatile void __iomem *from, size_t count);
void memcpy_toio(volatile void __iomem *to, const void *from, size_t count);
void memset_io(volatile void __iomem *addr, int value, size_t count);

/* ioread/iowrite on cookies from pci_iomap/ioport_map/ioremap. */
unsigned int ioread8(const void __iomem *addr);
unsigned int ioread16(const void __iomem *addr);
unsigned int ioread16be(const void __iomem *addr);
unsigned int ioread32(const void __iomem *addr);
unsigned int ioread32be(const void __iomem *addr);
u64 ioread64(const void __iomem *addr);
void iowrite8(u8 value, void __iomem *addr);
void iowrite16(u16 value, void __iomem *addr);
void iowrite16be(u16 value, void __iomem *addr);
void iowrite32(u32 value, void __iomem *addr);
void iowrite32be(u32 value, void __iomem *addr);
void iowrite64(u64 value, void __iomem *addr);
void ioread8_rep(const void __iomem *addr, void *dst, unsigned long count);
void ioread16_rep(const void __iomem *addr, void *dst, unsigned long count);
void ioread32_rep(const void __iomem *addr, void *dst, unsigned long count);
void iowrite8_rep(void __iomem *addr, const void *src, unsigned long count);
void iowrite16_rep(void __iomem *addr, const void *src, unsigned long count);
void iowrite32_rep(void __iomem *addr, const void *src, unsigned long count);
void __iomem *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void __iomem *addr);

/* Physical addresses of kernel memory (~0 when unmapped); phys_to_virt for RAM in the direct map. */
phys_addr_t virt_to_phys(volatile void *address);
void *phys_to_virt(phys_addr_t address);
#define virt_to_bus virt_to_phys
#define bus_to_virt phys_to_virt

#endif
