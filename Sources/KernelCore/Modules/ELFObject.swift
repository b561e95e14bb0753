// SPDX-License-Identifier: GPL-2.0-only
// A validated ELF64 x86-64 relocatable object (a module's .ko): sections, symbols and relocations.

/// An ELF64 little-endian x86-64 `ET_REL` file whose structure has been checked completely.
///
/// `init` reads the header, every section header, the section-name table, the one symbol table
/// and every RELA section, and throws a ``ModuleError`` for anything out of range: offsets or
/// sizes past the end of the file, alignments that are not powers of two, link/info indices that
/// name no (or the wrong kind of) section, names that are not NUL-terminated inside their string
/// table, symbols in sections that do not exist, relocations with a bad symbol index or an offset
/// outside their target. Afterwards every index and offset it hands out is in range.
public struct ELFObject {
    public struct Section {
        public let index: Int
        public let name: [UInt8]
        public let type: UInt32
        public let flags: UInt64
        /// Where the contents start in the file (meaningless for `SHT_NOBITS`).
        public let fileOffset: Int
        public let size: UInt64
        public let link: UInt32
        public let info: UInt32
        /// A power of two (0 in the file is taken as 1).
        public let alignment: UInt64

        public var isAllocated: Bool { flags & ELF.flagAlloc != 0 }
        public var isExecutable: Bool { flags & ELF.flagExecute != 0 }
        public var isWritable: Bool { flags & ELF.flagWrite != 0 }
        public var occupiesFile: Bool { type != ELF.sectionNoBits && type != ELF.sectionNull }
    }

    public struct Symbol {
        public let name: [UInt8]
        public let binding: UInt8
        public let type: UInt8
        public let sectionIndex: UInt16
        public let value: UInt64
        public let size: UInt64

        public var isUndefined: Bool { sectionIndex == ELF.sectionUndefined }
        public var isLocal: Bool { binding == ELF.bindLocal }
        /// Defined in a section of the file (not undefined, absolute or common).
        public var isInSection: Bool { sectionIndex != ELF.sectionUndefined && sectionIndex < ELF.sectionLoReserve }
    }

    public struct Relocation {
        public let offset: UInt64
        public let symbolIndex: Int
        public let type: UInt32
        public let addend: Int64
    }

    /// The relocations of one RELA section and the section they patch.
    public struct RelocationSection {
        public let index: Int
        public let target: Int
        public let entries: [Relocation]
    }

    public let bytes: ByteReader
    public let sections: [Section]
    public let symbols: [Symbol]
    public let relocationSections: [RelocationSection]

