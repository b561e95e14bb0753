// SPDX-License-Identifier: GPL-2.0-only
// The kernel log: records kept in a ring (read by `dmesg`) and echoed to the console by level, like printk.
import KernelCore

/// One log line as it is composed, before it is committed.
typealias LogLine = LineBuffer<240>

enum KernelLog {
    private struct State {
        var ring = LogRing<131_072>()
        /// Which levels are echoed to the console (`loglevel=` on the command line).
        var consoleLevel = ConsoleLogLevel.default
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    static func setConsoleLevel(_ level: ConsoleLogLevel) {
        withState { $0.consoleLevel = level }
    }

    /// Composes a record with `compose` and commits it at `level`.
    static func log(_ level: LogLevel, _ compose: (inout LogLine) -> Void) {
        var line = LogLine()
        compose(&line)
        let now = Clock.nanoseconds
        withState { state in
            state.ring.append(level: level, timestamp: now, text: line)
            if state.consoleLevel.echoes(level) {
                var sink = ConsoleSink()
                sink.write(LogTimestamp(nanoseconds: now))
                sink.write(" ")
                sink.write(line)
                sink.write(0x0A)
            }
        }
    }

    /// Writes every stored record, oldest first, Linux-style (`[    1.234567] text`). Each record is
    /// copied out under the lock and written after it, so a long dump does not keep interrupts off.
    static func dump<Sink: TextSink>(to sink: inout Sink) {
        var cursor = withState { $0.ring.oldest }
        while true {
            var line = LineBuffer<320>()
            let found = withState { state -> Bool in
                guard let record = state.ring.next(&cursor) else { return false }
                state.ring.format(record, to: &line)
                return true
            }
            guard found else { return }
            sink.write(line)
            sink.write(0x0A)
        }
    }
}

extension KernelLog {
    /// Writes the stored records that the console level echoes, oldest first, as the console showed them
    /// (`[    1.234567] text`): a console that starts late (the framebuffer) catches up with the boot log.
    static func replay<Sink: TextSink>(to sink: inout Sink) {
        var cursor = withState { $0.ring.oldest }
        while true {
            var line = LineBuffer<320>()
            let found = withState { state -> Bool? in
                guard let record = state.ring.next(&cursor) else { return nil }
                guard state.consoleLevel.echoes(record.level) else { return false }
                state.ring.format(record, to: &line)
                return true
            }
            guard let found else { return }
            if found {
                sink.write(line)
                sink.write(0x0A)
            }
        }
    }
}

/// Logs a record at `level` (the kernel's printk).
func log(_ level: LogLevel, _ compose: (inout LogLine) -> Void) {
    KernelLog.log(level, compose)
}

/// Logs a fixed message at `level`.
func log(_ level: LogLevel, _ message: StaticString) {
    KernelLog.log(level) { $0.write(message) }
}
