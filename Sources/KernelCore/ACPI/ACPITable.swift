// SPDX-License-Identifier: GPL-2.0-only
// An ACPI system description table: the common 36-byte header, checked, over a copy of the table.

/// An ACPI table whose header, length and checksum have been validated.
public struct ACPITable {
    /// The largest table length accepted (real DSDTs stay well below a megabyte).
    public static let maximumLength = 16 << 20
    /// Size of the common header.
    public static let headerLength = 36

    /// Physical address the table was read from (0 for tables not read from memory).
    public let physicalAddress: UInt64
    /// The whole table, exactly `length` bytes.
    public let bytes: ByteReader
    /// The table's signature.
    public let signature: ACPISignature
    /// The table's length, header included.
    public let length: UInt32
    /// The table's revision.
    public let revision: UInt8
    /// OEM identifier (6 bytes).
    public let oemID: [UInt8]
    /// OEM table identifier (8 bytes).
    public let oemTableID: [UInt8]
    /// OEM revision.
    public let oemRevision: UInt32
    /// Vendor ID of the tool that created the table.
    public let creatorID: UInt32
    /// Revision of that tool.
    public let creatorRevision: UInt32

    /// Validates a table at the start of `bytes` (which may be longer than the table): the
    /// length must cover the header and fit in `bytes`, and the table must sum to zero.
    public init(bytes: ByteReader, physicalAddress: UInt64 = 0) throws(ACPIError) {
        guard let signature = bytes.u32(at: 0), let length = bytes.u32(at: 4), let revision = bytes.u8(at: 8),
              let oemID = bytes.bytes(offset: 10, count: 6), let oemTableID = bytes.bytes(offset: 16, count: 8),
              let oemRevision = bytes.u32(at: 24), let creatorID = bytes.u32(at: 28), let creatorRevision = bytes.u32(at: 32)
        else { throw .truncated }
        guard length >= UInt32(ACPITable.headerLength), Int(length) <= ACPITable.maximumLength else { throw .badLength }
        guard let table = bytes.slice(offset: 0, count: Int(length)) else { throw .truncated }
        guard table.byteSum == 0 else { throw .badChecksum }
        self.physicalAddress = physicalAddress
        self.bytes = table
        self.signature = ACPISignature(rawValue: signature)
        self.length = length
        self.revision = revision
        self.oemID = oemID
        self.oemTableID = oemTableID
        self.oemRevision = oemRevision
        self.creatorID = creatorID
        self.creatorRevision = creatorRevision
    }

    /// Reads and validates the table at physical address `address`; if `expected` is given,
    /// the signature must match it.
    public static func read<Memory: PhysicalMemoryReader>(
        at address: UInt64, from memory: Memory, expecting expected: ACPISignature? = nil
    ) throws(ACPIError) -> ACPITable {
        guard let header = memory.read(physicalAddress: address, count: headerLength) else { throw .unreadable }
        guard let signature = header.u32(at: 0), let length = header.u32(at: 4) else { throw .truncated }
        if let expected, expected.rawValue != signature { throw .badSignature }
        guard length >= UInt32(headerLength), Int(length) <= maximumLength else { throw .badLength }
        guard let bytes = memory.read(physicalAddress: address, count: Int(length)) else { throw .unreadable }
        return try ACPITable(bytes: bytes, physicalAddress: address)
    }

    /// The bytes after the header (the AML of a DSDT or SSDT).
    public var body: ByteReader {
        bytes.suffix(from: ACPITable.headerLength) ?? ByteReader([])
    }
}
