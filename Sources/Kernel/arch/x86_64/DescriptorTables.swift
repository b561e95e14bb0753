// SPDX-License-Identifier: GPL-2.0-only
// The GDT (flat 64-bit code and data, one TSS) and the IDT pointing every vector at its entry stub.
import KernelSupport

enum SegmentSelector {
    static let kernelCode: UInt16 = 0x08
    static let kernelData: UInt16 = 0x10
    static let taskState: UInt16 = 0x18
}

enum DescriptorTables {
    /// Loads the GDT with a TSS whose interrupt stack table holds the exception stacks, and reloads
    /// every segment register.
    static func loadGDT() {
        // SAFETY: cpu_gdt and cpu_tss are statically allocated C storage of the boot CPU, written here
        // before lgdt/ltr make them live and before any interrupt can use them.
        let tss = unsafe cpu_tss_pointer()
        unsafe tss.pointee = task_state_segment()
        unsafe tss.pointee.iomap_base = UInt16(MemoryLayout<task_state_segment>.size)
        unsafe tss.pointee.ist.0 = cpu_exception_stack_top(0)
        unsafe tss.pointee.ist.1 = cpu_exception_stack_top(1)
        unsafe tss.pointee.ist.2 = cpu_exception_stack_top(2)

        let base = UInt64(UInt(bitPattern: tss))
        let limit = UInt64(MemoryLayout<task_state_segment>.size - 1)
        let gdt = unsafe UnsafeMutableBufferPointer(start: cpu_gdt_entries(), count: Int(GDT_ENTRIES))
        unsafe gdt[0] = 0
        unsafe gdt[1] = 0x00AF_9A00_0000_FFFF      // 64-bit code, DPL 0
        unsafe gdt[2] = 0x00CF_9200_0000_FFFF      // data, DPL 0
        // A 16-byte available 64-bit TSS descriptor.
        unsafe gdt[3] = (limit & 0xFFFF) | ((base & 0xFF_FFFF) << 16) | (0x89 << 40)
            | ((limit >> 16) & 0xF) << 48 | ((base >> 24) & 0xFF) << 56
        unsafe gdt[4] = base >> 32
        var pointer = descriptor_pointer(limit: UInt16(gdt.count * 8 - 1),
                                         base: UInt64(UInt(bitPattern: gdt.baseAddress)))
        unsafe cpu_lgdt(&pointer)
        unsafe cpu_reload_segments(SegmentSelector.kernelCode, SegmentSelector.kernelData)
        unsafe cpu_ltr(SegmentSelector.taskState)
    }

    /// Points all 256 IDT vectors at their stubs (interrupt gates, DPL 0); the double fault, NMI and
    /// machine check run on their own stacks so a kernel stack overflow still reaches the panic path.
    static func loadIDT() {
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
        var pointer = descriptor_pointer(limit: UInt16(gates.count * 16 - 1),
                                         base: UInt64(UInt(bitPattern: gates.baseAddress)))
        unsafe cpu_lidt(&pointer)
    }
}
