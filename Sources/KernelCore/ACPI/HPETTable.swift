// SPDX-License-Identifier: GPL-2.0-only
// The ACPI HPET description table: where the High Precision Event Timer's registers are.

/// The HPET description table (`HPET`).
public struct HPETTable {
    /// The hardware ID of the event timer block (a copy of the capabilities register's low half).
    public let eventTimerBlockID: UInt32
    /// Where the registers are; always system memory (checked).
    public let baseAddress: GenericAddress
    /// The HPET's sequence number.
    public let number: UInt8
    /// Minimum clock ticks for periodic mode without lost interrupts.
    public let minimumTick: UInt16
    /// Page protection and OEM attributes.
    public let pageProtection: UInt8

    /// Parses a validated `HPET` table.
    public init(table: ACPITable) throws(ACPIError) {
        guard table.signature == .hpet else { throw .badSignature }
        let bytes = table.bytes
        guard let id = bytes.u32(at: 36), let base = GenericAddress(bytes, at: 40), let number = bytes.u8(at: 52),
              let tick = bytes.u16(at: 53), let protection = bytes.u8(at: 55)
        else { throw .truncated }
        guard base.addressSpace == .systemMemory, base.address != 0 else { throw .invalidField }
        eventTimerBlockID = id
        baseAddress = base
        self.number = number
        minimumTick = tick
        pageProtection = protection
    }

    /// Number of comparators (timers) in the block.
    public var comparatorCount: Int { Int((eventTimerBlockID >> 8) & 0x1F) + 1 }
    /// Whether the main counter is 64 bits wide.
    public var counterIs64Bit: Bool { eventTimerBlockID & (1 << 13) != 0 }
    /// Whether the block can replace the PIT and RTC interrupts (legacy replacement routing).
    public var legacyReplacementCapable: Bool { eventTimerBlockID & (1 << 15) != 0 }
}
