// SPDX-License-Identifier: GPL-2.0-only
// Interrupt dispatch: exceptions go to the panic path (or a fault probe), device vectors to their handlers.
import KernelSupport

/// How the 256 vectors are used.
enum InterruptVector {
    /// The remapped, masked legacy PICs: only spurious interrupts can arrive here.
    static let legacyPICRange: ClosedRange<UInt64> = 0x20...0x2F
    static let timer: UInt8 = 0x30
    /// ISA IRQ n arrives on isaBase + n through the IOAPIC.
    static let isaBase: UInt8 = 0x40
    /// Handed out by `Interrupts.allocateVector` to MSI, MSI-X and PCI INTx.
    static let dynamicRange: ClosedRange<UInt8> = 0x50...0xEF
    /// Inter-processor interrupts (SMP/IPI.swift), in the highest priority class: "run this function"
    /// and "invalidate this page".
    static let callFunction: UInt8 = 0xF0
    static let tlbShootdown: UInt8 = 0xF1
    static let spurious: UInt8 = 0xFF
}

enum Interrupts {
    private struct Table {
        var handlers: [(() -> Void)?] = []
        var counts: [UInt64] = []
        /// Which vectors of `InterruptVector.dynamicRange` are handed out.
        var allocated: [Bool] = []
    }
    nonisolated(unsafe) private static var table = Table()
    private static let lock = SpinLock()

    /// The one access path to `table`.
    private static func withTable<Result>(_ body: (inout Table) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `table`, on every CPU.
        lock.withLock { unsafe body(&table) }
    }

    /// Loads the GDT and IDT: from here on a CPU exception reaches the panic path.
    static func installExceptionHandlers() {
        cpu_set_local(0)
        DescriptorTables.loadGDT(cpu: 0, exceptionStacks: DescriptorTables.bootExceptionStacks)
        DescriptorTables.fillIDT()
    }

    /// Prepares the handler table (needs the heap).
    static func initializeHandlers() {
        withTable { table in
            table.handlers = Array(repeating: nil, count: 256)
            table.counts = Array(repeating: 0, count: 256)
            table.allocated = Array(repeating: false, count: 256)
        }
    }

    /// A free vector of the dynamic range (the lowest), now reserved; `nil` when all are taken.
    static func allocateVector() -> UInt8? {
        withTable { table -> UInt8? in
            for vector in InterruptVector.dynamicRange where !table.allocated[Int(vector)] {
                table.allocated[Int(vector)] = true
                return vector
            }
            return nil
        }
    }

    /// Returns a vector from `allocateVector` and removes its handler; other vectors are ignored.
    static func freeVector(_ vector: UInt8) {
        guard InterruptVector.dynamicRange.contains(vector) else { return }
        withTable { table in
            table.allocated[Int(vector)] = false
            table.handlers[Int(vector)] = nil
        }
    }

    /// How many times `vector` has fired.
    static func count(_ vector: UInt8) -> UInt64 {
        withTable { $0.counts[Int(vector)] }
    }

    /// Runs `handler` (with interrupts off, on the interrupted stack) whenever `vector` fires.
    static func register(vector: UInt8, _ handler: @escaping () -> Void) {
        withTable { $0.handlers[Int(vector)] = handler }
    }

    /// Removes the handler of `vector` (the interrupt itself must be masked at its source first).
    static func unregister(vector: UInt8) {
        withTable { $0.handlers[Int(vector)] = nil }
    }

    /// What an interrupt handler adds to the CPU's preempt count (Linux's HARDIRQ_OFFSET).
    static let hardirqOffset: Int32 = 1 << 16

    fileprivate static func dispatch(_ frame: UnsafeMutablePointer<interrupt_frame>) {
        let vector = unsafe frame.pointee.vector
        if vector < 32 {
            unsafe Exceptions.handle(frame)
            return
        }
        if vector == UInt64(InterruptVector.spurious) || InterruptVector.legacyPICRange.contains(vector) {
            return                                      // spurious: no EOI
        }
        let index = Int(truncatingIfNeeded: vector & 0xFF)
        let handler = withTable { table -> (() -> Void)? in
            table.counts[index] &+= 1
            return table.handlers[index]
        }
        // Linux's hardirq count (HARDIRQ_OFFSET): in_irq()/in_interrupt() hold in LinuxKPI handlers.
        cpu_preempt_count_add(hardirqOffset)
        handler?()
        cpu_preempt_count_add(-hardirqOffset)
        LocalAPIC.endOfInterrupt()
        Scheduler.preemptIfDue()
    }
}

@_cdecl("apus_interrupt_dispatch")
func interruptDispatch(_ frame: UnsafeMutablePointer<interrupt_frame>) {
    unsafe Interrupts.dispatch(frame)
}
