/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI peer-to-peer DMA. Off in Apus (CONFIG_PCI_P2PDMA): as in Linux without it, publishing a BAR fails
 * with -EOPNOTSUPP and no page is ever a peer device's.
 */
#ifndef _LINUX_PCI_P2PDMA_H
#define _LINUX_PCI_P2PDMA_H

#include <linux/pci.h>

struct page;

static inline int pci_p2pdma_add_resource(struct pci_dev *pdev, int bar, size_t size, u64 offset)
{
	return -EOPNOTSUPP;
}

static inline void *pci_alloc_p2pmem(struct pci_dev *pdev, size_t size)
{
	return NULL;
}

static inline void pci_free_p2pmem(struct pci_dev *pdev, void *addr, size_t size)
{
}

static inline pci_bus_addr_t pci_p2pmem_virt_to_bus(struct pci_dev *pdev, void *addr)
{
	return 0;
}

static inline void pci_p2pmem_publish(struct pci_dev *pdev, bool publish)
{
}

#endif
