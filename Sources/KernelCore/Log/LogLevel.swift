// SPDX-License-Identifier: GPL-2.0-only
// Kernel log levels (Linux's KERN_EMERG…KERN_DEBUG) and the console threshold that filters them.

/// The importance of a log record; lower is more severe, with Linux's numbering.
public enum LogLevel: UInt8 {
    /// The system is unusable (`KERN_EMERG`, 0).
    case emergency = 0
    /// Action must be taken immediately (`KERN_ALERT`, 1).
    case alert = 1
    /// Critical conditions (`KERN_CRIT`, 2).
    case critical = 2
    /// Error conditions (`KERN_ERR`, 3).
    case error = 3
    /// Warning conditions (`KERN_WARNING`, 4).
    case warning = 4
    /// Normal but significant condition (`KERN_NOTICE`, 5).
    case notice = 5
    /// Informational (`KERN_INFO`, 6).
    case info = 6
    /// Debug-level messages (`KERN_DEBUG`, 7).
    case debug = 7
}

/// Which records are echoed to the console, as Linux's `console_loglevel`.
///
/// A record is echoed when its level is strictly below the threshold: the default (7) shows
/// everything but debug messages, `quiet` (4) only errors and worse, a threshold of 8 or more
/// shows everything, 0 nothing. Records are stored in the log ring whatever the threshold.
public struct ConsoleLogLevel {
    /// Records with a level below this value are echoed.
    public var threshold: UInt8

    /// A console that echoes records with a level below `threshold`.
    public init(threshold: UInt8) {
        self.threshold = threshold
    }

    /// Linux's `CONSOLE_LOGLEVEL_DEFAULT`: everything except `debug`.
    public static var `default`: ConsoleLogLevel { ConsoleLogLevel(threshold: 7) }

    /// Linux's `CONSOLE_LOGLEVEL_QUIET` (the `quiet` boot option): `error` and more severe.
    public static var quiet: ConsoleLogLevel { ConsoleLogLevel(threshold: 4) }

    /// Whether a record of `level` goes to the console.
    public func echoes(_ level: LogLevel) -> Bool {
        level.rawValue < threshold
    }
}
