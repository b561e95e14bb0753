// SPDX-License-Identifier: GPL-2.0-only
// The kernel command line split into `key=value` parameters and bare flags, with typed lookups.

/// The kernel command line, split into parameters.
///
/// Words are separated by spaces (and tabs, newlines); a double-quoted part may contain
/// spaces (`key="a b"`), and the quotes are dropped from the value, as Linux does. A word is a
/// `key=value` parameter (split at the first `=`) or a bare flag. GRUB's `multiboot2` command
/// passes only the words after the kernel path, but other loaders (and multiboot1 tradition)
/// put the path first: a first word starting with `/` or `(` (a GRUB device) is taken as
/// `kernelPath` rather than a parameter. Lookups compare bytes; when a key repeats, the last
/// occurrence wins. The line is cut at `maximumLength` bytes and words longer than
/// `maximumWordLength` are ignored; both are reported in `diagnostics`.
public struct KernelCommandLine {
    /// One word of the command line.
    public struct Parameter {
        /// The key (the whole word for a flag).
        public let key: [UInt8]
        /// The value after the first `=`, quotes removed; `nil` for a bare flag.
        public let value: [UInt8]?
    }

    /// A problem found while splitting the line.
    public struct Diagnostic {
        /// Byte offset in the line.
        public let offset: Int
        /// What is wrong.
        public let reason: StaticString
    }

    /// Why a typed lookup failed.
    public enum LookupError: Error, Equatable {
        /// The key is not on the command line.
        case missing
        /// The key is a bare flag or has an empty value.
        case noValue
        /// The value is not a decimal or `0x` hexadecimal number.
        case notANumber
        /// The number does not fit the requested type.
        case overflow
    }

    /// Longest command line considered, in bytes.
    public static let maximumLength = 4096
    /// Longest word considered, in bytes.
    public static let maximumWordLength = 256

    /// The kernel image path, if the boot loader put one first.
    public private(set) var kernelPath: [UInt8]?
    /// The parameters, in order.
    public private(set) var parameters: [Parameter] = []
    /// Problems found while splitting.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Splits `line` (without a terminating NUL; anything from a NUL on is ignored).
    public init(_ line: [UInt8]) {
        var length = min(line.count, KernelCommandLine.maximumLength)
        if line.count > KernelCommandLine.maximumLength {
            diagnostics.append(Diagnostic(offset: KernelCommandLine.maximumLength, reason: "command line too long; truncated"))
        }
        if let nul = line.firstIndex(of: 0), nul < length { length = nul }

        var index = 0
        var first = true
        while index < length {
            while index < length && KernelCommandLine.isSpace(line[index]) { index += 1 }
            guard index < length else { break }
            let start = index
            var quoted = false
            while index < length && (quoted || !KernelCommandLine.isSpace(line[index])) {
                if line[index] == UInt8(ascii: "\"") { quoted.toggle() }
                index += 1
            }
            if quoted {
                diagnostics.append(Diagnostic(offset: start, reason: "unterminated quote"))
            }
            guard index - start <= KernelCommandLine.maximumWordLength else {
                diagnostics.append(Diagnostic(offset: start, reason: "word too long; ignored"))
                first = false
                continue
            }
            let word = Array(line[start..<index])
            if first && (word[0] == UInt8(ascii: "/") || word[0] == UInt8(ascii: "(")) {
                kernelPath = word
            } else {
                parameters.append(KernelCommandLine.parameter(word))
            }
            first = false
        }
    }

    /// Whether `key` appears, as a flag or with a value.
    public func contains(_ key: StaticString) -> Bool {
        find(key) != nil
    }

    /// The value of the last `key=value`, or `nil` if absent or a bare flag.
    public func value(_ key: StaticString) -> [UInt8]? {
        find(key)?.value
    }

    /// The value of `key` as an unsigned integer, decimal or `0x` hexadecimal.
    public func unsignedInteger(_ key: StaticString) throws(LookupError) -> UInt64 {
        guard let parameter = find(key) else { throw .missing }
        guard let value = parameter.value, !value.isEmpty else { throw .noValue }
        return try KernelCommandLine.parseUnsigned(value)
    }

    /// The comma-separated items of `key`'s value (`ktest=mm,boot` gives `mm`, `boot`),
    /// empty items dropped; empty if the key is absent or has no value.
    public func list(_ key: StaticString) -> [[UInt8]] {
        guard let value = value(key) else { return [] }
        return value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true).map { Array($0) }
    }

    /// Whether `key`'s comma-separated value includes `item`.
    public func list(_ key: StaticString, contains item: StaticString) -> Bool {
        let wanted = ByteReader.bytes(of: item)
        return list(key).contains { $0 == wanted }
    }

    /// Parses a decimal or `0x`/`0X` hexadecimal unsigned number, rejecting overflow.
    public static func parseUnsigned(_ text: [UInt8]) throws(LookupError) -> UInt64 {
        var digits = text[...]
        var radix: UInt64 = 10
        if digits.count > 2, digits[digits.startIndex] == UInt8(ascii: "0"),
           digits[digits.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty else { throw .notANumber }
        var result: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: throw .notANumber
            }
            let (shifted, overflowMultiply) = result.multipliedReportingOverflow(by: radix)
            let (sum, overflowAdd) = shifted.addingReportingOverflow(digit)
            guard !overflowMultiply && !overflowAdd else { throw .overflow }
            result = sum
        }
        return result
    }

    private func find(_ key: StaticString) -> Parameter? {
        let wanted = ByteReader.bytes(of: key)
        return parameters.last { $0.key == wanted }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func parameter(_ word: [UInt8]) -> Parameter {
        guard let equals = word.firstIndex(of: UInt8(ascii: "=")) else {
            return Parameter(key: word.filter { $0 != UInt8(ascii: "\"") }, value: nil)
        }
        var value = Array(word[(equals + 1)...])
        if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
            value = Array(value[1..<(value.count - 1)])
        } else if value.first == UInt8(ascii: "\"") {
            value.removeFirst()
        }
        return Parameter(key: Array(word[..<equals]), value: value)
    }
}