    public init(_ bytes: ByteReader) throws(ModuleError) {
        self.bytes = bytes
        // The magic first: a short file that is no ELF at all is named as such, not as a truncated one.
        guard bytes.count < 4 || bytes.matches("\u{7F}ELF", at: 0) else {
            throw ModuleError(.badHeader, "not an ELF file (bad magic)")
        }
        guard bytes.count >= ELF.headerSize else {
            throw ModuleError(.truncated, "file is shorter than an ELF header", offset: UInt64(bytes.count))
        }
        guard bytes.u8(at: 4) == ELF.classELF64 else { throw ModuleError(.badHeader, "not a 64-bit ELF file") }
        guard bytes.u8(at: 5) == ELF.dataLittleEndian else { throw ModuleError(.badHeader, "not a little-endian ELF file") }
        guard bytes.u8(at: 6) == ELF.currentVersion, bytes.u32(at: 20) == UInt32(ELF.currentVersion) else {
            throw ModuleError(.badHeader, "unknown ELF version")
        }
        guard bytes.u16(at: 16) == ELF.typeRelocatable else {
            throw ModuleError(.badHeader, "not a relocatable object (ELF type is not ET_REL)")
        }
        guard bytes.u16(at: 18) == ELF.machineX86_64 else { throw ModuleError(.badHeader, "not an x86-64 object") }
        guard bytes.u16(at: 52) == UInt16(ELF.headerSize) else { throw ModuleError(.badHeader, "unexpected ELF header size") }
        guard bytes.u16(at: 58) == UInt16(ELF.sectionHeaderSize) else {
            throw ModuleError(.badHeader, "unexpected section header size (e_shentsize)")
        }
        let sectionCount = Int(bytes.u16(at: 60)!)
        let stringIndex = Int(bytes.u16(at: 62)!)
        let tableOffset = bytes.u64(at: 40)!
        guard sectionCount > 0 else { throw ModuleError(.unsupported, "no section headers (or extended numbering)") }
        guard stringIndex < sectionCount else {
            throw ModuleError(.badHeader, "section-name table index (e_shstrndx) out of range", offset: UInt64(stringIndex))
        }
        guard tableOffset <= UInt64(bytes.count),
              bytes.contains(offset: Int(tableOffset), count: sectionCount * ELF.sectionHeaderSize) else {
            throw ModuleError(.truncated, "section header table extends past the end of the file", offset: tableOffset)
        }

        var raw: [RawSection] = []
        for index in 0..<sectionCount {
            raw.append(try RawSection(bytes, headerOffset: Int(tableOffset) + index * ELF.sectionHeaderSize, index: index))
        }
        let names = raw[stringIndex]
        guard names.type == ELF.sectionStringTable else {
            throw ModuleError(.badHeader, "e_shstrndx does not name a string table", offset: UInt64(stringIndex))
        }
        let nameTable = try Self.stringTable(bytes, names, what: nil)
        var sections: [Section] = []
        for section in raw {
            guard let name = nameTable.nulTerminatedBytes(at: Int(section.nameOffset)) else {
                throw ModuleError(.badString, "section name offset outside the section-name table", offset: UInt64(section.nameOffset))
            }
            sections.append(Section(index: section.index, name: name, type: section.type, flags: section.flags,
                                    fileOffset: section.type == ELF.sectionNoBits || section.type == ELF.sectionNull ? 0 : Int(section.offset), size: section.size, link: section.link,
                                    info: section.info, alignment: max(section.alignment, 1)))
        }
        self.sections = sections

        // Links and infos that must name another section.
        var symbolTable: Section?
        for section in sections {
            switch section.type {
            case ELF.sectionSymbolTable:
                guard symbolTable == nil else { throw ModuleError(.unsupported, "more than one symbol table", section: section.name) }
                symbolTable = section
            case ELF.sectionRel:
                throw ModuleError(.unsupported, "REL relocations (x86-64 uses RELA)", section: section.name)
            case ELF.sectionSymbolIndices:
                throw ModuleError(.unsupported, "extended section indices (SHT_SYMTAB_SHNDX)", section: section.name)
            case ELF.sectionDynamicSymbols:
                throw ModuleError(.unsupported, "dynamic symbols in a relocatable object", section: section.name)
            default: break
            }
            if section.flags & ELF.flagTLS != 0 && section.isAllocated {
                throw ModuleError(.unsupported, "thread-local storage", section: section.name)
            }
        }
        guard let symbolTable else { throw ModuleError(.badSection, "no symbol table") }
        symbols = try Self.readSymbols(bytes, symbolTable, sections)

        var relocationSections: [RelocationSection] = []
        for section in sections where section.type == ELF.sectionRela {
            guard Int(section.link) == symbolTable.index else {
                throw ModuleError(.badSection, "relocation section's link is not the symbol table", section: section.name)
            }
            guard section.info > 0, Int(section.info) < sections.count else {
                throw ModuleError(.badSection, "relocation section's target index (sh_info) out of range", section: section.name,
                                  offset: UInt64(section.info))
            }
            relocationSections.append(try Self.readRelocations(bytes, section, target: sections[Int(section.info)],
                                                               symbolCount: symbols.count))
        }
        self.relocationSections = relocationSections
    }

    /// The first section called `name`.
    public func section(named name: StaticString) -> Section? {
        let wanted = ByteReader.bytes(of: name)
        return sections.first { $0.name == wanted }
    }

    /// The file bytes of `section` (empty for `SHT_NOBITS`); in range by construction.
    public func contents(of section: Section) -> ByteReader {
        guard section.occupiesFile else { return ByteReader([]) }
        return bytes.slice(offset: section.fileOffset, count: Int(section.size))!
    }

    // MARK: - Parsing

    private struct RawSection {
        let index: Int
        let nameOffset: UInt32
        let type: UInt32
        let flags: UInt64
        let offset: UInt64
        let size: UInt64
        let link: UInt32
        let info: UInt32
        let alignment: UInt64
        let entrySize: UInt64

        init(_ bytes: ByteReader, headerOffset at: Int, index: Int) throws(ModuleError) {
            self.index = index
            nameOffset = bytes.u32(at: at)!
            type = bytes.u32(at: at + 4)!
            flags = bytes.u64(at: at + 8)!
            offset = bytes.u64(at: at + 24)!
            size = bytes.u64(at: at + 32)!
            link = bytes.u32(at: at + 40)!
            info = bytes.u32(at: at + 44)!
            alignment = bytes.u64(at: at + 48)!
            entrySize = bytes.u64(at: at + 56)!
            let position = UInt64(index)
            if type != ELF.sectionNoBits && type != ELF.sectionNull {
                guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else {
                    throw ModuleError(.truncated, "section contents extend past the end of the file (section index)",
                                      offset: position)
                }
            }
            guard size < 1 << 32 else { throw ModuleError(.badSection, "section larger than 4 GiB (section index)", offset: position) }
            guard alignment & (alignment &- 1) == 0 || alignment == 0 else {
                throw ModuleError(.badSection, "section alignment is not a power of two (section index)", offset: position)
            }
            guard alignment <= 4096 else {
                throw ModuleError(.unsupported, "section alignment above 4096 (section index)", offset: position)
            }
            let tableEntry: UInt64? = switch type {
            case ELF.sectionSymbolTable: UInt64(ELF.symbolSize)
            case ELF.sectionRela: UInt64(ELF.relaSize)
            default: nil
            }
            if let tableEntry {
                guard entrySize == tableEntry, size % tableEntry == 0 else {
                    throw ModuleError(.badSection, "table section has a wrong entry size (section index)", offset: position)
                }
            }
        }
    }

