/* SPDX-License-Identifier: GPL-2.0-only */
/* Device memory access (asm/io.h) plus the managed mappings (devm_ioremap) and the write-combining hints. */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/err.h>
#include <asm/io.h>

struct device;
struct resource;

#define IOMEM_ERR_PTR(err) (__force void __iomem *)ERR_PTR(err)

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_uc(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset, resource_size_t size);
void devm_iounmap(struct device *dev, void __iomem *addr);
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);

/* No memory-type range registers are managed: write-combining requests succeed and change nothing. */
static inline int arch_phys_wc_add(unsigned long base, unsigned long size) { return 0; }
static inline void arch_phys_wc_del(int handle) { }
static inline int arch_phys_wc_index(int handle) { return -1; }
static inline int arch_io_reserve_memtype_wc(resource_size_t base, resource_size_t size) { return 0; }
static inline void arch_io_free_memtype_wc(resource_size_t base, resource_size_t size) { }

#endif
