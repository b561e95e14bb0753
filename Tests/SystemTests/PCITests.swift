// SPDX-License-Identifier: GPL-2.0-only
// lspci on pc/SeaBIOS and q35/OVMF with e1000, e1000e and NVMe (behind a bridge): every function QEMU's
// `info pci` reports is listed with its IDs and class, names come from pci.ids, and the e1000e shows MSI-X.

import Foundation
import KernelCore
import XCTest

final class PCITests: SystemTestCase {
    struct Listed: Equatable, CustomStringConvertible {
        var bus: Int, device: Int, function: Int
        var vendor: String, deviceID: String
        var description: String { String(format: "%02x:%02x.%x [%@:%@]", bus, device, function, vendor, deviceID) }
    }

    func testLspciOnPC() throws { try checkLspci(.bios) }
    func testLspciOnQ35() throws { try checkLspci(.uefi) }

    func testPCISuiteOnQ35() throws {
        let (machine, _) = try boot(.uefi, cmdline: "ktest=pci", extraArguments: deviceArguments(.uefi), timeout: 120)
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "the pci suite failed on \(machine.name):\n\(report.problems)")
        let line = machine.log.split(separator: "\n").first { $0.contains("ecam_and_ports_agree") } ?? ""
        XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasPrefix("ok ") && !line.contains("SKIP"),
                      "the ECAM/ports comparison did not run and pass on q35: \(line)")
        for name in ["msix_entries_program_and_mask", "bar_sizes_are_powers_of_two"] {
            let result = machine.log.split(separator: "\n").first { $0.contains(name) } ?? ""
            XCTAssertFalse(result.contains("SKIP"), "\(name) was skipped: \(result)")
        }
    }

    func testPCISuiteOnPC() throws {
        let (machine, _) = try boot(.bios, cmdline: "ktest=pci", extraArguments: deviceArguments(.bios), timeout: 120)
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "the pci suite failed on \(machine.name):\n\(report.problems)")
    }

    private static var linePattern: Regex<(Substring, Substring, Substring, Substring, Substring, Substring, Substring, Substring, Substring, Substring?)> { /^([0-9a-f]{2}):([0-9a-f]{2})\.([0-7]) (.+) \[([0-9a-f]{4})\]: (.+) \[([0-9a-f]{4}):([0-9a-f]{4})\]( \(rev [0-9a-f]{2}\))?$/ }

    private func checkLspci(_ firmware: QEMUMachine.Firmware) throws {
        let (machine, _) = try boot(firmware, extraArguments: deviceArguments(firmware))
        let output = try machine.run("lspci", timeout: 60)
        var listed: [Listed] = []
        var lines: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let match = String(line).wholeMatch(of: Self.linePattern) else { continue }
            let entry = Listed(bus: Int(match.1, radix: 16)!, device: Int(match.2, radix: 16)!, function: Int(match.3, radix: 16)!,
                               vendor: String(match.7), deviceID: String(match.8))
            listed.append(entry)
            lines["\(match.7):\(match.8)"] = String(line)
        }
        XCTAssertFalse(listed.isEmpty, "lspci printed no line in lspci -nn form:\n\(output)")

        // The ground truth: QEMU's own view of the bus.
        let info = try machine.monitor("info pci")
        var expected: [Listed] = []
        var current: (Int, Int, Int)?
        for line in info.split(separator: "\n") {
            if let m = line.firstMatch(of: /Bus\s+(\d+), device\s+(\d+), function (\d+):/) {
                current = (Int(m.1)!, Int(m.2)!, Int(m.3)!)
            } else if let m = line.firstMatch(of: /PCI device ([0-9a-f]{4}):([0-9a-f]{4})/), let c = current {
                expected.append(Listed(bus: c.0, device: c.1, function: c.2, vendor: String(m.1), deviceID: String(m.2)))
                current = nil
            }
        }
        XCTAssertFalse(expected.isEmpty, "could not parse QEMU's info pci:\n\(info)")
        let sortKey = { (l: Listed) in l.bus << 16 | l.device << 8 | l.function }
        XCTAssertEqual(listed.sorted { sortKey($0) < sortKey($1) }, expected.sorted { sortKey($0) < sortKey($1) },
                       "lspci disagrees with QEMU's info pci on \(machine.name)\nlspci:\n\(output)\ninfo pci:\n\(info)")

        let e1000 = try XCTUnwrap(lines["8086:100e"], "no e1000 line")
        XCTAssertTrue(e1000.contains(" Ethernet controller [0200]: Intel Corporation 82540EM Gigabit Ethernet Controller [8086:100e]"), e1000)
        let e1000e = try XCTUnwrap(lines["8086:10d3"], "no e1000e line")
        XCTAssertTrue(e1000e.contains(" Ethernet controller [0200]: Intel Corporation 82574L Gigabit Network Connection [8086:10d3]"), e1000e)
        let nvme = try XCTUnwrap(lines["1b36:0010"], "no NVMe line")
        XCTAssertTrue(nvme.contains(" Non-Volatile memory controller [0108]: Red Hat, Inc. QEMU NVM Express Controller [1b36:0010]"), nvme)
        XCTAssertFalse(nvme.hasPrefix("00:"), "the NVMe drive sits behind a bridge, not on bus 0: \(nvme)")

        let bdf = String(e1000e.prefix(7))
        let details = try machine.run("lspci -v \(bdf)", timeout: 30)
        XCTAssertTrue(details.contains("MSI-X: Enable- Count=5"), "lspci -v \(bdf) shows no MSI-X with 5 vectors:\n\(details)")
        XCTAssertTrue(details.contains("Region 0: Memory at "), "no memory BAR 0:\n\(details)")
        XCTAssertTrue(details.contains("Express"), "no PCI Express capability:\n\(details)")

        for bad in ["lspci -v zz:00.0", "lspci -v 00:1e.7", "lspci -x"] {
            let answer = try machine.run(bad)
            XCTAssertTrue(answer.split(separator: "\n").contains { $0.hasPrefix("error:") }, "\(bad) printed no error line: \(answer)")
        }
    }
}
