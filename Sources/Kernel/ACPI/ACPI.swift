// SPDX-License-Identifier: GPL-2.0-only
// The firmware's ACPI tables as the kernel uses them before an AML interpreter: RSDP → RSDT/XSDT → FADT,
// MADT, HPET, MCFG, and the \_S5 sleep type for power-off.
import KernelCore

enum ACPI {
    private struct Tables {
        var directory: ACPITableDirectory?
        var fadt: FADT?
        var madt: MADT?
        var s5: SleepType?
    }
    /// Written once by `initialize` during single-threaded boot, read-only afterwards.
    nonisolated(unsafe) private static var found = Tables()
    // SAFETY: see `found`.
    private static var current: Tables { unsafe found }

    static var directory: ACPITableDirectory? { current.directory }
    static var fadt: FADT? { current.fadt }
    static var madt: MADT? { current.madt }
    static var s5: SleepType? { current.s5 }

    /// The local APIC's physical address: the MADT's, or the architectural default.
    static var localAPICAddress: UInt64 { madt?.localAPICAddress ?? 0xFEE0_0000 }

    /// Finds and validates the tables, from the RSDP the boot loader copied or the BIOS area.
    static func initialize(rsdp bytes: [UInt8]?) {
        var tables = Tables()
        defer { unsafe found = tables }
        let memory = DirectMapReader()
        var rsdp: RSDP?
        if let bytes {
            do { rsdp = try RSDP(bytes: ByteReader(bytes)) } catch {
                logProblem("the boot loader's RSDP is invalid: ", error.reason)
            }
        }
        if rsdp == nil { rsdp = RSDP.findInBIOSArea(memory) }
        guard let rsdp else {
            log(.warning, "acpi: no RSDP found; no ACPI power management or interrupt overrides")
            return
        }
        do {
            let directory = try ACPITableDirectory(rsdp: rsdp, memory: memory)
            tables.directory = directory
            for diagnostic in directory.diagnostics { logDiagnostic(diagnostic) }
            for table in directory.tables { logTable(table) }
            if let table = directory.table(.fadt) {
                do { tables.fadt = try FADT(table: table) } catch { logProblem("FADT rejected: ", error.reason) }
            }
            if let table = directory.table(.madt) {
                do {
                    let madt = try MADT(table: table)
                    for diagnostic in madt.diagnostics { logDiagnostic(diagnostic) }
                    tables.madt = madt
                } catch { logProblem("MADT rejected: ", error.reason) }
            }
            do { tables.s5 = try SleepType.s5(in: directory) } catch {
                log(.warning, "acpi: no usable \\_S5 object; poweroff will not work")
            }
            log(.info) { line in
                line.write("acpi: ")
                line.writeDecimal(directory.tables.count)
                line.write(" tables, revision ")
                line.writeDecimal(rsdp.revision)
                line.write(", OEM ")
                line.write(contentsOf: rsdp.oemID)
            }
        } catch {
            logProblem("the root table is invalid: ", error.reason)
        }
    }

    /// One line per table, as Linux prints them: `ACPI: FACP 0x0000000007FE1A7C 000074 (v01 BOCHS  BXPC)`.
    private static func logTable(_ table: ACPITable) {
        log(.info) { line in
            line.write("acpi: ")
            line.write(contentsOf: table.signature.bytes)
            line.write(" ")
            line.writeHex(table.physicalAddress)
            line.write(" ")
            line.writeHex(table.length, digits: 6, prefix: false)
            line.write(" (v")
            line.writeDecimal(table.revision, width: 2, padding: 0x30)
            line.write(" ")
            line.write(contentsOf: table.oemID.map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x20 })
            line.write(" ")
            line.write(contentsOf: table.oemTableID.map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x20 })
            line.write(")")
        }
    }

    private static func logProblem(_ what: StaticString, _ reason: StaticString) {
        log(.error) { line in
            line.write("acpi: ")
            line.write(what)
            line.write(reason)
        }
    }

    private static func logDiagnostic(_ diagnostic: ACPIDiagnostic) {
        log(.warning) { line in
            line.write("acpi: ")
            if let signature = diagnostic.signature { line.write(contentsOf: signature.bytes) }
            line.write(" at ")
            line.writeHex(diagnostic.address)
            line.write("+")
            line.writeDecimal(diagnostic.offset)
            line.write(": ")
            line.write(diagnostic.reason)
        }
    }
}