    private static func stringTable(_ bytes: ByteReader, _ section: RawSection, what: [UInt8]?) throws(ModuleError) -> ByteReader {
        let table = bytes.slice(offset: Int(section.offset), count: Int(section.size))!
        guard table.count > 0, table.u8(at: table.count - 1) == 0 else {
            throw ModuleError(.badString, "string table is empty or not NUL-terminated", section: what, offset: UInt64(section.index))
        }
        return table
    }

    private static func readSymbols(_ bytes: ByteReader, _ table: Section, _ sections: [Section]) throws(ModuleError) -> [Symbol] {
        guard Int(table.link) < sections.count, sections[Int(table.link)].type == ELF.sectionStringTable else {
            throw ModuleError(.badSection, "symbol table's link is not a string table", section: table.name)
        }
        let stringSection = sections[Int(table.link)]
        let strings = bytes.slice(offset: stringSection.fileOffset, count: Int(stringSection.size))!
        guard strings.count > 0, strings.u8(at: strings.count - 1) == 0 else {
            throw ModuleError(.badString, "string table is empty or not NUL-terminated", section: stringSection.name)
        }
        let entries = bytes.slice(offset: table.fileOffset, count: Int(table.size))!
        var symbols: [Symbol] = []
        let count = entries.count / ELF.symbolSize
        symbols.reserveCapacity(count)
        for index in 0..<count {
            let at = index * ELF.symbolSize
            let nameOffset = Int(entries.u32(at: at)!)
            guard let name = strings.nulTerminatedBytes(at: nameOffset) else {
                throw ModuleError(.badString, "symbol name offset outside the string table", section: table.name,
                                  offset: UInt64(index))
            }
            let info = entries.u8(at: at + 4)!
            let symbol = Symbol(name: name, binding: info >> 4, type: info & 0xF, sectionIndex: entries.u16(at: at + 6)!,
                                value: entries.u64(at: at + 8)!, size: entries.u64(at: at + 16)!)
            if symbol.isInSection {
                guard Int(symbol.sectionIndex) < sections.count else {
                    throw ModuleError(.badSymbol, "symbol's section index out of range", symbol: name,
                                      offset: UInt64(symbol.sectionIndex))
                }
                let section = sections[Int(symbol.sectionIndex)]
                guard symbol.value <= section.size else {
                    throw ModuleError(.badSymbol, "symbol's value lies past the end of its section", section: section.name,
                                      symbol: name, offset: symbol.value)
                }
            } else if symbol.sectionIndex == ELF.sectionExtended {
                throw ModuleError(.unsupported, "extended section index (SHN_XINDEX)", symbol: name)
            } else if symbol.sectionIndex != ELF.sectionUndefined && symbol.sectionIndex != ELF.sectionAbsolute
                        && symbol.sectionIndex != ELF.sectionCommon {
                throw ModuleError(.badSymbol, "symbol has a reserved section index", symbol: name, offset: UInt64(symbol.sectionIndex))
            }
            symbols.append(symbol)
        }
        return symbols
    }

    private static func readRelocations(_ bytes: ByteReader, _ section: Section, target: Section,
                                        symbolCount: Int) throws(ModuleError) -> RelocationSection {
        let entries = bytes.slice(offset: section.fileOffset, count: Int(section.size))!
        var relocations: [Relocation] = []
        relocations.reserveCapacity(entries.count / ELF.relaSize)
        for at in stride(from: 0, to: entries.count, by: ELF.relaSize) {
            let offset = entries.u64(at: at)!
            let info = entries.u64(at: at + 8)!
            let relocation = Relocation(offset: offset, symbolIndex: Int(info >> 32), type: UInt32(truncatingIfNeeded: info),
                                        addend: Int64(bitPattern: entries.u64(at: at + 16)!))
            guard relocation.symbolIndex < symbolCount else {
                throw ModuleError(.badRelocation, "symbol index out of range", section: section.name,
                                  relocationType: relocation.type, offset: offset)
            }
            guard offset < target.size else {
                throw ModuleError(.badRelocation, "offset outside its target section", section: target.name,
                                  relocationType: relocation.type, offset: offset)
            }
            relocations.append(relocation)
        }
        return RelocationSection(index: section.index, target: target.index, entries: relocations)
    }
}
