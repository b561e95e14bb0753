/* SPDX-License-Identifier: GPL-2.0-only */
/* Linux irq numbers on Apus: GSI n is irq n (1–255); MSI and MSI-X messages are numbered from 256. */
#ifndef _LINUX_IRQNR_H
#define _LINUX_IRQNR_H

#define NR_IRQS_LEGACY 16
#define NR_IRQS 4096
extern int nr_irqs;

#endif
