// SPDX-License-Identifier: GPL-2.0-only
// The Multiple APIC Description Table: local APICs, I/O APICs, interrupt overrides and NMIs.

/// The Multiple APIC Description Table (`APIC`).
///
/// Entries are walked by their length byte. An entry whose length is below 2 or runs past the
/// table ends the walk (the next entry's position is unknown); an entry too short for its type
/// is reported and skipped; entry types not listed here are counted and skipped.
public struct MADT {
    /// Interrupt signal polarity.
    public enum Polarity: Equatable {
        /// Asserted when high.
        case activeHigh
        /// Asserted when low.
        case activeLow
    }

    /// Interrupt trigger mode.
    public enum Trigger: Equatable {
        /// Edge-triggered.
        case edge
        /// Level-triggered.
        case level
    }

    /// Where an interrupt arrives and how it signals.
    public struct InterruptRoute: Equatable {
        /// Global system interrupt number.
        public let gsi: UInt32
        /// Signal polarity.
        public let polarity: Polarity
        /// Trigger mode.
        public let trigger: Trigger

        /// Creates a route.
        public init(gsi: UInt32, polarity: Polarity, trigger: Trigger) {
            self.gsi = gsi
            self.polarity = polarity
            self.trigger = trigger
        }
    }

    /// A processor's local APIC (type 0).
    public struct LocalAPIC {
        /// ACPI processor UID.
        public let processorUID: UInt8
        /// Local APIC ID.
        public let apicID: UInt8
        /// Flags: bit 0 enabled, bit 1 online capable.
        public let flags: UInt32
        /// Whether the processor is usable now.
        public var isEnabled: Bool { flags & 1 != 0 }
        /// Whether a disabled processor may be brought online later.
        public var isOnlineCapable: Bool { flags & 2 != 0 }
    }

    /// An I/O APIC (type 1).
    public struct IOAPIC {
        /// I/O APIC ID.
        public let id: UInt8
        /// Physical address of its registers.
        public let address: UInt32
        /// First GSI it handles.
        public let gsiBase: UInt32
    }

    /// An interrupt source override (type 2): a bus IRQ wired to another GSI or mode.
    public struct InterruptSourceOverride {
        /// Bus (0 = ISA).
        public let bus: UInt8
        /// Bus-relative IRQ.
        public let source: UInt8
        /// The GSI it arrives on.
        public let gsi: UInt32
        /// MPS INTI flags: polarity bits 0–1, trigger bits 2–3.
        public let flags: UInt16
    }

    /// A non-maskable interrupt source on an I/O APIC input (type 3).
    public struct NMISource {
        /// MPS INTI flags.
        public let flags: UInt16
        /// The GSI.
        public let gsi: UInt32
    }

    /// A local APIC LINT input wired to NMI (type 4, or type 10 for x2APIC UIDs).
    public struct LocalAPICNMI {
        /// ACPI processor UID; 0xFF (type 4) or 0xFFFFFFFF (type 10) means all processors.
        public let processorUID: UInt32
        /// MPS INTI flags.
        public let flags: UInt16
        /// LINT input, 0 or 1.
        public let lint: UInt8
        /// Whether the entry applies to every processor.
        public let appliesToAllProcessors: Bool
    }

    /// A processor's local x2APIC (type 9).
    public struct LocalX2APIC {
        /// x2APIC ID.
        public let x2apicID: UInt32
        /// Flags: bit 0 enabled, bit 1 online capable.
        public let flags: UInt32
        /// ACPI processor UID.
        public let processorUID: UInt32
        /// Whether the processor is usable now.
        public var isEnabled: Bool { flags & 1 != 0 }
        /// Whether a disabled processor may be brought online later.
        public var isOnlineCapable: Bool { flags & 2 != 0 }
    }

    /// Physical address of the local APIC (the 64-bit override when present).
    public private(set) var localAPICAddress: UInt64
    /// MADT flags.
    public let flags: UInt32
    /// Processor local APICs.
    public private(set) var localAPICs: [LocalAPIC] = []
    /// I/O APICs.
    public private(set) var ioAPICs: [IOAPIC] = []
    /// Interrupt source overrides.
    public private(set) var overrides: [InterruptSourceOverride] = []
    /// NMI sources.
    public private(set) var nmiSources: [NMISource] = []
    /// Local APIC NMI inputs (types 4 and 10).
    public private(set) var localAPICNMIs: [LocalAPICNMI] = []
    /// Processor local x2APICs.
    public private(set) var localX2APICs: [LocalX2APIC] = []
    /// Number of entries of types not parsed here.
    public private(set) var unknownEntryCount = 0
    /// Entries rejected.
    public private(set) var diagnostics: [ACPIDiagnostic] = []

    /// Whether the machine also has dual 8259 PICs, to mask when using the I/O APIC (bit 0).
    public var hasPCATCompat: Bool { flags & 1 != 0 }

