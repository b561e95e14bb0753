// SPDX-License-Identifier: GPL-2.0-only
// The ACPI MCFG table: where PCI Express memory-mapped configuration space (ECAM) lives.

/// The PCI Express memory-mapped configuration table (`MCFG`).
public struct MCFG {
    /// One ECAM region, covering buses `startBus...endBus` of a segment group.
    public struct Allocation: Equatable {
        /// Physical address of the region, as if it started at bus 0.
        public let baseAddress: UInt64
        /// PCI segment group.
        public let segmentGroup: UInt16
        /// First bus decoded.
        public let startBus: UInt8
        /// Last bus decoded.
        public let endBus: UInt8

        /// The physical address of a function's 4 KiB configuration space, or `nil` if the bus
        /// is outside this allocation or the device/function numbers are impossible.
        public func configurationAddress(bus: UInt8, device: UInt8, function: UInt8) -> UInt64? {
            guard bus >= startBus, bus <= endBus, device < 32, function < 8 else { return nil }
            return baseAddress + (UInt64(bus) << 20 | UInt64(device) << 15 | UInt64(function) << 12)
        }
    }

    /// The valid allocations, in table order.
    public private(set) var allocations: [Allocation] = []
    /// Allocations rejected.
    public private(set) var diagnostics: [ACPIDiagnostic] = []

    /// Parses a validated `MCFG` table; each 16-byte allocation starts at offset 44.
    public init(table: ACPITable) throws(ACPIError) {
        guard table.signature == .mcfg else { throw .badSignature }
        let bytes = table.bytes
        guard bytes.count >= 44 else { throw .truncated }
        if (bytes.count - 44) % 16 != 0 {
            report(table, bytes.count, "partial allocation at the end of the table")
        }
        var offset = 44
        while let base = bytes.u64(at: offset), let segment = bytes.u16(at: offset + 8), let start = bytes.u8(at: offset + 10),
              let end = bytes.u8(at: offset + 11), bytes.contains(offset: offset, count: 16) {
            if start > end {
                report(table, offset, "start bus after end bus")
            } else if base == 0 || base > UInt64.max - (UInt64(end) + 1) << 20 {
                report(table, offset, "impossible ECAM base address")
            } else {
                allocations.append(Allocation(baseAddress: base, segmentGroup: segment, startBus: start, endBus: end))
            }
            offset += 16
        }
    }

    private mutating func report(_ table: ACPITable, _ offset: Int, _ reason: StaticString) {
        diagnostics.append(ACPIDiagnostic(signature: .mcfg, address: table.physicalAddress, offset: offset, reason: reason))
    }
}
