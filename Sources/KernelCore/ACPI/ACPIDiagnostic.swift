// SPDX-License-Identifier: GPL-2.0-only
// A problem found in firmware's ACPI tables that was reported and skipped rather than trusted.

/// A problem found in an ACPI table or entry, which was skipped.
public struct ACPIDiagnostic {
    /// The table concerned, if known.
    public let signature: ACPISignature?
    /// Physical address of the table (or of the entry that pointed at it); 0 if unknown.
    public let address: UInt64
    /// Byte offset inside the table of the offending entry or field.
    public let offset: Int
    /// What is wrong.
    public let reason: StaticString

    /// Creates a diagnostic.
    public init(signature: ACPISignature?, address: UInt64, offset: Int, reason: StaticString) {
        self.signature = signature
        self.address = address
        self.offset = offset
        self.reason = reason
    }
}
