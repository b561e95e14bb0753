// SPDX-License-Identifier: GPL-2.0-only
// The four-character signature that names an ACPI table, compared as a number, never as a String.

/// A four-character ACPI table signature (for example `APIC` for the MADT).
public struct ACPISignature: Equatable {
    /// The four signature bytes read as a little-endian u32 (first character in the low byte).
    public let rawValue: UInt32

    /// The signature whose bytes, read little-endian, are `rawValue`.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The signature made of four ASCII characters.
    public init(_ first: Unicode.Scalar, _ second: Unicode.Scalar, _ third: Unicode.Scalar, _ fourth: Unicode.Scalar) {
        rawValue = UInt32(UInt8(ascii: first)) | UInt32(UInt8(ascii: second)) << 8
            | UInt32(UInt8(ascii: third)) << 16 | UInt32(UInt8(ascii: fourth)) << 24
    }

    /// The four signature bytes, for printing.
    public var bytes: [UInt8] {
        [UInt8(truncatingIfNeeded: rawValue), UInt8(truncatingIfNeeded: rawValue >> 8),
         UInt8(truncatingIfNeeded: rawValue >> 16), UInt8(truncatingIfNeeded: rawValue >> 24)]
    }

    /// Root System Description Table (32-bit entries).
    public static var rsdt: ACPISignature { ACPISignature("R", "S", "D", "T") }
    /// Extended System Description Table (64-bit entries).
    public static var xsdt: ACPISignature { ACPISignature("X", "S", "D", "T") }
    /// Fixed ACPI Description Table.
    public static var fadt: ACPISignature { ACPISignature("F", "A", "C", "P") }
    /// Differentiated System Description Table (AML).
    public static var dsdt: ACPISignature { ACPISignature("D", "S", "D", "T") }
    /// Secondary System Description Table (AML).
    public static var ssdt: ACPISignature { ACPISignature("S", "S", "D", "T") }
    /// Multiple APIC Description Table.
    public static var madt: ACPISignature { ACPISignature("A", "P", "I", "C") }
    /// High Precision Event Timer table.
    public static var hpet: ACPISignature { ACPISignature("H", "P", "E", "T") }
    /// PCI Express memory-mapped configuration space table.
    public static var mcfg: ACPISignature { ACPISignature("M", "C", "F", "G") }
}
