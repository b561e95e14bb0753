// SPDX-License-Identifier: GPL-2.0-only
// The ACPI Root System Description Pointer, validated, and the BIOS-area search for it.

/// The ACPI Root System Description Pointer (20 bytes in ACPI 1.0, 36 from 2.0).
public struct RSDP {
    /// 0 for ACPI 1.0, 2 or more for 2.0 and later.
    public let revision: UInt8
    /// The OEM identifier (6 bytes).
    public let oemID: [UInt8]
    /// Physical address of the RSDT.
    public let rsdtAddress: UInt32
    /// Physical address of the XSDT (revision 2 and later only).
    public let xsdtAddress: UInt64?

    /// Validates and parses an RSDP: the `RSD PTR ` signature, the checksum of the first 20
    /// bytes and, for revision 2 and later, the length (36 to 4096 bytes: anything longer is
    /// not an RSDP) and the extended checksum.
    public init(bytes: ByteReader) throws(ACPIError) {
        guard let v1 = bytes.slice(offset: 0, count: 20), let revision = bytes.u8(at: 15),
              let oemID = bytes.bytes(offset: 9, count: 6), let rsdt = bytes.u32(at: 16)
        else { throw .truncated }
        guard bytes.matches("RSD PTR ", at: 0) else { throw .badSignature }
        guard v1.byteSum == 0 else { throw .badChecksum }
        if revision >= 2 {
            guard let length = bytes.u32(at: 20), let xsdt = bytes.u64(at: 24) else { throw .truncated }
            guard length >= 36, length <= 4096 else { throw .badLength }
            guard let whole = bytes.slice(offset: 0, count: Int(length)) else { throw .truncated }
            guard whole.byteSum == 0 else { throw .badChecksum }
            xsdtAddress = xsdt
        } else {
            xsdtAddress = nil
        }
        self.revision = revision
        self.oemID = oemID
        self.rsdtAddress = rsdt
    }

    /// Searches where PC BIOSes keep the RSDP: the first KiB of the EBDA (its segment is the
    /// u16 at 0x40E), then 0xE0000–0xFFFFF, on 16-byte boundaries. The first valid one wins.
    ///
    /// Only for BIOS boots without a boot-loader copy; UEFI systems publish it in the EFI
    /// configuration table, which multiboot2 passes as tags 14/15.
    public static func findInBIOSArea<Memory: PhysicalMemoryReader>(_ memory: Memory) -> RSDP? {
        if let segment = memory.read(physicalAddress: 0x40E, count: 2)?.u16(at: 0), segment != 0,
           let ebda = memory.read(physicalAddress: UInt64(segment) << 4, count: 1024),
           let rsdp = scan(ebda) {
            return rsdp
        }
        guard let area = memory.read(physicalAddress: 0xE0000, count: 0x20000) else { return nil }
        return scan(area)
    }

    private static func scan(_ area: ByteReader) -> RSDP? {
        var offset = 0
        while offset + 20 <= area.count {
            if let candidate = area.suffix(from: offset), let rsdp = try? RSDP(bytes: candidate) {
                return rsdp
            }
            offset += 16
        }
        return nil
    }
}
