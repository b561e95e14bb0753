// SPDX-License-Identifier: GPL-2.0-only
// The scheduler on 1 and 4 CPUs: the in-kernel `sched` suite passes (mutual exclusion across CPUs,
// FIFO wake-ups, sleep accuracy, preemption), and `ps` shows one idle thread per CPU besides the shell's.

import KernelCore
import XCTest

final class SchedulerSystemTests: SystemTestCase {
    func testSchedulerOnOneCPU() throws { try check(.bios, cpus: 1) }
    func testSchedulerOnFourCPUsPC() throws { try check(.bios, cpus: 4) }
    func testSchedulerOnFourCPUsQ35() throws { try check(.uefi, cpus: 4) }

    private func check(_ firmware: QEMUMachine.Firmware, cpus: Int) throws {
        let (machine, _) = try boot(firmware, cpus: cpus, cmdline: "ktest=sched", timeout: 120)
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "sched suite failed on \(machine.name) with \(cpus) CPUs: \(report.problems)")
        let suite = try XCTUnwrap(report.tests.first { String(decoding: $0.name, as: UTF8.self) == "sched" },
                                  "no sched suite in the KTAP output")
        XCTAssertEqual(suite.subtests.count, suite.plan, "the sched suite did not run every case")

        let ps = try machine.run("ps")
        let rows = ps.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
        let idleCPUs = Set(rows.filter { $0.last == "idle" }.compactMap { Int($0[1]) })
        XCTAssertEqual(idleCPUs, Set(0..<cpus), "ps does not show one idle thread per CPU:\n\(ps)")
        XCTAssertTrue(rows.contains { $0.last == "main" && $0.contains("running") },
                      "the shell's thread is not the running one while it runs ps:\n\(ps)")
    }
}
