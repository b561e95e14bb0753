// SPDX-License-Identifier: GPL-2.0-only
// Reads the kernel's embedded function-symbol table to name the functions of a backtrace.

/// The binary layout of a symbol table, shared by ``SymbolTable`` and ``SymbolTableEncoder``.
///
/// All integers are little-endian.
///
///     header   magic "APSY" (4 bytes), version (u32) = 1, count (u32), string-table size (u32)
///     entries  count × { start address (u64), size in bytes (u32, 0 = unknown), name offset (u32) }
///              sorted by strictly increasing start address
///     strings  NUL-terminated names (demangled, UTF-8); every name offset points into them
///
/// Bytes after the string table are ignored, so the table may sit in a larger reserved area.
public enum SymbolTableFormat {
    /// The first four bytes of a table.
    public static var magic: (UInt8, UInt8, UInt8, UInt8) { (0x41, 0x50, 0x53, 0x59) }  // "APSY"
    /// The format version this code reads and writes.
    public static var version: UInt32 { 1 }
    /// The size of the header in bytes.
    public static var headerSize: Int { 16 }
    /// The size of one entry in bytes.
    public static var entrySize: Int { 16 }
}

/// A validated symbol table over raw bytes, answering "which function holds this address?".
///
/// `Bytes` is any random-access byte collection: an array on the host; in the kernel an
/// `UnsafeRawBufferPointer` over the table linked into the image. Creating the table checks the
/// header, every entry's ordering and name offset and the string table's end against
/// `bytes.count`, so later reads stay inside the bytes and a corrupted table gives `nil` from the
/// initialiser instead of a trap or a stray read. Lookups do not allocate and may run on the
/// panic path.
public struct SymbolTable<Bytes: RandomAccessCollection<UInt8>> where Bytes.Index == Int {
    /// One function symbol.
    public struct Symbol {
        /// The address of the first instruction.
        public let address: UInt64
        /// The size in bytes, or 0 when the symbol table does not know it.
        public let size: UInt32
        /// The name's bytes (UTF-8, no terminating NUL), a slice of the table.
        public let name: Bytes.SubSequence
    }

    private let bytes: Bytes

    /// The number of symbols.
    public let count: Int

    private let stringsOffset: Int
    private let stringsSize: Int

    /// Validates `bytes` as a symbol table; `nil` if anything in it is malformed or out of bounds.
    public init?(bytes: Bytes) {
        self.bytes = bytes
        let headerSize = SymbolTableFormat.headerSize
        let magic = SymbolTableFormat.magic
        guard bytes.count >= headerSize else { return nil }
        let base = bytes.startIndex
        guard bytes[base] == magic.0 && bytes[base + 1] == magic.1
            && bytes[base + 2] == magic.2 && bytes[base + 3] == magic.3
        else { return nil }
        guard SymbolTable.u32(bytes, at: 4) == SymbolTableFormat.version else { return nil }
        let count = Int(SymbolTable.u32(bytes, at: 8))
        let stringsSize = Int(SymbolTable.u32(bytes, at: 12))
        let (entriesSize, overflow) = count.multipliedReportingOverflow(by: SymbolTableFormat.entrySize)
        guard !overflow, entriesSize <= bytes.count - headerSize,
            stringsSize <= bytes.count - headerSize - entriesSize
        else { return nil }
        self.count = count
        self.stringsOffset = headerSize + entriesSize
        self.stringsSize = stringsSize
        // Every name must end with a NUL inside the string table: it suffices that the table is
        // non-empty and ends with one.
        guard count == 0 || (stringsSize > 0 && bytes[base + stringsOffset + stringsSize - 1] == 0)
        else { return nil }
        var previousAddress: UInt64 = 0
        for index in 0..<count {
            let entry = entryOffset(index)
            let address = SymbolTable.u64(bytes, at: entry)
            let size = SymbolTable.u32(bytes, at: entry + 8)
            let nameOffset = SymbolTable.u32(bytes, at: entry + 12)
            // Starts strictly increase (sizes may reach past the next start: aliases, thunks);
            // no symbol wraps past the top of the address space; names lie in the string table.
            guard index == 0 || address > previousAddress,
                !address.addingReportingOverflow(UInt64(size)).overflow,
                Int(nameOffset) < stringsSize
            else { return nil }
            previousAddress = address
        }
    }

    /// The symbol at `index` (0 ≤ index < ``count``), in address order.
    public subscript(index: Int) -> Symbol {
        precondition(index >= 0 && index < count, "SymbolTable index out of range")
        let entry = entryOffset(index)
        let nameStart = stringsOffset + Int(SymbolTable.u32(bytes, at: entry + 12))
        var nameEnd = nameStart
        while bytes[bytes.startIndex + nameEnd] != 0 {
            nameEnd += 1
        }
        return Symbol(
            address: SymbolTable.u64(bytes, at: entry),
            size: SymbolTable.u32(bytes, at: entry + 8),
            name: bytes[(bytes.startIndex + nameStart)..<(bytes.startIndex + nameEnd)]
        )
    }

    /// The function containing `address` and the offset of `address` from its start, or `nil`.
    ///
    /// The candidate is the symbol with the greatest start address ≤ `address` (binary search).
    /// It contains `address` when `address` is below its start + size; a symbol of unknown
    /// size (0) is taken to extend to the next symbol's start, except the last symbol, whose end
    /// is unknown. So addresses before the first symbol, in a gap after a sized symbol, or past
    /// the last symbol give `nil` rather than a misleading name.
    public func lookup(_ address: UInt64) -> (symbol: Symbol, offset: UInt64)? {
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            if SymbolTable.u64(bytes, at: entryOffset(middle)) <= address {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low > 0 else { return nil }
        let symbol = self[low - 1]
        let offset = address - symbol.address
        if symbol.size > 0 {
            guard offset < UInt64(symbol.size) else { return nil }
        } else {
            guard low < count else { return nil }
        }
        return (symbol, offset)
    }

    private func entryOffset(_ index: Int) -> Int {
        SymbolTableFormat.headerSize + index * SymbolTableFormat.entrySize
    }

    private static func u32(_ bytes: Bytes, at offset: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: littleEndian(bytes, at: offset, size: 4))
    }

    private static func u64(_ bytes: Bytes, at offset: Int) -> UInt64 {
        littleEndian(bytes, at: offset, size: 8)
    }

    private static func littleEndian(_ bytes: Bytes, at offset: Int, size: Int) -> UInt64 {
        var value: UInt64 = 0
        var index = size
        while index > 0 {
            index -= 1
            value = value << 8 | UInt64(bytes[bytes.startIndex + offset + index])
        }
        return value
    }
}
