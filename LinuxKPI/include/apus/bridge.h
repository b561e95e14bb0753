/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bridge: every Swift-core function LinuxKPI's C calls, in plain C types. Swift implements each with
 * @_cdecl("apus_…") in Sources/Kernel/KPI/ (one file per section below). Nothing else crosses between
 * LinuxKPI and the Swift core, so this file is the whole contract between them.
 *
 * Conventions: sizes are size_t, addresses uintptr_t or pointers, errors are negative Linux errno values,
 * booleans are bool. A function that may sleep says so; everything else may be called with interrupts off.
 */
#ifndef _APUS_BRIDGE_H
#define _APUS_BRIDGE_H

#include <linux/types.h>

/* ---- log and panic ------------------------------------------------------------------------------- */

/* Appends one kernel-log record of `length` bytes (no newline, not NUL-terminated) at Linux level 0-7. */
void apus_log_write(int level, const char *text, size_t length);
/* Logs "WARNING: CPU: N at file:line function" and the call chain from frame pointer `frame`. */
void apus_log_warning(const char *file, int line, const char *function, unsigned long frame);
/* Logs "Call Trace:" and the symbolized call chain from frame pointer `frame` at `level`. */
void apus_log_backtrace(int level, unsigned long frame);
/* Stops the kernel: "KERNEL PANIC: LinuxKPI: " + the `length` bytes of text, then a backtrace. */
void apus_panic(const char *text, size_t length) __attribute__((__noreturn__));
/*
 * The function containing `address`, in the kernel or a loaded module: copies its name (truncated to
 * capacity - 1 bytes) and a NUL into `name`, the module's name (empty for the kernel) into `module`,
 * stores the offset into the function and its size (0 when unknown, as for module functions), and
 * returns the name's length; 0 when no known function contains the address.
 */
size_t apus_symbol_lookup(unsigned long address, char *name, size_t capacity, unsigned long *offset,
			  unsigned long *size, char *module, size_t module_capacity);

/* ---- memory -------------------------------------------------------------------------------------- */

/* `size` bytes aligned to `alignment` (a power of two) from the kernel heap, or NULL when exhausted. */
void *apus_mem_alloc(size_t size, size_t alignment);
/* Frees a heap allocation; anything else is refused and logged. */
void apus_mem_free(const void *pointer);
/* The bytes usable at `pointer` (>= the size asked for), or 0 if it is not the start of a live allocation. */
size_t apus_mem_usable_size(const void *pointer);
/*
 * A naturally aligned block of 2^order page frames lying wholly below `limit` (0: anywhere): stores its
 * physical address and returns true, or returns false when memory (below the limit) is exhausted.
 */
bool apus_pages_alloc(unsigned int order, u64 limit, u64 *physical);
/* Frees a block from apus_pages_alloc; a wrong address or order is refused and logged. */
void apus_pages_free(u64 physical, unsigned int order);
/* The number of page frames of RAM the page allocator manages. */
unsigned long apus_mem_total_pages(void);
/* `size` bytes of page frames mapped contiguously in the vmalloc area (zeroed if asked), or NULL. */
void *apus_vmalloc(size_t size, bool zeroed);
/* Unmaps and frees the vmalloc area starting at `address`; false if none starts there. Sends TLB
 * shootdowns: not with a spinlock held. */
bool apus_vfree(const void *address);
/* The mapped size of the vmalloc area starting at `address`, or 0. */
size_t apus_vmalloc_size(const void *address);
/* The physical address behind a vmalloc-area address, or ~0 when it is not mapped. */
u64 apus_vmalloc_to_phys(const void *address);

/* ---- threads, scheduling and sleeping ------------------------------------------------------------ */
/* Sources/Kernel/KPI/Sched.swift. A thread is an opaque handle; threads are never freed. */

void *apus_sched_current_thread(void);
/* The running thread's LinuxKPI task (struct task_struct *), NULL until set; set only by that thread. */
void *apus_sched_current_task(void);
void apus_sched_set_current_task(void *task);
int apus_sched_current_id(void);
/* The running thread's name, NUL-terminated, truncated to size bytes. */
void apus_sched_current_name(char *buffer, size_t size);
/* Starts a thread running entry(arg) on CPU `cpu` (< 0: round-robin) with priority 0 high, 1 normal,
 * 2 low, named `name`, whose LinuxKPI task is `task`; returns its handle, NULL without memory. */
void *apus_sched_spawn(void (*entry)(void *arg), void *arg, const char *name, int cpu, int priority, void *task);
/* schedule(): blocks the running thread unless *state is 0 (TASK_RUNNING) until apus_sched_wake clears it,
 * or until apus_time_ns() reaches deadline_ns (0: no deadline). Sleeps. */
void apus_sched_block(unsigned int *state, u64 deadline_ns);
/* try_to_wake_up(): if *state & mask, sets *state to 0 and makes `thread` runnable; returns whether. */
bool apus_sched_wake(void *thread, unsigned int *state, unsigned int mask);
/* A preemption point: yields if a preemption was held back while preempt_count was up (or, `always`, if
 * another thread of this CPU is runnable). No-op in atomic context. */
