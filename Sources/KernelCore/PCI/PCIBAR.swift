// SPDX-License-Identifier: GPL-2.0-only
// Base Address Register decoding and the sizing math (the value read back after writing all ones).

/// One decoded Base Address Register (a 64-bit BAR occupies two registers and is one `PCIBAR`).
public struct PCIBAR: Equatable {
    public enum Kind: Equatable {
        case io
        case memory32
        case memory64
        /// The obsolete "below 1 MiB" memory type (type 01b).
        case memoryBelow1M
    }

    /// The register index (0–5); for a 64-bit BAR the lower of the two.
    public let index: Int
    public let kind: Kind
    public let address: UInt64
    /// A power of two.
    public let size: UInt64
    public let prefetchable: Bool

    public init(index: Int, kind: Kind, address: UInt64, size: UInt64, prefetchable: Bool) {
        self.index = index
        self.kind = kind
        self.address = address
        self.size = size
        self.prefetchable = prefetchable
    }

    /// Whether a raw BAR value describes I/O space.
    public static func isIO(_ raw: UInt32) -> Bool { raw & 1 != 0 }

    /// Whether a raw BAR value is the low half of a 64-bit memory BAR (the next register is its high half).
    public static func is64Bit(_ raw: UInt32) -> Bool { raw & 1 == 0 && raw & 0x6 == 0x4 }

    /// Decodes BAR `index` from its original value and the value read back after writing all ones
    /// (`high`/`sizingHigh`: the same for the next register, used only by 64-bit BARs). Returns `nil`
    /// for an unimplemented BAR (no writable address bits). The size is the lowest writable address
    /// bit, as Linux's `pci_size` takes it, so it is a power of two even for devices that return
    /// garbage in the upper bits.
    public static func decode(index: Int, original: UInt32, sizing: UInt32,
                              originalHigh: UInt32 = 0, sizingHigh: UInt32 = 0) -> PCIBAR? {
        if isIO(original) {
            // Some devices implement only 16 I/O address bits and return 0 above them.
            var mask = UInt64(sizing & ~0x3)
            if mask & 0xFFFF_0000 == 0 { mask &= 0xFFFF }
            guard mask != 0 else { return nil }
            return PCIBAR(index: index, kind: .io, address: UInt64(original & ~0x3), size: mask & (0 &- mask),
                          prefetchable: false)
        }
        let prefetchable = original & 0x8 != 0
        let kind: Kind
        var mask = UInt64(sizing & ~0xF)
        var address = UInt64(original & ~0xF)
        switch (original >> 1) & 0x3 {
        case 2:
            kind = .memory64
            mask |= UInt64(sizingHigh) << 32
            address |= UInt64(originalHigh) << 32
        case 1: kind = .memoryBelow1M
        default: kind = .memory32
        }
        guard mask != 0 else { return nil }
        return PCIBAR(index: index, kind: kind, address: address, size: mask & (0 &- mask), prefetchable: prefetchable)
    }
}
