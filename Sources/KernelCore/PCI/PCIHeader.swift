// SPDX-License-Identifier: GPL-2.0-only
// Decoding the standard part of a PCI function's configuration header (types 0, 1 and 2).

/// The first 64 bytes of a function's configuration space, decoded.
public struct PCIHeader {
    /// The layout of bytes 0x10–0x3F.
    public enum Layout: Equatable {
        /// Type 0: an endpoint, six BARs.
        case general
        /// Type 1: a PCI-to-PCI bridge, two BARs and bus numbers.
        case bridge
        /// Type 2: a CardBus bridge.
        case cardBus
        /// Anything else (the low 7 bits of the header type).
        case unknown(UInt8)
    }

    public static let commandIOSpace: UInt16 = 1 << 0
    public static let commandMemorySpace: UInt16 = 1 << 1
    public static let commandBusMaster: UInt16 = 1 << 2
    public static let commandINTxDisable: UInt16 = 1 << 10
    public static let statusCapabilityList: UInt16 = 1 << 4

    public let vendorID: UInt16
    public let deviceID: UInt16
    public let command: UInt16
    public let status: UInt16
    public let revision: UInt8
    public let programmingInterface: UInt8
    public let subclass: UInt8
    public let classCode: UInt8
    public let layout: Layout
    /// Bit 7 of the header type: the device implements functions 1–7.
    public let isMultiFunction: Bool
    public let interruptLine: UInt8
    /// 0 = none, 1–4 = INTA#–INTD#.
    public let interruptPin: UInt8
    /// Type 0 only (0 otherwise).
    public let subsystemVendorID: UInt16
    public let subsystemID: UInt16
    /// Offset of the first capability, or `nil` when the status register says there is no list.
    public let capabilitiesPointer: UInt8?
    /// Type 1 only (0 otherwise): the bus numbers behind the bridge.
    public let primaryBus: UInt8
    public let secondaryBus: UInt8
    public let subordinateBus: UInt8

    /// Decodes `config` (at least 64 bytes); `nil` when it is too short or no function answers
    /// (vendor 0xFFFF, what a read of an absent function returns, or 0x0000).
    public init?(_ config: ByteReader) {
        guard config.count >= 64, let vendor = config.u16(at: 0), vendor != 0xFFFF, vendor != 0,
              let device = config.u16(at: 2), let command = config.u16(at: 4), let status = config.u16(at: 6),
              let classWord = config.u32(at: 8), let headerType = config.u8(at: 0x0E),
              let line = config.u8(at: 0x3C), let pin = config.u8(at: 0x3D) else { return nil }
        vendorID = vendor
        deviceID = device
        self.command = command
        self.status = status
        revision = UInt8(truncatingIfNeeded: classWord)
        programmingInterface = UInt8(truncatingIfNeeded: classWord >> 8)
        subclass = UInt8(truncatingIfNeeded: classWord >> 16)
        classCode = UInt8(truncatingIfNeeded: classWord >> 24)
        isMultiFunction = headerType & 0x80 != 0
        switch headerType & 0x7F {
        case 0: layout = .general
        case 1: layout = .bridge
        case 2: layout = .cardBus
        default: layout = .unknown(headerType & 0x7F)
        }
        interruptLine = line
        interruptPin = pin
        if layout == .general {
            subsystemVendorID = config.u16(at: 0x2C) ?? 0
            subsystemID = config.u16(at: 0x2E) ?? 0
        } else {
            subsystemVendorID = 0
            subsystemID = 0
        }
        if layout == .bridge {
            primaryBus = config.u8(at: 0x18) ?? 0
            secondaryBus = config.u8(at: 0x19) ?? 0
            subordinateBus = config.u8(at: 0x1A) ?? 0
        } else {
            primaryBus = 0
            secondaryBus = 0
            subordinateBus = 0
        }
        // CardBus bridges keep their pointer at 0x14; the others at 0x34.
        if status & Self.statusCapabilityList != 0 {
            capabilitiesPointer = config.u8(at: layout == .cardBus ? 0x14 : 0x34)
        } else {
            capabilitiesPointer = nil
        }
    }

    /// How many BAR registers the layout has (6 for endpoints, 2 for bridges, none otherwise).
    public var barCount: Int {
        switch layout {
        case .general: return 6
        case .bridge: return 2
        default: return 0
        }
    }

    /// The 16-bit class as lspci prints it: class code, then subclass (`0200`).
    public var classWord: UInt16 { UInt16(classCode) << 8 | UInt16(subclass) }

    /// Whether this is a PCI-to-PCI bridge (class 06/04 with a type 1 header).
    public var isPCIBridge: Bool { layout == .bridge }
}
