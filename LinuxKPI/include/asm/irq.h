/* SPDX-License-Identifier: GPL-2.0-only */
/* x86 irq numbering (see linux/irqnr.h). */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <linux/irqnr.h>

static inline int irq_canonicalize(int irq) { return irq == 2 ? 9 : irq; }

#endif
