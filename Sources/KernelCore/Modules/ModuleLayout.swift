// SPDX-License-Identifier: GPL-2.0-only
// Where each allocated section of a module goes: text (RX), read-only data (R) and data + bss (RW), page apart.

/// The memory image of a module: its allocated sections grouped by protection into three regions,
/// each starting on a page boundary, plus a small GOT (one 8-byte slot per symbol that a
/// `GOTPCREL`-type relocation names) at the end of the read-only region.
public struct ModuleLayout {
    public static let pageSize = 4096

    public enum Protection: Equatable, Sendable {
        /// Code: read-only, executable.
        case text
        /// Constants: read-only, not executable.
        case readOnly
        /// Data and bss: read/write, not executable.
        case data
    }

    public struct Region {
        public let protection: Protection
        /// Page-aligned offset in the image.
        public let offset: Int
        /// Bytes, a multiple of the page size (0 when no section needs this protection).
        public let size: Int
    }

    /// Text, read-only, data, in this order.
    public let regions: [Region]
    /// The image size, a multiple of the page size.
    public let size: Int
    /// For every section index: its offset in the image, or nil when it is not loaded.
    public let sectionOffsets: [Int?]
    /// For every symbol index: its GOT slot's offset in the image, or nil when it has none.
    public let gotOffsets: [Int?]

    public init(_ object: ELFObject) throws(ModuleError) {
        var sectionOffsets = [Int?](repeating: nil, count: object.sections.count)
        var regions: [Region] = []
        var offset = 0
        var gotOffsets = [Int?](repeating: nil, count: object.symbols.count)
        for protection in [Protection.text, .readOnly, .data] {
            let start = offset
            for section in object.sections where Self.isLoaded(section) && Self.protection(of: section) == protection {
                guard !(section.isExecutable && section.isWritable) else {
                    throw ModuleError(.unsupported, "section is both writable and executable (W^X)", section: section.name)
                }
                offset = Self.align(offset, Int(section.alignment))
                sectionOffsets[section.index] = offset
                offset += Int(section.size)
                guard offset < 1 << 30 else { throw ModuleError(.unsupported, "module image larger than 1 GiB", section: section.name) }
            }
            if protection == .readOnly {
                for relocations in object.relocationSections where Self.isLoaded(object.sections[relocations.target]) {
                    for relocation in relocations.entries where Self.needsGOT(relocation.type) {
                        guard gotOffsets[relocation.symbolIndex] == nil else { continue }
                        offset = Self.align(offset, 8)
                        gotOffsets[relocation.symbolIndex] = offset
                        offset += 8
                    }
                }
            }
            offset = Self.align(offset, Self.pageSize)
            regions.append(Region(protection: protection, offset: start, size: offset - start))
        }
        self.regions = regions
        self.size = offset
        self.sectionOffsets = sectionOffsets
        self.gotOffsets = gotOffsets
    }

    /// Whether `section` is part of the image: allocated, and not `.modinfo` (read from the file only).
    public static func isLoaded(_ section: ELFObject.Section) -> Bool {
        section.isAllocated && section.type != ELF.sectionNull && section.name != ByteReader.bytes(of: ".modinfo")
    }

    static func protection(of section: ELFObject.Section) -> Protection {
        if section.isExecutable { return .text }
        return section.isWritable ? .data : .readOnly
    }

    static func needsGOT(_ type: UInt32) -> Bool {
        type == ELF.Relocation.gotpcrel || type == ELF.Relocation.gotpcrelx || type == ELF.Relocation.rexGotpcrelx
    }

    static func align(_ value: Int, _ alignment: Int) -> Int {
        (value + alignment - 1) & ~(alignment - 1)
    }
}
