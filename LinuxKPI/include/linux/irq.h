/* SPDX-License-Identifier: GPL-2.0-only */
/* The irq descriptor layer is private to Apus's Swift core; drivers get the numbers and the flags. */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/irqreturn.h>
#include <linux/irqnr.h>
#include <linux/interrupt.h>
#include <asm/irq.h>

#define IRQ_TYPE_NONE		0x00000000
#define IRQ_TYPE_EDGE_RISING	0x00000001
#define IRQ_TYPE_EDGE_FALLING	0x00000002
#define IRQ_TYPE_EDGE_BOTH	(IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH	0x00000004
#define IRQ_TYPE_LEVEL_LOW	0x00000008
#define IRQ_TYPE_SENSE_MASK	0x0000000f

#endif
