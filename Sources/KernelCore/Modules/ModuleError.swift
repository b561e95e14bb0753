// SPDX-License-Identifier: GPL-2.0-only
// Why a module file was refused: a kind the tests and the loader match on, and a message naming the problem.

/// Why a module could not be read, linked or accepted.
///
/// The message is a fixed reason plus whatever names the culprit: the section, the symbol, the
/// relocation's type and offset, or a number (an offset, a size). Written with ``write(to:)``:
/// `relocation R_X86_64_PC32 overflows in section '.text' at offset 0x1c for symbol 'far'`.
public struct ModuleError: Error, TextStreamable {
    public enum Kind: Equatable, Sendable {
        /// The file is shorter than a structure it declares.
        case truncated
        /// The ELF header is not that of an x86-64 little-endian relocatable object.
        case badHeader
        /// A section header is inconsistent (offset, size, alignment, link or info out of range).
        case badSection
        /// A string table is empty or not NUL-terminated, or a name offset lies outside it.
        case badString
        /// A symbol's section index or value is out of range.
        case badSymbol
        /// A relocation's symbol index or offset is out of range.
        case badRelocation
        /// A relocation type the loader does not implement.
        case unsupportedRelocation
        /// A relocated value does not fit its field.
        case relocationOverflow
        /// An import that neither the kernel nor a loaded module exports.
        case undefinedSymbol
        /// A GPL-only export used by a module whose license is not GPL-compatible.
        case gplOnlySymbol
        /// `.modinfo`, `__ksymtab` or `__param` is malformed, or the module has no name.
        case badModuleInfo
        /// Something valid ELF may hold but modules never need (common symbols, REL sections…).
        case unsupported
    }

    public let kind: Kind
    public let reason: StaticString
    public var section: [UInt8]?
    public var symbol: [UInt8]?
    public var relocationType: UInt32?
    public var offset: UInt64?

    public init(_ kind: Kind, _ reason: StaticString, section: [UInt8]? = nil, symbol: [UInt8]? = nil,
                relocationType: UInt32? = nil, offset: UInt64? = nil) {
        self.kind = kind
        self.reason = reason
        self.section = section
        self.symbol = symbol
        self.relocationType = relocationType
        self.offset = offset
    }

    public func write<Sink: TextSink>(to sink: inout Sink) {
        if let relocationType {
            sink.write("relocation ")
            if let name = ELF.relocationName(relocationType) { sink.write(name) } else {
                sink.write("type ")
                sink.writeDecimal(relocationType)
            }
            sink.write(" ")
        }
        sink.write(reason)
        if let section {
            sink.write(" in section '")
            sink.write(contentsOf: section)
            sink.write("'")
        }
        if let offset {
            sink.write(" at offset ")
            sink.writeHex(offset, digits: 1)
        }
        if let symbol {
            sink.write(" for symbol '")
            sink.write(contentsOf: symbol)
            sink.write("'")
        }
    }
}
