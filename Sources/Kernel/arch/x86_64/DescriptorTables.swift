// SPDX-License-Identifier: GPL-2.0-only
// The GDT (flat 64-bit code and data, one TSS) and the IDT pointing every vector at its entry stub.
import KernelSupport

enum SegmentSelector {
    static let kernelCode: UInt16 = 0x08
    static let kernelData: UInt16 = 0x10
    static let taskState: UInt16 = 0x18
}

enum DescriptorTables {
    /// Loads CPU `index`'s GDT with a TSS whose interrupt stack table holds `exceptionStacks` (double
    /// fault, NMI, machine check), and reloads every segment register.
    static func loadGDT(cpu index: Int, exceptionStacks: (UInt64, UInt64, UInt64)) {
        // SAFETY: slot `index` belongs to the CPU running this (each CPU loads only its own), and is
        // written before lgdt/ltr make it live.
        let local = unsafe cpu_local_slot(UInt32(index))
        unsafe local.pointee.tss = task_state_segment()
        unsafe local.pointee.tss.iomap_base = UInt16(MemoryLayout<task_state_segment>.size)
        unsafe local.pointee.tss.ist.0 = exceptionStacks.0
        unsafe local.pointee.tss.ist.1 = exceptionStacks.1
        unsafe local.pointee.tss.ist.2 = exceptionStacks.2

        let tssBase = cpu_local_tss_address(UInt32(index))
        let limit = UInt64(MemoryLayout<task_state_segment>.size - 1)
        let gdt = unsafe UnsafeMutableBufferPointer(start: cpu_local_gdt(UInt32(index)), count: Int(GDT_ENTRIES))
        unsafe gdt[0] = 0
        unsafe gdt[1] = 0x00AF_9A00_0000_FFFF      // 64-bit code, DPL 0
        unsafe gdt[2] = 0x00CF_9200_0000_FFFF      // data, DPL 0
        // A 16-byte available 64-bit TSS descriptor.
        unsafe gdt[3] = (limit & 0xFFFF) | ((tssBase & 0xFF_FFFF) << 16) | (0x89 << 40)
            | ((limit >> 16) & 0xF) << 48 | ((tssBase >> 24) & 0xFF) << 56
        unsafe gdt[4] = tssBase >> 32
        var pointer = descriptor_pointer(limit: UInt16(gdt.count * 8 - 1),
                                         base: UInt64(UInt(bitPattern: gdt.baseAddress)))
        unsafe cpu_lgdt(&pointer)
        unsafe cpu_reload_segments(SegmentSelector.kernelCode, SegmentSelector.kernelData)
        unsafe cpu_ltr(SegmentSelector.taskState)
    }

    /// The boot CPU's exception stacks (static: they must exist before the heap does).
    static var bootExceptionStacks: (UInt64, UInt64, UInt64) {
        (cpu_boot_exception_stack_top(0), cpu_boot_exception_stack_top(1), cpu_boot_exception_stack_top(2))
    }

    /// Fills the shared IDT: all 256 vectors point at their stubs (interrupt gates, DPL 0); the double
    /// fault, NMI and machine check run on their own stacks so a stack overflow still reaches the panic
    /// path. Done once, by the boot CPU; every CPU then loads it with `loadIDT`.
    static func fillIDT() {
        // SAFETY: cpu_idt is static C storage of the boot CPU; it is filled before lidt makes it live.
        let gates = unsafe UnsafeMutableBufferPointer(start: cpu_idt_gates(), count: 256)
        for vector in 0..<256 {
            let handler = interrupt_stub_address(UInt32(vector))
            var ist: UInt8 = 0
            switch vector {
            case 2: ist = UInt8(IST_NMI)
            case 8: ist = UInt8(IST_DOUBLE_FAULT)
            case 18: ist = UInt8(IST_MACHINE_CHECK)
            default: break
            }
            unsafe gates[vector] = idt_gate(
                offset_low: UInt16(truncatingIfNeeded: handler),
                selector: SegmentSelector.kernelCode,
                ist: ist,
                type_attributes: 0x8E,                    // present, DPL 0, 64-bit interrupt gate
                offset_middle: UInt16(truncatingIfNeeded: handler >> 16),
                offset_high: UInt32(truncatingIfNeeded: handler >> 32),
                reserved: 0)
        }
        loadIDT()
    }

    /// Makes the shared IDT this CPU's.
    static func loadIDT() {
        let gates = unsafe cpu_idt_gates()
        var pointer = descriptor_pointer(limit: UInt16(256 * 16 - 1), base: UInt64(UInt(bitPattern: gates)))
        // SAFETY: the IDT was filled by fillIDT before any CPU loads it, and is never changed after.
        unsafe cpu_lidt(&pointer)
    }
}
