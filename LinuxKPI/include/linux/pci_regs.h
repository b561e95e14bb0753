/* SPDX-License-Identifier: GPL-2.0-only */
/* Configuration-space register names (see uapi/linux/pci_regs.h). */
#include <uapi/linux/pci_regs.h>
