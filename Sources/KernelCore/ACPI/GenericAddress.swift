// SPDX-License-Identifier: GPL-2.0-only
// The ACPI Generic Address Structure: where a register lives (memory, I/O port or PCI config).

/// An ACPI Generic Address Structure (12 bytes).
public struct GenericAddress: Equatable {
    /// The address space a register lives in.
    public enum AddressSpace: Equatable {
        /// Physical memory (MMIO).
        case systemMemory
        /// x86 I/O ports.
        case systemIO
        /// PCI configuration space (segment 0; address = device, function, offset).
        case pciConfiguration
        /// Any other space, by its ID.
        case other(UInt8)

        /// The space with ACPI address space ID `id`.
        public init(id: UInt8) {
            switch id {
            case 0: self = .systemMemory
            case 1: self = .systemIO
            case 2: self = .pciConfiguration
            default: self = .other(id)
            }
        }
    }

    /// The address space.
    public let addressSpace: AddressSpace
    /// Register width in bits.
    public let bitWidth: UInt8
    /// Bit offset of the register at the address.
    public let bitOffset: UInt8
    /// Access size: 0 undefined, 1 byte, 2 word, 3 dword, 4 qword.
    public let accessSize: UInt8
    /// The address in `addressSpace`.
    public let address: UInt64

    /// Creates an address from its fields.
    public init(addressSpace: AddressSpace, bitWidth: UInt8, bitOffset: UInt8, accessSize: UInt8, address: UInt64) {
        self.addressSpace = addressSpace
        self.bitWidth = bitWidth
        self.bitOffset = bitOffset
        self.accessSize = accessSize
        self.address = address
    }

    /// Reads the structure at `offset`, or `nil` if it does not fit in `bytes`.
    public init?(_ bytes: ByteReader, at offset: Int) {
        guard let space = bytes.u8(at: offset), let width = bytes.u8(at: offset + 1), let bitOffset = bytes.u8(at: offset + 2),
              let access = bytes.u8(at: offset + 3), let address = bytes.u64(at: offset + 4)
        else { return nil }
        self.init(addressSpace: AddressSpace(id: space), bitWidth: width, bitOffset: bitOffset, accessSize: access, address: address)
    }
}
