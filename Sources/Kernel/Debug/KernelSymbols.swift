// SPDX-License-Identifier: GPL-2.0-only
// The kernel's own function symbols, embedded in the image at link time (scripts/build), for backtraces.
import KernelCore
import KernelSupport

enum KernelSymbols {
    typealias Table = SymbolTable<ImageBytes>

    /// The embedded table, validated; nil if the image carries none or it is malformed.
    static func table() -> Table? {
        let start = linker_symtab_start()
        let end = linker_symtab_end()
        guard end > start else { return nil }
        // SAFETY: [__symtab_start, __symtab_end) is the read-only .apus_symtab section of the image,
        // mapped for the kernel's lifetime; SymbolTable validates every offset inside it.
        let bytes = unsafe ImageBytes(start: UnsafeRawPointer(bitPattern: UInt(start))!, count: Int(end - start))
        return Table(bytes: bytes)
    }

    static func lookup(_ address: UInt64) -> (symbol: Table.Symbol, offset: UInt64)? {
        table()?.lookup(address)
    }
}