void apus_sched_reschedule(bool always);
/* Ends the running thread (its LinuxKPI task must not be used by it any more). */
void apus_sched_exit(void) __attribute__((noreturn));
/* Bit n: CPU n is online. */
u64 apus_sched_online_mask(void);
/* Runs func(info) on every online CPU whose bit is set in `targets`, in interrupt context (this CPU's with
 * interrupts off), and returns once all ran it; false if some CPU did not answer (logged). Must not be
 * called with interrupts off or a spinlock held. */
bool apus_smp_call(u64 targets, void (*func)(void *info), void *info);

/* ---- time and timers ----------------------------------------------------------------------------- */
/* Sources/Kernel/KPI/Time.swift. The tick reaches LinuxKPI the other way: lkpi_timer_tick() (timer.c). */

/* Monotonic nanoseconds since boot (TSC). */
u64 apus_time_ns(void);
/* Spins for at least `ns` nanoseconds. */
void apus_time_delay_ns(u64 ns);

/* ---- interrupts ---------------------------------------------------------------------------------- */

/* A C interrupt handler: irqreturn_t fn(int irq, void *dev_id). */
typedef int (*apus_irq_handler_t)(int irq, void *dev_id);

/*
 * Linux irqs (Sources/Kernel/Interrupts/LinuxIRQ.swift): GSI n is irq n; MSI/MSI-X irqs come from
 * apus_pci_enable_msi/msix. flags are Linux's IRQF_* bits. request and free may sleep; free returns the
 * name given to request, or NULL when dev_id has no handler on irq.
 */
int apus_irq_request(unsigned int irq, apus_irq_handler_t handler, apus_irq_handler_t thread_fn,
		     unsigned long flags, const char *name, void *dev_id);
const char *apus_irq_free(unsigned int irq, void *dev_id);
/* disable_irq (synchronously = true: waits for running handlers, may sleep) and disable_irq_nosync. */
void apus_irq_disable(unsigned int irq, bool synchronously);
void apus_irq_enable(unsigned int irq);
/* Waits until no handler of irq runs on any CPU and no thread handler is pending; false if unknown. */
bool apus_irq_synchronize(unsigned int irq);
/* Queues fn(context) on this CPU's softirq thread (high: before the others); false before boot made them. */
bool apus_softirq_raise(void (*fn)(void *context), void *context, bool high);

/* ---- PCI and DMA --------------------------------------------------------------------------------- */

/*
 * PCI functions the Swift scan found, named by location = segment << 16 | bus << 8 | devfn. Function
 * `index` in address order: false past the end; ids = vendor, device, subsystem vendor, subsystem device;
 * class_revision = class << 24 | subclass << 16 | prog-if << 8 | revision; header_pin = header type << 8 |
 * interrupt pin; config_size 4096 (ECAM) or 256.
 */
bool apus_pci_function(uint32_t index, uint32_t *location, uint16_t ids[4], uint32_t *class_revision,
		       uint16_t *header_pin, uint32_t *config_size);
/* BAR kind (0 none, 1 I/O, 2 mem32, 3 mem64, 4 mem below 1 MiB; | 8 prefetchable) with start and size. */
int apus_pci_bar(uint32_t location, int bar, uint64_t *start, uint64_t *size);
/* size 1, 2 or 4 at an offset aligned to it; reads outside the space return all ones. */
uint32_t apus_pci_config_read(uint32_t location, int offset, int size);
bool apus_pci_config_write(uint32_t location, int offset, int size, uint32_t value);
/* The Linux irq of the function's INTx pin (its GSI), 0 without one. */
unsigned int apus_pci_intx_irq(uint32_t location);
/* MSI (one message) and MSI-X (entries 0..count-1): 0 or -ENOSPC/-EBUSY; disabling fails with -EBUSY
 * while one of the irqs still has a handler. */
int apus_pci_enable_msi(uint32_t location, unsigned int *irq);
int apus_pci_disable_msi(uint32_t location);
int apus_pci_enable_msix(uint32_t location, int count, unsigned int *irqs);
int apus_pci_disable_msix(uint32_t location);
/* Records which driver owns the function (NULL: none), for the shell. */
void apus_pci_bind(uint32_t location, const char *driver);

/* Device memory mapped uncached; NULL for an empty or impossible range. iounmap: false if not a mapping. */
void *apus_ioremap(uint64_t physical, size_t size);
bool apus_iounmap(void *virt);
/* The physical address behind a kernel address, ~0 when unmapped. */
uint64_t apus_virt_to_phys(const void *virt);
/* The bus address of size bytes at virt: ~0 unless mapped, physically contiguous and within mask. */
uint64_t apus_dma_map(const void *virt, size_t size, uint64_t mask);
/* Zeroed, physically contiguous memory (a power-of-two number of pages, at most 4 MiB) ending within
 * mask; its bus address in *bus. NULL when none can be found. Never sleeps. */
void *apus_dma_alloc(size_t size, uint64_t mask, uint64_t *bus);
void apus_dma_free(void *virt, size_t size);

/* ---- modules ------------------------------------------------------------------------------------- */
/* A reference on the loaded module whose struct module is at `module`; false once its exit has begun. */
bool apus_module_get(uintptr_t module);
/* A reference even while it exits (__module_get: the caller already holds one). */
void apus_module_get_always(uintptr_t module);
/* Drops a reference taken by either. */
void apus_module_put(uintptr_t module);
/* Logs one line of text (at most 200 bytes) for the module system tests. */
void apus_module_test_print(const char *text);

#endif
