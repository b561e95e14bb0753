// SPDX-License-Identifier: GPL-2.0-only
// What the console reads: bytes from the serial port and the keyboard, in arrival order, for the shell.
import KernelCore

/// One input queue fed by every input device's interrupt handler (the UART, the PS/2 keyboard) and read by
/// the shell, which blocks until a byte arrives.
enum ConsoleInput {
    private struct State {
        var ring = ByteRing()
        /// Bytes dropped because the ring was full.
        var overruns = 0
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// Readers blocked until input arrives.
    private static let readers = WaitQueue()

    /// Creates the lazily initialised globals; call before enabling any input interrupt.
    static func initialize() {
        _ = readers
    }

    /// Queues `byte` (from an interrupt handler); call `wakeReaders` after a batch.
    static func push(_ byte: UInt8) {
        withState { state in
            if state.ring.isFull { state.overruns += 1 } else { state.ring.push(byte) }
        }
    }

    /// Wakes the threads waiting for input.
    static func wakeReaders() {
        readers.wakeAll()
    }

    /// Blocks the calling thread until input arrives, then returns it.
    static func waitForByte() -> UInt8 {
        var byte: UInt8?
        readers.wait { byte = withState { $0.ring.pop() }; return byte != nil }
        return byte ?? 0
    }
}

/// A `TextSink` queueing into the console input (what a key press types).
struct ConsoleInputSink: TextSink {
    mutating func write(_ byte: UInt8) { ConsoleInput.push(byte) }
}
