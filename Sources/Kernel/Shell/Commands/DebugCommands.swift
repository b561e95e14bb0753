// SPDX-License-Identifier: GPL-2.0-only
// `crash`: deliberately faults, to exercise the panic path (NULL write, stack overflow, or a Swift trap).
import KernelSupport

enum DebugCommands {
    static var all: [ShellCommand] {
        [ShellCommand(name: "crash", usage: "[null|stack|trap]", summary: "deliberately crash the kernel", run: crash)]
    }

    private static func crash(_ arguments: ShellArguments) {
        if arguments.count == 0 || arguments.word(0, is: "null") {
            triggerDeliberateNullWrite()
        } else if arguments.word(0, is: "stack") {
            _ = triggerDeliberateStackOverflow(1)
        } else if arguments.word(0, is: "trap") {
            triggerDeliberateTrap(arguments.count)
        } else {
            Shell.usageError("crash", "[null|stack|trap]")
        }
    }
}

/// Writes through a NULL pointer: a page fault in this very function.
@inline(never)
func triggerDeliberateNullWrite() {
    // The address comes from an opaque source so the optimiser cannot see (and drop) the bad write.
    let address = UInt(truncatingIfNeeded: cpu_read_cr2() & 0) | 0x8
    // SAFETY: deliberately unsafe; page 0 is never mapped, so the write faults and the kernel panics.
    let pointer = unsafe UnsafeMutablePointer<UInt64>(bitPattern: address)!
    unsafe pointer.pointee = 0xDEAD
}

/// Recurses until the stack's guard page stops it.
@inline(never)
func triggerDeliberateStackOverflow(_ depth: UInt64) -> UInt64 {
    var frame = InlineArray<64, UInt64>(repeating: depth)
    if depth == UInt64.max { return 0 }                 // never: keeps the recursion legal for the compiler
    frame[Int(depth % 64)] = triggerDeliberateStackOverflow(depth + 1)
    return frame[Int(depth % 63)]
}

/// Fails a Swift precondition: the compiler's trap instruction.
@inline(never)
func triggerDeliberateTrap(_ value: Int) {
    precondition(value < 0, "deliberate trap")
}
