// SPDX-License-Identifier: GPL-2.0-only
// Walking a function's capability list and PCI Express extended-capability list, safely against loops and
// pointers out of range, and the capabilities' names.

/// One entry of the (conventional) capability list.
public struct PCICapability: Equatable {
    public let id: UInt8
    /// Offset of the capability's header in configuration space.
    public let offset: Int

    public static let powerManagement: UInt8 = 0x01
    public static let msi: UInt8 = 0x05
    public static let vendorSpecific: UInt8 = 0x09
    public static let pciExpress: UInt8 = 0x10
    public static let msix: UInt8 = 0x11

    public init(id: UInt8, offset: Int) {
        self.id = id
        self.offset = offset
    }

    /// lspci's name for a capability ID, or `nil` for an unknown one.
    public static func name(of id: UInt8) -> StaticString? {
        switch id {
        case 0x01: return "Power Management"
        case 0x02: return "AGP"
        case 0x03: return "Vital Product Data"
        case 0x04: return "Slot Identification"
        case 0x05: return "MSI"
        case 0x06: return "CompactPCI hot-swap"
        case 0x07: return "PCI-X"
        case 0x08: return "HyperTransport"
        case 0x09: return "Vendor Specific Information"
        case 0x0A: return "Debug port"
        case 0x0B: return "CompactPCI central resource control"
        case 0x0C: return "Hot-plug capable"
        case 0x0D: return "Subsystem"
        case 0x0E: return "AGP3"
        case 0x0F: return "Secure device"
        case 0x10: return "Express"
        case 0x11: return "MSI-X"
        case 0x12: return "SATA HBA"
        case 0x13: return "PCI Advanced Features"
        case 0x14: return "Enhanced Allocation"
        default: return nil
        }
    }
}

/// One entry of the PCI Express extended capability list (configuration space 0x100–0xFFF).
public struct PCIExtendedCapability: Equatable {
    public let id: UInt16
    public let version: UInt8
    public let offset: Int

    public init(id: UInt16, version: UInt8, offset: Int) {
        self.id = id
        self.version = version
        self.offset = offset
    }

    /// lspci's name for an extended capability ID, or `nil` for an unknown one.
    public static func name(of id: UInt16) -> StaticString? {
        switch id {
        case 0x0001: return "Advanced Error Reporting"
        case 0x0002: return "Virtual Channel"
        case 0x0003: return "Device Serial Number"
        case 0x0004: return "Power Budgeting"
        case 0x0005: return "Root Complex Link"
        case 0x000B: return "Vendor Specific Information"
        case 0x000D: return "Access Control Services"
        case 0x000E: return "Alternative Routing-ID Interpretation (ARI)"
        case 0x000F: return "Address Translation Service (ATS)"
        case 0x0010: return "Single Root I/O Virtualization (SR-IOV)"
        case 0x0013: return "Page Request Interface (PRI)"
        case 0x0015: return "Resizable BAR"
        case 0x0017: return "Transaction Processing Hints"
        case 0x0018: return "Latency Tolerance Reporting"
        case 0x0019: return "Secondary PCI Express"
        case 0x001B: return "Process Address Space ID (PASID)"
        case 0x001E: return "L1 PM Substates"
        case 0x0025: return "Data Link Feature"
        case 0x0026: return "Physical Layer 16.0 GT/s"
        default: return nil
        }
    }
}

/// A walk's result: the entries found, and why it stopped early if it did.
public struct PCICapabilityWalk<Entry> {
    public let entries: [Entry]
    /// `nil` when the list ended normally (a next pointer of 0).
    public let problem: StaticString?
}

public enum PCICapabilities {
    /// Walks the capability list starting at `pointer` (the header's capabilities pointer) in `config`.
    ///
    /// Pointers have their low two bits ignored (as the specification reserves them); a pointer into the
    /// header (below 0x40), past the end of `config`, or back to an entry already seen ends the walk with
    /// a problem. At most 48 entries fit in 0x40–0xFF, so the walk always terminates.
    public static func walk(_ config: ByteReader, from pointer: UInt8?) -> PCICapabilityWalk<PCICapability> {
        var entries: [PCICapability] = []
        guard var next = pointer else { return PCICapabilityWalk(entries: entries, problem: nil) }
        var seen = [Bool](repeating: false, count: 64)
        while next != 0 {
            let offset = Int(next & 0xFC)
            guard offset >= 0x40 else {
                return PCICapabilityWalk(entries: entries, problem: "capability pointer into the header")
            }
            guard !seen[offset >> 2] else {
                return PCICapabilityWalk(entries: entries, problem: "capability list loops")
            }
            seen[offset >> 2] = true
            guard let id = config.u8(at: offset), let following = config.u8(at: offset + 1) else {
                return PCICapabilityWalk(entries: entries, problem: "capability beyond the configuration space read")
            }
            if id == 0xFF {
                return PCICapabilityWalk(entries: entries, problem: "capability reads as 0xff (device gone?)")
            }
            entries.append(PCICapability(id: id, offset: offset))
            next = following
        }
        return PCICapabilityWalk(entries: entries, problem: nil)
    }

    /// Walks the PCI Express extended capability list at 0x100 of a 4 KiB `config`. An empty list (header
    /// 0 or all ones, or `config` shorter than 0x104) gives no entries and no problem. A next offset below
    /// 0x100 (other than 0), beyond `config`, or seen before ends the walk with a problem; at most 960
    /// headers fit, so the walk always terminates.
    public static func walkExtended(_ config: ByteReader) -> PCICapabilityWalk<PCIExtendedCapability> {
        var entries: [PCIExtendedCapability] = []
        guard let first = config.u32(at: 0x100), first != 0, first != 0xFFFF_FFFF else {
            return PCICapabilityWalk(entries: entries, problem: nil)
        }
        var seen = [Bool](repeating: false, count: 1024)
        var offset = 0x100
        while true {
            guard !seen[offset >> 2] else {
                return PCICapabilityWalk(entries: entries, problem: "extended capability list loops")
            }
            seen[offset >> 2] = true
            guard let header = config.u32(at: offset) else {
                return PCICapabilityWalk(entries: entries, problem: "extended capability beyond the configuration space read")
            }
            if header == 0xFFFF_FFFF {
                return PCICapabilityWalk(entries: entries, problem: "extended capability reads as all ones")
            }
            entries.append(PCIExtendedCapability(id: UInt16(truncatingIfNeeded: header),
                                                 version: UInt8(truncatingIfNeeded: header >> 16) & 0xF, offset: offset))
            let next = Int(header >> 20) & 0xFFC
            if next == 0 { return PCICapabilityWalk(entries: entries, problem: nil) }
            guard next >= 0x100 else {
                return PCICapabilityWalk(entries: entries, problem: "extended capability pointer below 0x100")
            }
            offset = next
        }
    }
}
