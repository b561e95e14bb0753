// SPDX-License-Identifier: GPL-2.0-only
// ELF64 constants for x86-64 relocatable objects (the System V ABI and its x86-64 supplement).

/// The numbers of the ELF format the module loader reads.
public enum ELF {
    public static let headerSize = 64
    public static let sectionHeaderSize = 64
    public static let symbolSize = 24
    public static let relaSize = 24

    public static let classELF64: UInt8 = 2
    public static let dataLittleEndian: UInt8 = 1
    public static let currentVersion: UInt8 = 1
    public static let typeRelocatable: UInt16 = 1
    public static let machineX86_64: UInt16 = 62

    // Section types.
    public static let sectionNull: UInt32 = 0
    public static let sectionProgBits: UInt32 = 1
    public static let sectionSymbolTable: UInt32 = 2
    public static let sectionStringTable: UInt32 = 3
    public static let sectionRela: UInt32 = 4
    public static let sectionNoBits: UInt32 = 8
    public static let sectionRel: UInt32 = 9
    public static let sectionDynamicSymbols: UInt32 = 11
    public static let sectionInitArray: UInt32 = 14
    public static let sectionFiniArray: UInt32 = 15
    public static let sectionGroup: UInt32 = 17
    public static let sectionSymbolIndices: UInt32 = 18

    // Section flags.
    public static let flagWrite: UInt64 = 0x1
    public static let flagAlloc: UInt64 = 0x2
    public static let flagExecute: UInt64 = 0x4
    public static let flagInfoLink: UInt64 = 0x40
    public static let flagTLS: UInt64 = 0x400

    // Special section indices.
    public static let sectionUndefined: UInt16 = 0
    public static let sectionLoReserve: UInt16 = 0xFF00
    public static let sectionAbsolute: UInt16 = 0xFFF1
    public static let sectionCommon: UInt16 = 0xFFF2
    public static let sectionExtended: UInt16 = 0xFFFF

    // Symbol bindings and types.
    public static let bindLocal: UInt8 = 0
    public static let bindGlobal: UInt8 = 1
    public static let bindWeak: UInt8 = 2
    public static let typeFunction: UInt8 = 2
    public static let typeSection: UInt8 = 3
    public static let typeTLS: UInt8 = 6

    /// x86-64 relocation types (psABI table 4.9), the ones the loader knows by name.
    public enum Relocation {
        public static let none: UInt32 = 0
        public static let abs64: UInt32 = 1
        public static let pc32: UInt32 = 2
        public static let plt32: UInt32 = 4
        public static let gotpcrel: UInt32 = 9
        public static let abs32: UInt32 = 10
        public static let abs32S: UInt32 = 11
        public static let abs16: UInt32 = 12
        public static let pc16: UInt32 = 13
        public static let abs8: UInt32 = 14
        public static let pc8: UInt32 = 15
        public static let pc64: UInt32 = 24
        public static let size32: UInt32 = 32
        public static let size64: UInt32 = 33
        public static let gotpcrelx: UInt32 = 41
        public static let rexGotpcrelx: UInt32 = 42
    }

    /// The psABI's name of relocation `type`, for messages.
    public static func relocationName(_ type: UInt32) -> StaticString? {
        switch type {
        case 0: "R_X86_64_NONE"
        case 1: "R_X86_64_64"
        case 2: "R_X86_64_PC32"
        case 3: "R_X86_64_GOT32"
        case 4: "R_X86_64_PLT32"
        case 5: "R_X86_64_COPY"
        case 6: "R_X86_64_GLOB_DAT"
        case 7: "R_X86_64_JUMP_SLOT"
        case 8: "R_X86_64_RELATIVE"
        case 9: "R_X86_64_GOTPCREL"
        case 10: "R_X86_64_32"
        case 11: "R_X86_64_32S"
        case 12: "R_X86_64_16"
        case 13: "R_X86_64_PC16"
        case 14: "R_X86_64_8"
        case 15: "R_X86_64_PC8"
        case 16: "R_X86_64_DTPMOD64"
        case 17: "R_X86_64_DTPOFF64"
        case 18: "R_X86_64_TPOFF64"
        case 19: "R_X86_64_TLSGD"
        case 20: "R_X86_64_TLSLD"
        case 21: "R_X86_64_DTPOFF32"
        case 22: "R_X86_64_GOTTPOFF"
        case 23: "R_X86_64_TPOFF32"
        case 24: "R_X86_64_PC64"
        case 25: "R_X86_64_GOTOFF64"
        case 26: "R_X86_64_GOTPC32"
        case 27: "R_X86_64_GOT64"
        case 28: "R_X86_64_GOTPCREL64"
        case 29: "R_X86_64_GOTPC64"
        case 30: "R_X86_64_GOTPLT64"
        case 31: "R_X86_64_PLTOFF64"
        case 32: "R_X86_64_SIZE32"
        case 33: "R_X86_64_SIZE64"
        case 34: "R_X86_64_GOTPC32_TLSDESC"
        case 35: "R_X86_64_TLSDESC_CALL"
        case 36: "R_X86_64_TLSDESC"
        case 37: "R_X86_64_IRELATIVE"
        case 38: "R_X86_64_RELATIVE64"
        case 41: "R_X86_64_GOTPCRELX"
        case 42: "R_X86_64_REX_GOTPCRELX"
        default: nil
        }
    }
}