    /// Parses a validated `APIC` table.
    public init(table: ACPITable) throws(ACPIError) {
        guard table.signature == .madt else { throw .badSignature }
        let bytes = table.bytes
        guard let address = bytes.u32(at: 36), let flags = bytes.u32(at: 40) else { throw .truncated }
        localAPICAddress = UInt64(address)
        self.flags = flags

        var offset = 44
        while offset < bytes.count {
            guard let type = bytes.u8(at: offset), let length = bytes.u8(at: offset + 1) else {
                report(table, offset, "entry header runs past the table; walk stopped")
                break
            }
            guard length >= 2 else {
                report(table, offset, "entry length below 2; walk stopped")
                break
            }
            guard let entry = bytes.slice(offset: offset, count: Int(length)) else {
                report(table, offset, "entry runs past the table; walk stopped")
                break
            }
            if !parseEntry(type: type, entry) {
                report(table, offset, "entry too short for its type")
            }
            offset += Int(length)
        }
    }

    /// The route of ISA IRQ `irq`: through its interrupt source override if there is one, else
    /// identity-mapped, active high, edge-triggered (ISA's defaults, also used for "conforms").
    public func route(isaIRQ irq: UInt8) -> InterruptRoute {
        guard let override = overrides.last(where: { $0.bus == 0 && $0.source == irq }) else {
            return InterruptRoute(gsi: UInt32(irq), polarity: .activeHigh, trigger: .edge)
        }
        return InterruptRoute(
            gsi: override.gsi,
            polarity: MADT.polarity(override.flags, default: .activeHigh),
            trigger: MADT.trigger(override.flags, default: .edge))
    }

    /// The polarity in MPS INTI `flags` (bits 0–1); `fallback` for "conforms to the bus" and
    /// the reserved encoding.
    public static func polarity(_ flags: UInt16, default fallback: Polarity) -> Polarity {
        switch flags & 0x3 {
        case 1: .activeHigh
        case 3: .activeLow
        default: fallback
        }
    }

    /// The trigger mode in MPS INTI `flags` (bits 2–3); `fallback` for "conforms to the bus"
    /// and the reserved encoding.
    public static func trigger(_ flags: UInt16, default fallback: Trigger) -> Trigger {
        switch (flags >> 2) & 0x3 {
        case 1: .edge
        case 3: .level
        default: fallback
        }
    }

    /// Records one entry; returns false if it is too short for its type.
    private mutating func parseEntry(type: UInt8, _ entry: ByteReader) -> Bool {
        switch type {
        case 0:
            guard entry.count >= 8, let uid = entry.u8(at: 2), let id = entry.u8(at: 3), let flags = entry.u32(at: 4) else { return false }
            localAPICs.append(LocalAPIC(processorUID: uid, apicID: id, flags: flags))
        case 1:
            guard entry.count >= 12, let id = entry.u8(at: 2), let address = entry.u32(at: 4), let base = entry.u32(at: 8) else { return false }
            ioAPICs.append(IOAPIC(id: id, address: address, gsiBase: base))
        case 2:
            guard entry.count >= 10, let bus = entry.u8(at: 2), let source = entry.u8(at: 3), let gsi = entry.u32(at: 4),
                  let flags = entry.u16(at: 8)
            else { return false }
            overrides.append(InterruptSourceOverride(bus: bus, source: source, gsi: gsi, flags: flags))
        case 3:
            guard entry.count >= 8, let flags = entry.u16(at: 2), let gsi = entry.u32(at: 4) else { return false }
            nmiSources.append(NMISource(flags: flags, gsi: gsi))
        case 4:
            guard entry.count >= 6, let uid = entry.u8(at: 2), let flags = entry.u16(at: 3), let lint = entry.u8(at: 5) else { return false }
            localAPICNMIs.append(LocalAPICNMI(processorUID: UInt32(uid), flags: flags, lint: lint, appliesToAllProcessors: uid == 0xFF))
        case 5:
            guard entry.count >= 12, let address = entry.u64(at: 4) else { return false }
            localAPICAddress = address
        case 9:
            guard entry.count >= 16, let id = entry.u32(at: 4), let flags = entry.u32(at: 8), let uid = entry.u32(at: 12) else { return false }
            localX2APICs.append(LocalX2APIC(x2apicID: id, flags: flags, processorUID: uid))
        case 10:
            guard entry.count >= 12, let flags = entry.u16(at: 2), let uid = entry.u32(at: 4), let lint = entry.u8(at: 8) else { return false }
            localAPICNMIs.append(LocalAPICNMI(processorUID: uid, flags: flags, lint: lint, appliesToAllProcessors: uid == 0xFFFF_FFFF))
        default:
            unknownEntryCount += 1
        }
        return true
    }

    private mutating func report(_ table: ACPITable, _ offset: Int, _ reason: StaticString) {
        diagnostics.append(ACPIDiagnostic(signature: .madt, address: table.physicalAddress, offset: offset, reason: reason))
    }
}
