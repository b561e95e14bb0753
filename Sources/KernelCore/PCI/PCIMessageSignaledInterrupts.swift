// SPDX-License-Identifier: GPL-2.0-only
// MSI and MSI-X capability decoding, and the x86 message (address and data) that delivers a vector to a CPU.

/// The MSI capability (ID 0x05) of a function.
public struct PCIMSICapability: Equatable {
    public static let controlEnable: UInt16 = 1 << 0
    public static let control64Bit: UInt16 = 1 << 7
    public static let controlPerVectorMasking: UInt16 = 1 << 8

    /// Offset of the capability header.
    public let offset: Int
    public let control: UInt16

    /// Decodes the capability at `offset` of `config`; `nil` if it does not fit or is not MSI.
    public init?(_ config: ByteReader, offset: Int) {
        guard config.u8(at: offset) == PCICapability.msi, let control = config.u16(at: offset + 2) else { return nil }
        self.offset = offset
        self.control = control
        guard config.contains(offset: offset, count: length) else { return nil }
    }

    public var isEnabled: Bool { control & Self.controlEnable != 0 }
    public var is64Bit: Bool { control & Self.control64Bit != 0 }
    public var hasPerVectorMasking: Bool { control & Self.controlPerVectorMasking != 0 }
    /// How many vectors the function can request (1, 2, 4 … 32).
    public var vectorsCapable: Int { 1 << min(Int(control >> 1) & 0x7, 5) }
    /// How many vectors are enabled (Multiple Message Enable).
    public var vectorsEnabled: Int { 1 << min(Int(control >> 4) & 0x7, 5) }

    /// Offsets of the registers, in configuration space.
    public var controlOffset: Int { offset + 2 }
    public var addressLowOffset: Int { offset + 4 }
    public var addressHighOffset: Int? { is64Bit ? offset + 8 : nil }
    public var dataOffset: Int { offset + (is64Bit ? 0x0C : 0x08) }
    public var maskOffset: Int? { hasPerVectorMasking ? offset + (is64Bit ? 0x10 : 0x0C) : nil }
    /// Bytes the capability occupies.
    public var length: Int { (is64Bit ? 0x0E : 0x0A) + (hasPerVectorMasking ? 0x0A : 0) }
}

/// The MSI-X capability (ID 0x11) of a function.
public struct PCIMSIXCapability: Equatable {
    public static let controlEnable: UInt16 = 1 << 15
    public static let controlFunctionMask: UInt16 = 1 << 14
    /// Bytes per table entry: address low, address high, data, vector control.
    public static let entrySize = 16
    /// Bit 0 of an entry's vector control: masked.
    public static let entryMasked: UInt32 = 1

    public let offset: Int
    public let control: UInt16
    /// Number of table entries (1–2048).
    public let tableSize: Int
    /// The BAR index (0–5) holding the table, and its offset in that BAR.
    public let tableBAR: Int
    public let tableOffset: UInt32
    /// The same for the pending-bit array.
    public let pendingBAR: Int
    public let pendingOffset: UInt32

    /// Decodes the capability at `offset` of `config`; `nil` if it does not fit, is not MSI-X, or names a
    /// BAR indicator above 5 (reserved).
    public init?(_ config: ByteReader, offset: Int) {
        guard config.u8(at: offset) == PCICapability.msix, let control = config.u16(at: offset + 2),
              let table = config.u32(at: offset + 4), let pending = config.u32(at: offset + 8) else { return nil }
        guard table & 7 <= 5, pending & 7 <= 5 else { return nil }
        self.offset = offset
        self.control = control
        tableSize = Int(control & 0x7FF) + 1
        tableBAR = Int(table & 7)
        tableOffset = table & ~7
        pendingBAR = Int(pending & 7)
        pendingOffset = pending & ~7
    }

    public var controlOffset: Int { offset + 2 }
    public var isEnabled: Bool { control & Self.controlEnable != 0 }
    public var isFunctionMasked: Bool { control & Self.controlFunctionMask != 0 }
    /// Bytes of the table.
    public var tableLength: Int { tableSize * Self.entrySize }
}

/// An MSI message as x86 CPUs understand it (Intel SDM vol. 3, "Message Signalled Interrupts").
public struct PCIMSIMessage: Equatable {
    public let address: UInt64
    public let data: UInt32

    public init(address: UInt64, data: UInt32) {
        self.address = address
        self.data = data
    }

    /// Fixed delivery, edge-triggered, physical destination mode, to local APIC `apicID`, vector `vector`;
    /// `nil` when the APIC ID does not fit the 8-bit destination field (that needs interrupt remapping)
    /// or the vector is one of the reserved exception vectors.
    public static func fixed(vector: UInt8, apicID: UInt32) -> PCIMSIMessage? {
        guard apicID <= 0xFF, vector >= 0x20 else { return nil }
        return PCIMSIMessage(address: 0xFEE0_0000 | UInt64(apicID) << 12, data: UInt32(vector))
    }
}
