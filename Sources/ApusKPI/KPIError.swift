// SPDX-License-Identifier: GPL-2.0-only
// The one error apus-kpi reports: a sentence saying what is wrong with which file or argument.

public struct KPIError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    /// The same error with `subject` (a path, usually) in front: `build/apus.elf: not an ELF file`.
    public func about(_ subject: String) -> KPIError {
        KPIError("\(subject): \(message)")
    }

    public var description: String { message }
}
