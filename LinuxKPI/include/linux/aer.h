/* SPDX-License-Identifier: GPL-2.0-only */
/* PCI Express Advanced Error Reporting is not handled by Apus: enabling it reports that it is not there. */
#ifndef _AER_H_
#define _AER_H_

#include <linux/errno.h>
#include <linux/types.h>

struct pci_dev;

static inline int pci_enable_pcie_error_reporting(struct pci_dev *dev) { return -EINVAL; }
static inline int pci_disable_pcie_error_reporting(struct pci_dev *dev) { return -EINVAL; }
static inline int pci_aer_clear_nonfatal_status(struct pci_dev *dev) { return -EINVAL; }

#endif
