// SPDX-License-Identifier: GPL-2.0-only
// What a module or kernel offers other modules (its exports) and what it needs from them (its imports).

/// Exports and imports of one ELF file, as the Apus module loader (and Linux's) sees them.
public struct ModuleSymbols: Equatable, Sendable {
    /// The prefix of the `struct kernel_symbol` that `EXPORT_SYMBOL(sym)` emits: `__ksymtab_sym`.
    public static let exportPrefix = "__ksymtab_"

    /// Symbols exported with `EXPORT_SYMBOL` or `EXPORT_SYMBOL_GPL`, found as the defined symbols named
    /// `__ksymtab_<sym>` (local in Linux's objects, where they are assembler labels; any binding counts).
    public var exports: Set<String>
    /// Global undefined symbols, sorted and without duplicates. Weak undefined symbols are left out: a
    /// loader leaves them 0 when nobody provides them (Linux's `simplify_symbols` does), so they are not
    /// needed to link.
    public var imports: [String]

    public init(exports: Set<String>, imports: [String]) {
        self.exports = exports
        self.imports = imports
    }

    public init(_ elf: ELFSymbols) {
        var exports = Set<String>()
        var imports = Set<String>()
        for symbol in elf.symbols {
            if symbol.isDefined {
                if symbol.name.hasPrefix(Self.exportPrefix) {
                    exports.insert(String(symbol.name.dropFirst(Self.exportPrefix.count)))
                }
            } else if symbol.binding == .global {
                imports.insert(symbol.name)
            }
        }
        exports.remove("")
        self.init(exports: exports, imports: imports.sorted())
    }

    /// Reads a module: an ELF64 x86-64 relocatable file (the error names the type when it is not).
    public static func module(_ bytes: [UInt8]) throws(KPIError) -> ModuleSymbols {
        let elf = try ELFReader.symbols(of: bytes)
        guard elf.type == .relocatable else {
            throw KPIError("not a module: its ELF type is \(elf.type.name), a module's is ET_REL (relocatable)")
        }
        return ModuleSymbols(elf)
    }

    /// Reads a kernel image: an ELF64 x86-64 executable such as build/apus.elf.
    public static func kernel(_ bytes: [UInt8]) throws(KPIError) -> ModuleSymbols {
        let elf = try ELFReader.symbols(of: bytes)
        guard elf.type == .executable || elf.type == .sharedObject else {
            throw KPIError("not a kernel image: its ELF type is \(elf.type.name), a kernel's is ET_EXEC (executable)")
        }
        return ModuleSymbols(elf)
    }
}
