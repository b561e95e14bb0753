// SPDX-License-Identifier: GPL-2.0-only
// Byte sinks and allocation-free text formatting shared by the log, the panic path and the shell.

/// A destination for text bytes: a serial port, a log line being composed, a test's capture.
///
/// Everything that prints in the kernel goes through a `TextSink` and the helpers below. None of
/// them allocates or takes a lock, so they may run in interrupt handlers and on the panic path.
/// Use it as a generic constraint (`<Sink: TextSink>`), never as an existential.
public protocol TextSink {
    /// Appends one byte.
    mutating func write(_ byte: UInt8)
}

/// A value that writes its text form into any ``TextSink`` without allocating.
public protocol TextStreamable {
    /// Writes the text form of `self` into `sink`.
    func write<Sink: TextSink>(to sink: inout Sink)
}

extension TextSink {
    /// Appends the UTF-8 bytes of a string literal.
    public mutating func write(_ string: StaticString) {
        // SAFETY: `withUTF8Buffer` hands a buffer that is valid for the duration of the closure;
        // it is only read, element by element, inside the closure.
        string.withUTF8Buffer { buffer in
            for unsafe byte in unsafe buffer {
                write(byte)
            }
        }
    }

    /// Appends the text form of `value`.
    public mutating func write<Value: TextStreamable>(_ value: Value) {
        value.write(to: &self)
    }

    /// Appends every byte of `bytes`.
    public mutating func write<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        for byte in bytes {
            write(byte)
        }
    }

    /// Appends `byte` `count` times (nothing if `count` is not positive).
    public mutating func writeRepeated(_ byte: UInt8, count: Int) {
        var remaining = count
        while remaining > 0 {
            write(byte)
            remaining -= 1
        }
    }

    /// Appends a string literal left-aligned in a column of `width` bytes, padded with spaces.
    ///
    /// Text longer than the column is written whole.
    public mutating func write(_ string: StaticString, leftAlignedIn width: Int) {
        write(string)
        writeRepeated(TextSinkASCII.space, count: width - string.utf8CodeUnitCount)
    }

    /// Appends `bytes` left-aligned in a column of `width` bytes, padded with spaces.
    ///
    /// Text longer than the column is written whole.
    public mutating func write<Bytes: Collection<UInt8>>(contentsOf bytes: Bytes, leftAlignedIn width: Int) {
        write(contentsOf: bytes)
        writeRepeated(TextSinkASCII.space, count: width - bytes.count)
    }

    /// Appends `value` in decimal, right-aligned in a column of at least `width` bytes.
    ///
    /// - Parameters:
    ///   - value: any integer; negative values get a leading `-`.
    ///   - width: the minimum number of bytes written, sign included (like printf's `%5d`).
    ///   - padding: the byte that fills the column: a space (the default), or ASCII `0` (0x30)
    ///     for zero padding, which then follows the sign like printf's `%05d`.
    public mutating func writeDecimal<Value: FixedWidthInteger>(
        _ value: Value, width: Int = 0, padding: UInt8 = 0x20
    ) {
        let isNegative = value < 0
        let magnitude = value.magnitude
        var divisor: Value.Magnitude = 1
        var digits = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        let padCount = width - digits - (isNegative ? 1 : 0)
        if padding == TextSinkASCII.zero {
            if isNegative { write(TextSinkASCII.minus) }
            writeRepeated(padding, count: padCount)
        } else {
            writeRepeated(padding, count: padCount)
            if isNegative { write(TextSinkASCII.minus) }
        }
        while divisor > 0 {
            write(TextSinkASCII.zero + UInt8(truncatingIfNeeded: magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends the bit pattern of `value` in lowercase hexadecimal, zero-padded to `digits`.
    ///
    /// - Parameters:
    ///   - value: any integer; negative values print as their two's complement bit pattern.
    ///   - digits: the minimum number of hex digits; by default the full width of `Value`
    ///     (16 for a 64-bit value). Digits that do not fit are never cut off.
    ///   - prefix: whether to write `0x` first.
    public mutating func writeHex<Value: FixedWidthInteger>(
        _ value: Value, digits: Int = Value.bitWidth / 4, prefix: Bool = true
    ) {
        let bits = Value.Magnitude(truncatingIfNeeded: value)
        let significant = max(1, (Value.bitWidth - bits.leadingZeroBitCount + 3) / 4)
        if prefix { write("0x") }
        writeRepeated(TextSinkASCII.zero, count: digits - significant)
        var nibble = significant
        while nibble > 0 {
            nibble -= 1
            let digit = UInt8(truncatingIfNeeded: (bits >> (nibble * 4)) & 0xF)
            write(digit < 10 ? TextSinkASCII.zero + digit : TextSinkASCII.lowercaseA + digit - 10)
        }
    }
}

/// The ASCII bytes the formatting helpers use, named.
enum TextSinkASCII {
    static var space: UInt8 { 0x20 }
    static var zero: UInt8 { 0x30 }
    static var minus: UInt8 { 0x2D }
    static var lowercaseA: UInt8 { 0x61 }
}

extension StaticString: TextStreamable {
    /// Writes the UTF-8 bytes of the literal.
    public func write<Sink: TextSink>(to sink: inout Sink) {
        sink.write(self)
    }
}

extension Array: TextStreamable where Element == UInt8 {
    /// Writes the bytes unchanged.
    public func write<Sink: TextSink>(to sink: inout Sink) {
        sink.write(contentsOf: self)
    }
}

extension ArraySlice: TextStreamable where Element == UInt8 {
    /// Writes the bytes unchanged.
    public func write<Sink: TextSink>(to sink: inout Sink) {
        sink.write(contentsOf: self)
    }
}
