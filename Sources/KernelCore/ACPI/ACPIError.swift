// SPDX-License-Identifier: GPL-2.0-only
// Why an ACPI structure read from firmware memory was rejected.

/// Why an ACPI structure was rejected.
public enum ACPIError: Error, Equatable {
    /// The physical memory could not be read.
    case unreadable
    /// Fewer bytes than the structure needs or claims.
    case truncated
    /// The signature is not the one expected.
    case badSignature
    /// The length field is impossible (below the header, or implausibly large).
    case badLength
    /// The bytes do not sum to zero.
    case badChecksum
    /// A field holds a value the structure forbids.
    case invalidField
    /// Neither the XSDT nor the RSDT could be used.
    case noRootTable

    /// A short description, for diagnostics.
    public var reason: StaticString {
        switch self {
        case .unreadable: "memory not readable"
        case .truncated: "truncated"
        case .badSignature: "unexpected signature"
        case .badLength: "impossible length"
        case .badChecksum: "bad checksum"
        case .invalidField: "invalid field value"
        case .noRootTable: "no usable RSDT or XSDT"
        }
    }
}
