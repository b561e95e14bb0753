// SPDX-License-Identifier: GPL-2.0-only
// What apus-kpi reads from an ELF file (its type and symbol table), and the checks on its identification
// bytes that come before libelf sees it.

/// The `e_type` of an ELF file.
public enum ELFFileType: Equatable, Sendable {
    case relocatable        // ET_REL: an object file or a Linux/Apus module (.ko)
    case executable         // ET_EXEC: a linked kernel such as build/apus.elf or vmlinux
    case sharedObject       // ET_DYN
    case other(UInt16)

    init(_ value: UInt16) {
        switch value {
        case 1: self = .relocatable
        case 2: self = .executable
        case 3: self = .sharedObject
        default: self = .other(value)
        }
    }

    public var name: String {
        switch self {
        case .relocatable: "ET_REL (relocatable)"
        case .executable: "ET_EXEC (executable)"
        case .sharedObject: "ET_DYN (shared object)"
        case .other(let value): "\(value) (unknown)"
        }
    }
}

/// One entry of an ELF symbol table.
public struct ELFSymbol: Equatable, Sendable {
    public enum Binding: Equatable, Sendable {
        case local, global, weak, other
    }

    public var name: String
    /// False for `SHN_UNDEF`: the symbol is an import the linker or module loader must resolve.
    public var isDefined: Bool
    public var binding: Binding

    public init(name: String, isDefined: Bool, binding: Binding) {
        self.name = name
        self.isDefined = isDefined
        self.binding = binding
    }
}

/// An ELF file's type and symbols (the null symbol and unnamed ones left out).
public struct ELFSymbols: Equatable, Sendable {
    public var type: ELFFileType
    public var symbols: [ELFSymbol]

    public init(type: ELFFileType, symbols: [ELFSymbol]) {
        self.type = type
        self.symbols = symbols
    }
}

/// The identification checks apus-kpi makes itself, so that the common wrong inputs get a precise message:
/// only little-endian ELF64 files for x86-64 go on to libelf.
public enum ELFIdentification {
    public static let magic: [UInt8] = [0x7F, 0x45, 0x4C, 0x46]  // "\x7fELF"
    static let headerSize = 64                                   // sizeof(Elf64_Ehdr)
    static let machineX86_64: UInt16 = 62                        // EM_X86_64

    public static func check(_ bytes: [UInt8]) throws(KPIError) {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw KPIError(bytes.isEmpty ? "empty file, not an ELF file" : "not an ELF file (no \\x7fELF magic)")
        }
        guard bytes.count >= headerSize else {
            throw KPIError("truncated ELF file: \(bytes.count) bytes, shorter than the 64-byte ELF64 header")
        }
        switch bytes[4] {
        case 2: break
        case 1: throw KPIError("a 32-bit ELF file (ELFCLASS32); modules and kernels are ELF64")
        default: throw KPIError("invalid ELF class \(bytes[4])")
        }
        guard bytes[5] == 1 else {
            throw KPIError("not a little-endian ELF file (EI_DATA \(bytes[5]))")
        }
        guard bytes[6] == 1 else {
            throw KPIError("ELF version \(bytes[6]), not 1 (EV_CURRENT)")
        }
        let machine = UInt16(bytes[18]) | UInt16(bytes[19]) << 8
        guard machine == machineX86_64 else {
            throw KPIError("an ELF file for machine \(machine), not x86-64 (\(machineX86_64))")
        }
        // The section header table (where the symbol table is found) must lie inside the file; libelf
        // would otherwise see no sections at all and the error would be "no symbol table".
        let offset = field(bytes, at: 40, size: 8)  // e_shoff
        let entrySize = field(bytes, at: 58, size: 2)  // e_shentsize
        let count = max(field(bytes, at: 60, size: 2), 1)  // e_shnum (0: the count is in section 0)
        guard offset != 0 else { throw KPIError("no section header table (e_shoff is 0)") }
        guard entrySize == sectionHeaderSize else {
            throw KPIError("section header size \(entrySize), not \(sectionHeaderSize)")
        }
        guard offset <= UInt64(bytes.count), UInt64(bytes.count) - offset >= count * sectionHeaderSize else {
            throw KPIError("the section header table (offset \(offset), \(count) entries) extends past the end of the file (\(bytes.count) bytes)")
        }
    }

    static let sectionHeaderSize: UInt64 = 64  // sizeof(Elf64_Shdr)

    /// The little-endian field of `size` bytes at `offset` (inside the 64-byte header checked above).
    private static func field(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
        (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}
