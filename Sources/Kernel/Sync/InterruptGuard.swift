// SPDX-License-Identifier: GPL-2.0-only
// Sections that must not be interrupted: run a closure with interrupts off and restore the previous state.
import KernelSupport

/// Whether this CPU currently accepts maskable interrupts.
var interruptsEnabled: Bool { cpu_read_rflags() & (1 << 9) != 0 }

/// Runs `body` with maskable interrupts disabled, then restores the previous state (nests correctly).
@inline(__always)
func withInterruptsDisabled<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
    let wereEnabled = interruptsEnabled
    cpu_cli()
    defer { if wereEnabled { cpu_sti() } }
    return try body()
}
