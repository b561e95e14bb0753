// SPDX-License-Identifier: GPL-2.0-only
// ACPI through ACPICA on pc and q35: `acpi tables` with checksums, `acpi eval` of the PCI root bridge's _HID,
// the in-kernel `acpi` suite, and the power button (QEMU's system_powerdown) powering the guest off.

import KernelCore
import XCTest

final class ACPITests: SystemTestCase {
    func testTablesAndEvalOnPC() throws { try checkTablesAndEval(.bios, tables: ["FACP", "APIC", "HPET"], hid: "PNP0A03") }
    func testTablesAndEvalOnQ35() throws {
        try checkTablesAndEval(.uefi, tables: ["FACP", "APIC", "HPET", "MCFG"], hid: "PNP0A08")
    }
    func testPowerButtonOnPC() throws { try checkPowerButton(.bios) }
    func testPowerButtonOnQ35() throws { try checkPowerButton(.uefi) }
    func testSuiteOnPC() throws { try checkSuite(.bios) }
    func testSuiteOnQ35() throws { try checkSuite(.uefi) }

    private func checkTablesAndEval(_ firmware: QEMUMachine.Firmware, tables: [String], hid: String) throws {
        let (machine, _) = try boot(firmware)
        let output = try machine.run("acpi tables")
        let lines = output.split(separator: "\n")
        for signature in tables {
            let line = try XCTUnwrap(lines.first { $0.hasPrefix(signature + " ") }, "no \(signature) in:\n\(output)")
            XCTAssertTrue(line.hasSuffix("checksum ok"), "\(signature): \(line)")
        }
        XCTAssertFalse(output.contains("BAD"), "a table has a bad checksum:\n\(output)")
        let eval = try machine.run("acpi eval \\_SB.PCI0._HID")
        XCTAssertTrue(eval.contains("(EISA id \(hid))"), "acpi eval \\_SB.PCI0._HID printed: \(eval)")
        let bad = try machine.run("acpi eval \\_SB.NOPE")
        XCTAssertTrue(bad.hasPrefix("error:"), "a bad path printed: \(bad)")
        try machine.send("poweroff\r")
        XCTAssertEqual(machine.waitForExit(timeout: 30), 0, "QEMU did not exit after poweroff")
        XCTAssertTrue(machine.log.contains("entering ACPI S5 (soft off) through ACPICA"), "poweroff did not use ACPICA")
    }

    private func checkPowerButton(_ firmware: QEMUMachine.Firmware) throws {
        let (machine, _) = try boot(firmware)
        try machine.monitor("system_powerdown")
        XCTAssertEqual(machine.waitForExit(timeout: 30), 0, "QEMU did not exit after system_powerdown")
        XCTAssertTrue(machine.log.contains("power button pressed"), "the power button event did not arrive")
        XCTAssertFalse(machine.log.contains(QEMUMachine.panicMarker), "the kernel panicked")
    }

    private func checkSuite(_ firmware: QEMUMachine.Firmware) throws {
        let (machine, _) = try boot(firmware, cmdline: "ktest=acpi", timeout: 120)
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "the acpi suite failed on \(machine.name)")
        XCTAssertTrue(report.tests.contains { String(decoding: $0.name, as: UTF8.self) == "acpi" }, "no acpi suite")
    }
}
