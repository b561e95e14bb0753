// SPDX-License-Identifier: GPL-2.0-only
// The SLP_TYPa/SLP_TYPb values of a sleep state, found in AML without an interpreter.

/// The values to write into the SLP_TYP fields of PM1a/PM1b control to enter a sleep state.
///
/// They come from the `\_Sx` package in the DSDT (or an SSDT). Until the ACPICA interpreter
/// is in, this scans the AML byte stream for the one shape firmware uses: `NameOp` (0x08),
/// an optional `\` or `^…` prefix, the name, `PackageOp` (0x12), a PkgLength of 1–4 bytes,
/// NumElements, then integer elements (ZeroOp, OneOp, OnesOp, ByteConst, WordConst,
/// DWordConst, QWordConst). A package with one element holds SLP_TYPa in its low byte and
/// SLP_TYPb in the next, as ACPICA reads it. Each value must fit the 3-bit SLP_TYP field; a
/// `\_Sx` defined by a method, or anything else, is not understood and reported.
public struct SleepType: Equatable {
    /// The value for PM1a control's SLP_TYP field (0–7).
    public let a: UInt8
    /// The value for PM1b control's SLP_TYP field (0–7).
    public let b: UInt8

    /// Why no sleep type was found.
    public enum LookupError: Error, Equatable {
        /// No `Name (\_Sx, Package …)` in the AML.
        case notFound
        /// The package runs past the end of the AML.
        case truncated
        /// The object is not a package, or the package is shorter than it claims.
        case malformedPackage
        /// An element is not an integer constant.
        case unsupportedElement
        /// A value does not fit the 3-bit SLP_TYP field.
        case valueOutOfRange
    }

    /// Creates a sleep type from its two values.
    public init(a: UInt8, b: UInt8) {
        self.a = a
        self.b = b
    }

    /// Finds `\_S<state>_` (state 0–5) in an AML byte stream (a table's body).
    ///
    /// When several definitions match, the first well-formed one wins; if none is well-formed,
    /// the error of the first malformed one is thrown.
    public static func find(sleepState state: UInt8, inAML aml: ByteReader) throws(LookupError) -> SleepType {
        guard state <= 5 else { throw .notFound }
        let name: [UInt8] = [UInt8(ascii: "_"), UInt8(ascii: "S"), UInt8(ascii: "0") + state, UInt8(ascii: "_")]
        var firstError: LookupError? = nil
        var index = 1
        while index + 4 <= aml.count {
            defer { index += 1 }
            guard aml.u8(at: index) == name[0], aml.u8(at: index + 1) == name[1], aml.u8(at: index + 2) == name[2],
                  aml.u8(at: index + 3) == name[3], isNameOp(before: index, in: aml)
            else { continue }
            do {
                return try package(at: index + 4, in: aml)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        throw firstError ?? .notFound
    }

    /// Finds `\_S5_` (soft off) in the DSDT, then in each SSDT.
    public static func s5(in directory: ACPITableDirectory) throws(LookupError) -> SleepType {
        var firstError: LookupError? = nil
        for table in directory.tables(.dsdt) + directory.tables(.ssdt) {
            do {
                return try find(sleepState: 5, inAML: table.body)
            } catch {
                if firstError == nil || firstError == .notFound { firstError = error }
            }
        }
        throw firstError ?? .notFound
    }

    /// Whether the name at `index` is preceded by NameOp, possibly with a `\` or `^…` prefix.
    private static func isNameOp(before index: Int, in aml: ByteReader) -> Bool {
        var position = index - 1
        if aml.u8(at: position) == UInt8(ascii: "\\") {
            position -= 1
        } else {
            while aml.u8(at: position) == UInt8(ascii: "^") { position -= 1 }
        }
        return aml.u8(at: position) == 0x08
    }

    /// Decodes `PackageOp PkgLength NumElements elements…` at `offset`.
    private static func package(at offset: Int, in aml: ByteReader) throws(LookupError) -> SleepType {
        guard let op = aml.u8(at: offset) else { throw .truncated }
        guard op == 0x12 else { throw .malformedPackage }
        let lengthOffset = offset + 1
        guard let lead = aml.u8(at: lengthOffset) else { throw .truncated }
        let extraBytes = Int(lead >> 6)
        var length: Int
        if extraBytes == 0 {
            length = Int(lead & 0x3F)
        } else {
            length = Int(lead & 0x0F)
            for byteIndex in 0..<extraBytes {
                guard let next = aml.u8(at: lengthOffset + 1 + byteIndex) else { throw .truncated }
                length |= Int(next) << (4 + 8 * byteIndex)
            }
        }
        // PkgLength counts itself, NumElements and the elements.
        guard length >= extraBytes + 2 else { throw .malformedPackage }
        guard let package = aml.slice(offset: lengthOffset, count: length) else { throw .truncated }
        var cursor = extraBytes + 1
        guard let count = package.u8(at: cursor), count >= 1 else { throw .malformedPackage }
        cursor += 1

        let first = try element(in: package, at: &cursor)
        let a = UInt8(truncatingIfNeeded: first)
        let b: UInt8
        if count == 1 {
            b = UInt8(truncatingIfNeeded: first >> 8)
        } else {
            b = UInt8(truncatingIfNeeded: try element(in: package, at: &cursor))
        }
        guard a <= 7, b <= 7 else { throw .valueOutOfRange }
        return SleepType(a: a, b: b)
    }

    /// Decodes one integer element at `cursor` and moves past it.
    private static func element(in package: ByteReader, at cursor: inout Int) throws(LookupError) -> UInt64 {
        guard let op = package.u8(at: cursor) else { throw .malformedPackage }
        let value: UInt64?
        let size: Int
        switch op {
        case 0x00: (value, size) = (0, 0)
        case 0x01: (value, size) = (1, 0)
        case 0xFF: (value, size) = (UInt64.max, 0)
        case 0x0A: (value, size) = (package.u8(at: cursor + 1).map { UInt64($0) }, 1)
        case 0x0B: (value, size) = (package.u16(at: cursor + 1).map { UInt64($0) }, 2)
        case 0x0C: (value, size) = (package.u32(at: cursor + 1).map { UInt64($0) }, 4)
        case 0x0E: (value, size) = (package.u64(at: cursor + 1), 8)
        default: throw .unsupportedElement
        }
        guard let value else { throw .malformedPackage }
        cursor += 1 + size
        return value
    }
}
