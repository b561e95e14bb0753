// SPDX-License-Identifier: GPL-2.0-only
// The panic path: print `KERNEL PANIC`, the reason, the registers and a symbolized backtrace, then halt.
import KernelCore
import KernelSupport
import Synchronization

enum Panic {
    /// Set by the first CPU to panic; any later panic (nested, or on another CPU) only prints a line.
    private static let inProgress = Atomic<Bool>(false)

    /// Stops the kernel because of `reason`, describing the interrupted context if there is one.
    static func halt(_ reason: StaticString, frame: UnsafePointer<interrupt_frame>? = nil,
                     detail: (inout PanicSink) -> Void = { _ in }) -> Never {
        cpu_cli()
        var out = PanicSink()
        if inProgress.exchange(true, ordering: .acquiringAndReleasing) {
            out.screen = false
            out.write("\nKERNEL PANIC (nested): ")
            out.write(reason)
            out.write("\n")
            cpu_halt_forever()
        }
        FramebufferConsole.enterPanicMode()
        SerialConsole.flush()
        out.write("\nKERNEL PANIC: ")
        out.write(reason)
        detail(&out)
        out.write("\n")
        if let frame = unsafe frame {
            unsafe writeRegisters(frame.pointee, to: &out)
            out.write("Backtrace:\n")
            unsafe writeFrame(index: 0, address: frame.pointee.rip, to: &out)
            unsafe writeBacktrace(from: frame.pointee.rbp, firstIndex: 1, to: &out)
        } else {
            out.write("Backtrace:\n")
            writeBacktrace(from: cpu_read_rbp(), firstIndex: 0, to: &out)
        }
        out.write("---[ end Kernel panic ]---\n")
        FramebufferConsole.finishPanic()
        cpu_halt_forever()
    }

    private static func writeRegisters(_ f: interrupt_frame, to out: inout PanicSink) {
        func register(_ name: StaticString, _ value: UInt64, _ last: Bool = false) {
            out.write(name)
            out.write(": ")
            out.writeHex(value)
            out.write(last ? "\n" : "  ")
        }
        out.write("RIP: ")
        out.writeHex(f.rip)
        out.write(" ")
        writeSymbol(f.rip, to: &out)
        out.write("\n")
        register("RSP", f.rsp); register("RBP", f.rbp); register("RFLAGS", f.rflags, true)
        register("RAX", f.rax); register("RBX", f.rbx); register("RCX", f.rcx, true)
        register("RDX", f.rdx); register("RSI", f.rsi); register("RDI", f.rdi, true)
        register("R8 ", f.r8); register("R9 ", f.r9); register("R10", f.r10, true)
        register("R11", f.r11); register("R12", f.r12); register("R13", f.r13, true)
        register("R14", f.r14); register("R15", f.r15); register("CS ", f.cs, true)
        register("CR0", cpu_read_cr0()); register("CR2", cpu_read_cr2()); register("CR3", cpu_read_cr3(), true)
        register("CR4", cpu_read_cr4(), true)
    }

    private static func writeFrame(index: Int, address: UInt64, to out: inout PanicSink) {
        out.write("  #")
        out.writeDecimal(index, width: 2, padding: 0x30)
        out.write(" ")
        out.writeHex(address)
        out.write(" ")
        writeSymbol(address, to: &out)
        out.write("\n")
    }

    /// Follows the frame-pointer chain from `rbp`, stopping at anything that is not a plausible kernel
    /// stack frame, so a corrupted stack ends the backtrace instead of faulting again.
    private static func writeBacktrace(from rbp: UInt64, firstIndex: Int, to out: inout PanicSink) {
        var frame = rbp
        var index = firstIndex
        var previous: UInt64 = 0
        var repeats = 0
        while index < 64, KernelStacks.contains(frame, length: 16), frame % 8 == 0 {
            // SAFETY: KernelStacks.contains checked that both words lie in a mapped kernel stack.
            let next = unsafe UnsafePointer<UInt64>(bitPattern: UInt(frame))!.pointee
            let returnAddress = unsafe UnsafePointer<UInt64>(bitPattern: UInt(frame + 8))!.pointee
            if returnAddress == 0 { break }
            // Deep recursion: print the first few frames of a run, then how many were left out.
            repeats = returnAddress == previous ? repeats + 1 : 0
            previous = returnAddress
            if repeats < 3 {
                // A return address points after the call; name the call's function, not the next one.
                writeFrame(index: index, address: returnAddress - 1, to: &out)
            }
            if next <= frame { break }                  // stacks grow down: callers are above
            frame = next
            index += 1
        }
        if repeats >= 3 {
            out.write("  ... ")
            out.writeDecimal(repeats - 2)
            out.write(" more frames like the one above\n")
        }
    }

    private static func writeSymbol(_ address: UInt64, to out: inout PanicSink) {
        if let (name, offset, module) = Modules.symbolize(address) {
            out.write(contentsOf: name)
            out.write("+")
            out.writeHex(offset, digits: 1)
            out.write(" [")
            out.write(contentsOf: module)
            out.write("]")
            return
        }
        guard let (symbol, offset) = KernelSymbols.lookup(address) else {
            out.write("<unknown>")
            return
        }
        out.write(contentsOf: symbol.name)
        out.write("+")
        out.writeHex(offset, digits: 1)
    }
}

/// Stops the kernel with `reason` (Swift code's last resort for a broken invariant).
func panic(_ reason: StaticString) -> Never {
    unsafe Panic.halt(reason)
}
