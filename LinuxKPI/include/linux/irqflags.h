/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Turning this CPU's interrupts off and on (local_irq_*), and the raw_ forms. No irq-state tracing:
 * the local_ and raw_ forms are the same.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/typecheck.h>
#include <asm/irqflags.h>

#define raw_local_irq_disable() arch_local_irq_disable()
#define raw_local_irq_enable() arch_local_irq_enable()
#define raw_local_irq_save(flags)						\
	do {									\
		typecheck(unsigned long, flags);				\
		flags = arch_local_irq_save();					\
	} while (0)
#define raw_local_irq_restore(flags)						\
	do {									\
		typecheck(unsigned long, flags);				\
		arch_local_irq_restore(flags);					\
	} while (0)
#define raw_local_save_flags(flags)						\
	do {									\
		typecheck(unsigned long, flags);				\
		flags = arch_local_save_flags();				\
	} while (0)
#define raw_irqs_disabled_flags(flags) arch_irqs_disabled_flags(flags)
#define raw_irqs_disabled() arch_irqs_disabled()
#define raw_safe_halt() arch_safe_halt()

#define local_irq_enable() raw_local_irq_enable()
#define local_irq_disable() raw_local_irq_disable()
#define local_irq_save(flags) raw_local_irq_save(flags)
#define local_irq_restore(flags) raw_local_irq_restore(flags)
#define local_save_flags(flags) raw_local_save_flags(flags)
#define irqs_disabled() raw_irqs_disabled()
#define irqs_disabled_flags(flags) raw_irqs_disabled_flags(flags)
#define safe_halt() raw_safe_halt()

#define lockdep_assert_irqs_enabled() do { } while (0)
#define lockdep_assert_irqs_disabled() do { } while (0)
#define trace_hardirqs_on() do { } while (0)
#define trace_hardirqs_off() do { } while (0)

#endif
