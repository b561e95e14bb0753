// SPDX-License-Identifier: GPL-2.0-only
// SMP on pc/SeaBIOS and q35/OVMF with -smp 1, 2 and 4 (128 MiB): the in-kernel `smp` suite passes (every
// MADT CPU online, IPIs reach every CPU, TLB shootdown, SpinLock under contention), `cpuinfo` prints one
// `cpuN:` line per CPU, and the boot time (`boot: ready in N ms`) is printed for comparison.

import KernelCore
import XCTest

final class SMPTests: SystemTestCase {
    func testPCSeaBIOS1CPU() throws { try checkSMP(.bios, cpus: 1) }
    func testPCSeaBIOS2CPUs() throws { try checkSMP(.bios, cpus: 2) }
    func testPCSeaBIOS4CPUs() throws { try checkSMP(.bios, cpus: 4) }
    func testQ35OVMF1CPU() throws { try checkSMP(.uefi, cpus: 1) }
    func testQ35OVMF2CPUs() throws { try checkSMP(.uefi, cpus: 2) }
    func testQ35OVMF4CPUs() throws { try checkSMP(.uefi, cpus: 4) }

    private func checkSMP(_ firmware: QEMUMachine.Firmware, cpus: Int) throws {
        let (machine, bootLog) = try boot(firmware, cpus: cpus, cmdline: "ktest=smp", timeout: 120)
        let readyMilliseconds = try XCTUnwrap(
            Self.bootReadyMilliseconds(bootLog), "the boot log has no 'boot: ready in N ms' line")
        print("boot time [\(machine.name)]: boot: ready in \(readyMilliseconds) ms with \(cpus) CPU(s), "
            + String(format: "%.1f s from QEMU start to the prompt", Date().timeIntervalSince(machine.startTime)))
        XCTAssertTrue(bootLog.contains("smp: \(cpus) of \(cpus) CPUs online") || cpus == 1,
                      "the boot log does not say all \(cpus) CPUs are online")

        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "the smp suite failed on \(machine.name): \(report.problems)")
        let suite = try XCTUnwrap(report.tests.first { String(decoding: $0.name, as: UTF8.self) == "smp" },
                                  "no smp suite in the KTAP output")
        let plan = try XCTUnwrap(suite.plan, "the smp suite has no plan")
        XCTAssertEqual(suite.subtests.count, plan, "the smp suite ran \(suite.subtests.count) of \(plan) cases")
        XCTAssertGreaterThanOrEqual(plan, 4)

        let cpuinfo = try machine.run("cpuinfo")
        let lines = cpuinfo.split(separator: "\n").filter { $0.firstMatch(of: #/^cpu\d+: /#) != nil }
        XCTAssertEqual(lines.count, cpus, "cpuinfo printed \(lines.count) cpuN lines for \(cpus) CPUs:\n\(cpuinfo)")
        for (index, line) in lines.enumerated() {
            XCTAssertNotNil(line.firstMatch(of: /^cpu\d+: APIC id \d+, .+, TSC \d+\.\d{3} MHz$/),
                            "malformed cpuinfo line: \(line)")
            XCTAssertTrue(line.hasPrefix("cpu\(index): "), "cpuinfo line \(index) is \(line)")
        }
        XCTAssertFalse(machine.log.contains(QEMUMachine.panicMarker), "the kernel panicked")
        XCTAssertFalse(machine.log.contains("IPI not answered"), "an IPI timed out")
    }
}
