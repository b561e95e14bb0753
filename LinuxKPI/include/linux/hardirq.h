/* SPDX-License-Identifier: GPL-2.0-only */
/* Interrupt-context helpers: in_irq()/in_interrupt() come from linux/preempt.h; synchronize_irq is here. */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

void synchronize_irq(unsigned int irq);
bool synchronize_hardirq(unsigned int irq);

#endif
