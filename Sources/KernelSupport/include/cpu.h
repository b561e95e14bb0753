/* SPDX-License-Identifier: GPL-2.0-only */
/* x86_64 instructions Swift cannot express: port I/O, control registers, MSRs, CPUID, TSC, descriptor tables. */
#ifndef APUS_CPU_H
#define APUS_CPU_H

#include <stdint.h>

/* Marks a C function whose misuse can break memory safety: Swift callers must write `unsafe`. */
#define APUS_UNSAFE __attribute__((swift_attr("unsafe")))

static inline void cpu_outb(uint16_t port, uint8_t value) { __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port)); }
static inline void cpu_outw(uint16_t port, uint16_t value) { __asm__ volatile("outw %0, %1" : : "a"(value), "Nd"(port)); }
static inline void cpu_outl(uint16_t port, uint32_t value) { __asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port)); }
static inline uint8_t cpu_inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint16_t cpu_inw(uint16_t port) { uint16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint32_t cpu_inl(uint16_t port) { uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

static inline uint64_t cpu_read_cr0(void) { uint64_t v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static inline uint64_t cpu_read_cr2(void) { uint64_t v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline uint64_t cpu_read_cr3(void) { uint64_t v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static inline uint64_t cpu_read_cr4(void) { uint64_t v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }
APUS_UNSAFE static inline void cpu_write_cr3(uint64_t v) { __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
APUS_UNSAFE static inline void cpu_write_cr4(uint64_t v) { __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }

static inline uint64_t cpu_rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}
APUS_UNSAFE static inline void cpu_wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32)) : "memory");
}

struct cpuid_result { uint32_t eax, ebx, ecx, edx; };
static inline struct cpuid_result cpu_cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_result r;
	__asm__ volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx) : "a"(leaf), "c"(subleaf));
	return r;
}

static inline uint64_t cpu_rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static inline int cpu_rdrand64(uint64_t *value)
{
	unsigned char ok;
	__asm__ volatile("rdrand %0; setc %1" : "=r"(*value), "=qm"(ok));
	return ok;
}

static inline uint64_t cpu_read_rflags(void) { uint64_t v; __asm__ volatile("pushfq; popq %0" : "=r"(v)); return v; }
static inline uint64_t cpu_read_rbp(void) { uint64_t v; __asm__ volatile("mov %%rbp, %0" : "=r"(v)); return v; }
static inline void cpu_cli(void) { __asm__ volatile("cli" : : : "memory"); }
static inline void cpu_sti(void) { __asm__ volatile("sti" : : : "memory"); }
static inline void cpu_hlt(void) { __asm__ volatile("hlt" : : : "memory"); }
/* Enable interrupts and halt atomically: an interrupt arriving between the two still wakes the CPU. */
static inline void cpu_sti_hlt(void) { __asm__ volatile("sti; hlt" : : : "memory"); }
static inline void cpu_pause(void) { __asm__ volatile("pause"); }
APUS_UNSAFE static inline void cpu_invlpg(uint64_t address) { __asm__ volatile("invlpg (%0)" : : "r"(address) : "memory"); }
static inline void cpu_memory_barrier(void) { __asm__ volatile("mfence" : : : "memory"); }

struct __attribute__((packed)) descriptor_pointer { uint16_t limit; uint64_t base; };
APUS_UNSAFE static inline void cpu_lgdt(const struct descriptor_pointer *p) { __asm__ volatile("lgdt %0" : : "m"(*p)); }
APUS_UNSAFE static inline void cpu_lidt(const struct descriptor_pointer *p) { __asm__ volatile("lidt %0" : : "m"(*p)); }
APUS_UNSAFE static inline void cpu_ltr(uint16_t selector) { __asm__ volatile("ltr %0" : : "r"(selector)); }

/* Uncached device registers: `address` must be a mapped MMIO address. */
APUS_UNSAFE static inline uint32_t mmio_read32(uint64_t address) { return *(volatile uint32_t *)address; }
APUS_UNSAFE static inline void mmio_write32(uint64_t address, uint32_t value) { *(volatile uint32_t *)address = value; }
APUS_UNSAFE static inline uint16_t mmio_read16(uint64_t address) { return *(volatile uint16_t *)address; }
APUS_UNSAFE static inline void mmio_write16(uint64_t address, uint16_t value) { *(volatile uint16_t *)address = value; }
APUS_UNSAFE static inline uint8_t mmio_read8(uint64_t address) { return *(volatile uint8_t *)address; }
APUS_UNSAFE static inline void mmio_write8(uint64_t address, uint8_t value) { *(volatile uint8_t *)address = value; }
APUS_UNSAFE static inline uint64_t mmio_read64(uint64_t address) { return *(volatile uint64_t *)address; }
APUS_UNSAFE static inline void mmio_write64(uint64_t address, uint64_t value) { *(volatile uint64_t *)address = value; }

/* Reload CS (far return) and the data segment registers after a new GDT is loaded. */
APUS_UNSAFE void cpu_reload_segments(uint16_t code, uint16_t data);
/* Call `entry(argument)` on a new stack; `entry` must not return. */
APUS_UNSAFE _Noreturn void cpu_switch_stack(uint64_t stack_top, void (*entry)(uint64_t), uint64_t argument);
/* Halt forever with interrupts off. */
_Noreturn void cpu_halt_forever(void);

#endif
