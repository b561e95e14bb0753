// SPDX-License-Identifier: GPL-2.0-only
// All valid ACPI tables reachable from the RSDP, copied once, with every rejected one reported.

/// The ACPI tables reachable from the RSDP: every valid table listed by the XSDT (or RSDT),
/// plus the DSDT that the FADT points to.
///
/// The XSDT is used when the RSDP has revision 2 or later and a non-zero XSDT address; if it
/// is unusable the RSDT is tried, and that fallback is reported. Each table is read once,
/// validated (length, checksum) and kept as a copy; a table that fails is reported in
/// `diagnostics` and left out, never trusted.
public struct ACPITableDirectory {
    /// At most this many root-table entries are followed.
    public static let maximumEntries = 1024

    /// The RSDP the directory was built from.
    public let rsdp: RSDP
    /// The root table used (XSDT or RSDT).
    public let root: ACPITable
    /// The valid tables, in root-table order, the DSDT last.
    public private(set) var tables: [ACPITable] = []
    /// Every table or entry that was rejected.
    public private(set) var diagnostics: [ACPIDiagnostic] = []

    /// Reads the root table named by `rsdp` and every table it lists.
    public init<Memory: PhysicalMemoryReader>(rsdp: RSDP, memory: Memory) throws(ACPIError) {
        self.rsdp = rsdp
        var diagnostics: [ACPIDiagnostic] = []
        var root: ACPITable? = nil
        if let xsdt = rsdp.xsdtAddress, xsdt != 0 {
            do {
                root = try ACPITable.read(at: xsdt, from: memory, expecting: .xsdt)
            } catch {
                diagnostics.append(ACPIDiagnostic(signature: .xsdt, address: xsdt, offset: 0, reason: error.reason))
                diagnostics.append(ACPIDiagnostic(signature: .xsdt, address: xsdt, offset: 0, reason: "falling back to the RSDT"))
            }
        }
        if root == nil, rsdp.rsdtAddress != 0 {
            let address = UInt64(rsdp.rsdtAddress)
            do {
                root = try ACPITable.read(at: address, from: memory, expecting: .rsdt)
            } catch {
                diagnostics.append(ACPIDiagnostic(signature: .rsdt, address: address, offset: 0, reason: error.reason))
            }
        }
        guard let root else { throw .noRootTable }
        self.root = root
        self.diagnostics = diagnostics

        let entrySize = root.signature == .xsdt ? 8 : 4
        let body = root.body
        if body.count % entrySize != 0 {
            report(root.signature, root.physicalAddress, body.count, "partial entry at the end of the root table")
        }
        var count = body.count / entrySize
        if count > ACPITableDirectory.maximumEntries {
            report(root.signature, root.physicalAddress, 0, "too many root entries; list cut")
            count = ACPITableDirectory.maximumEntries
        }
        for index in 0..<count {
            let offset = index * entrySize
            let entry = entrySize == 8 ? body.u64(at: offset) : body.u32(at: offset).map { UInt64($0) }
            guard let address = entry, address != 0 else {
                report(root.signature, root.physicalAddress, ACPITable.headerLength + offset, "null table address")
                continue
            }
            load(at: address, expecting: nil, memory: memory)
        }

        if let facp = table(.fadt) {
            do {
                let fadt = try FADT(table: facp)
                if fadt.dsdtAddress != 0 {
                    load(at: fadt.dsdtAddress, expecting: .dsdt, memory: memory)
                } else {
                    report(.fadt, facp.physicalAddress, 40, "FADT names no DSDT")
                }
            } catch {
                report(.fadt, facp.physicalAddress, 0, error.reason)
            }
        }
    }

    /// The first valid table with `signature`.
    public func table(_ signature: ACPISignature) -> ACPITable? {
        tables.first { $0.signature == signature }
    }

    /// Every valid table with `signature` (SSDTs come several).
    public func tables(_ signature: ACPISignature) -> [ACPITable] {
        tables.filter { $0.signature == signature }
    }

    private mutating func load<Memory: PhysicalMemoryReader>(at address: UInt64, expecting: ACPISignature?, memory: Memory) {
        do {
            tables.append(try ACPITable.read(at: address, from: memory, expecting: expecting))
        } catch {
            let signature = memory.read(physicalAddress: address, count: 4)?.u32(at: 0).map { ACPISignature(rawValue: $0) }
            report(signature, address, 0, error.reason)
        }
    }

    private mutating func report(_ signature: ACPISignature?, _ address: UInt64, _ offset: Int, _ reason: StaticString) {
        diagnostics.append(ACPIDiagnostic(signature: signature, address: address, offset: offset, reason: reason))
    }
}
