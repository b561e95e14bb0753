// SPDX-License-Identifier: GPL-2.0-only
// CPU exceptions (vectors 0–31): a fault probe may recover; everything else is a kernel panic.
import KernelCore
import KernelSupport

enum Exceptions {
    static func handle(_ frame: UnsafeMutablePointer<interrupt_frame>) {
        let vector = unsafe frame.pointee.vector
        // SAFETY: the frame was built by interrupt_entry.S and is ours to edit until iretq.
        if vector == 14, unsafe fault_probe_recover(frame) != 0 { return }
        let errorCode = unsafe frame.pointee.error_code
        let rip = unsafe frame.pointee.rip
        unsafe Panic.halt(name(vector), frame: UnsafePointer(frame)) { out in
            out.write(" (vector ")
            out.writeDecimal(vector)
            out.write(", error code ")
            out.writeHex(errorCode, digits: 4)
            out.write(")")
            if vector == 14 {
                let address = cpu_read_cr2()
                out.write("\n  ")
                out.write(errorCode & 0x10 != 0 ? "instruction fetch" : (errorCode & 0x2 != 0 ? "write" : "read"))
                out.write(errorCode & 0x1 != 0 ? " violating protection at " : " of unmapped address ")
                out.writeHex(address)
                if address < 0x1000 { out.write(" (NULL pointer dereference)") }
            }
            // A fault on a stack's guard page usually escalates to a double fault: the CPU cannot push
            // the page fault's frame onto the exhausted stack. CR2 still names the guard page.
            if (vector == 14 || vector == 8) && KernelStacks.isGuardPage(cpu_read_cr2()) {
                out.write("\n  kernel stack overflow: hit the guard page at ")
                out.writeHex(cpu_read_cr2())
            }
            if vector == 6, isSwiftTrap(rip) {
                out.write("\n  Swift runtime trap: a precondition, bounds, overflow or unwrap check failed")
            }
        }
    }

    /// Whether `rip` points at `ud2`, the instruction Swift's checks compile to.
    private static func isSwiftTrap(_ rip: UInt64) -> Bool {
        guard rip >= linker_text_start(), rip + 2 <= linker_text_end() else { return false }
        // SAFETY: the two bytes lie inside the kernel's mapped, readable text section.
        let bytes = unsafe UnsafePointer<UInt8>(bitPattern: UInt(rip))!
        return unsafe bytes[0] == 0x0F && bytes[1] == 0x0B
    }

    private static func name(_ vector: UInt64) -> StaticString {
        switch vector {
        case 0: "divide error"
        case 1: "debug exception"
        case 2: "non-maskable interrupt"
        case 3: "breakpoint"
        case 4: "overflow"
        case 5: "bound range exceeded"
        case 6: "invalid opcode"
        case 7: "device not available"
        case 8: "double fault"
        case 10: "invalid TSS"
        case 11: "segment not present"
        case 12: "stack-segment fault"
        case 13: "general protection fault"
        case 14: "page fault"
        case 16: "x87 floating-point exception"
        case 17: "alignment check"
        case 18: "machine check"
        case 19: "SIMD floating-point exception"
        case 20: "virtualization exception"
        case 21: "control protection exception"
        default: "reserved exception"
        }
    }
}
