// SPDX-License-Identifier: GPL-2.0-only
// The `irq` suite on pc/SeaBIOS and q35/OVMF with e1000, e1000e and NVMe (behind a bridge): INTx routes
// through ACPI _PRT, and an e1000e raises MSI-X and MSI interrupts itself. The MSI-X delivery case must run
// (not skip) on both machines; `lspci -v` shows the routed IRQ.

import Foundation
import KernelCore
import XCTest

final class InterruptTests: SystemTestCase {
    func testIRQSuiteOnPC() throws { try checkSuite(.bios) }
    func testIRQSuiteOnQ35() throws { try checkSuite(.uefi) }

    private func checkSuite(_ firmware: QEMUMachine.Firmware) throws {
        let (machine, bootLog) = try boot(firmware, cmdline: "ktest=irq", extraArguments: deviceArguments(firmware), timeout: 120)
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "the irq suite failed on \(machine.name):\n\(report.problems)\n\(machine.log)")
        let suite = try XCTUnwrap(report.tests.first { String(decoding: $0.name, as: UTF8.self) == "irq" },
                                  "no irq suite in the KTAP output on \(machine.name)")
        XCTAssertEqual(suite.subtests.count, suite.plan, "the irq suite did not run every case")
        let lines = machine.log.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in ["msix_delivery_from_e1000e", "msix_mask_holds_pending_until_unmask", "intx_routes_to_ioapic_inputs"] {
            let result = lines.first { $0.contains(" \(name)") && ($0.hasPrefix("ok ") || $0.hasPrefix("not ok ")) } ?? ""
            XCTAssertTrue(result.hasPrefix("ok ") && !result.contains("SKIP"), "\(name) did not run and pass on \(machine.name): \(result)")
        }

        // Each function with a pin is routed once at boot, and lspci -v shows the route.
        let routed = bootLog.split(separator: "\n").filter { $0.contains(" -> GSI ") }
        XCTAssertFalse(routed.isEmpty, "no _PRT route logged on \(machine.name):\n\(bootLog)")
        let addresses = routed.compactMap { $0.firstMatch(of: /pci: ([0-9a-f]{2}:[0-9a-f]{2}\.[0-7]) INT/)?.1 }
        XCTAssertEqual(Set(addresses).count, addresses.count, "a function was routed (logged) twice: \(routed)")
        let list = try machine.run("lspci", timeout: 60)
        let e1000e = try XCTUnwrap(list.split(separator: "\n").first { $0.contains("[8086:10d3]") }, "no e1000e in lspci")
        let details = try machine.run("lspci -v \(e1000e.prefix(7))", timeout: 30)
        let logged = try XCTUnwrap(routed.first { $0.contains("pci: \(e1000e.prefix(7)) INT") }, "the e1000e was not routed")
        let gsi = try XCTUnwrap(logged.firstMatch(of: /GSI (\d+)/)?.1)
        XCTAssertTrue(details.contains("routed to IRQ \(gsi)"), "lspci -v does not show GSI \(gsi):\n\(details)")
    }
}
