/* SPDX-License-Identifier: GPL-2.0-only */
/* The interrupt flag of this CPU (RFLAGS.IF): read, save and restore, cli/sti. */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#define X86_EFLAGS_IF 0x00000200UL

#ifndef __ASSEMBLY__

static __always_inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;
	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static __always_inline void arch_local_irq_disable(void) { __asm__ __volatile__("cli" : : : "memory"); }
static __always_inline void arch_local_irq_enable(void) { __asm__ __volatile__("sti" : : : "memory"); }
static __always_inline void arch_safe_halt(void) { __asm__ __volatile__("sti; hlt" : : : "memory"); }

static __always_inline int arch_irqs_disabled_flags(unsigned long flags) { return !(flags & X86_EFLAGS_IF); }
static __always_inline int arch_irqs_disabled(void) { return arch_irqs_disabled_flags(arch_local_save_flags()); }

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();
	arch_local_irq_disable();
	return flags;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	if (!arch_irqs_disabled_flags(flags))
		arch_local_irq_enable();
}

#endif /* __ASSEMBLY__ */
#endif
