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
    static let spurious: UInt8 = 0xFF
}

enum Interrupts {
    private struct Table {
        var handlers: [(() -> Void)?] = []
        var counts: [UInt64] = []
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
        }
    }

    /// Runs `handler` (with interrupts off, on the interrupted stack) whenever `vector` fires.
    static func register(vector: UInt8, _ handler: @escaping () -> Void) {
        withTable { $0.handlers[Int(vector)] = handler }
    }

    /// Removes the handler of `vector` (the interrupt itself must be masked at its source first).
    static func unregister(vector: UInt8) {
        withTable { $0.handlers[Int(vector)] = nil }
    }

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
        handler?()
        LocalAPIC.endOfInterrupt()
    }
}

@_cdecl("apus_interrupt_dispatch")
func interruptDispatch(_ frame: UnsafeMutablePointer<interrupt_frame>) {
    unsafe Interrupts.dispatch(frame)
}
