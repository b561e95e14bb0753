// SPDX-License-Identifier: GPL-2.0-only
// Builds the binary symbol table (see SymbolTableFormat) from a list of function symbols, on the host.

/// Encodes function symbols into the format that ``SymbolTable`` reads.
///
/// Used by the `apus-symtab` host tool at kernel link time; the output is always accepted by
/// `SymbolTable(bytes:)`.
public enum SymbolTableEncoder {
    /// A function symbol to encode.
    public struct Symbol {
        /// The address of the first instruction.
        public var address: UInt64
        /// The size in bytes, 0 if unknown.
        public var size: UInt64
        /// The name, UTF-8.
        public var name: [UInt8]

        /// A symbol named `name` covering `size` bytes from `address`.
        public init(address: UInt64, size: UInt64, name: [UInt8]) {
            self.address = address
            self.size = size
            self.name = name
        }
    }

    /// The table for `symbols`, given in any order.
    ///
    /// - Symbols are sorted by address. Of several symbols at one address (aliases) the one
    ///   with the largest size is kept, and among equal sizes the one listed first.
    /// - Names longer than `maximumNameLength` bytes are cut at a UTF-8 character boundary and
    ///   end with `...`, so the whole name, marker included, fits `maximumNameLength` (at least
    ///   4); NUL bytes in names become `?`.
    /// - Sizes above `UInt32.max`, and sizes that would run past the end of the address space,
    ///   are stored as 0 (unknown).
    public static func encode(_ symbols: [Symbol], maximumNameLength: Int = 120) -> [UInt8] {
        precondition(maximumNameLength >= 4, "maximumNameLength must leave room for the marker")
        let order = symbols.indices.sorted { left, right in
            let a = symbols[left]
            let b = symbols[right]
            if a.address != b.address { return a.address < b.address }
            if a.size != b.size { return a.size > b.size }
            return left < right
        }
        var kept: [Symbol] = []
        for index in order where kept.last?.address != symbols[index].address {
            kept.append(symbols[index])
        }

        var strings: [UInt8] = []
        var entries: [UInt8] = []
        for symbol in kept {
            let fits = symbol.size <= UInt64(UInt32.max)
                && !symbol.address.addingReportingOverflow(symbol.size).overflow
            append(symbol.address, size: 8, to: &entries)
            append(fits ? symbol.size : 0, size: 4, to: &entries)
            append(UInt64(strings.count), size: 4, to: &entries)
            for byte in truncated(symbol.name, to: maximumNameLength) {
                strings.append(byte == 0 ? 0x3F : byte)
            }
            strings.append(0)
        }
        precondition(kept.count <= Int(UInt32.max) && strings.count <= Int(UInt32.max), "symbol table too large")

        let magic = SymbolTableFormat.magic
        var table: [UInt8] = [magic.0, magic.1, magic.2, magic.3]
        append(UInt64(SymbolTableFormat.version), size: 4, to: &table)
        append(UInt64(kept.count), size: 4, to: &table)
        append(UInt64(strings.count), size: 4, to: &table)
        return table + entries + strings
    }

    /// `name` itself if it has at most `limit` bytes, else its longest prefix that ends on a
    /// UTF-8 character boundary and leaves room for `...`, followed by `...`.
    static func truncated(_ name: [UInt8], to limit: Int) -> [UInt8] {
        guard name.count > limit else { return name }
        var end = limit - 3
        while end > 0 && name[end] & 0xC0 == 0x80 {
            end -= 1
        }
        return Array(name[..<end]) + [0x2E, 0x2E, 0x2E]
    }

    private static func append(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
        for index in 0..<size {
            bytes.append(UInt8(truncatingIfNeeded: value >> (index * 8)))
        }
    }
}
