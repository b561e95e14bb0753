// SPDX-License-Identifier: GPL-2.0-only
// LinuxKPI's scheduling core on 1 and 4 CPUs: the in-kernel `kpisched` suite passes (Linux-style sleeping
// without lost wake-ups, preempt_count holding preemption off, the hardirq count in handlers, jiffy sleeps,
// an RCU grace period waiting for a reader on another CPU), and `ps` lists LinuxKPI's kernel threads (the
// system workqueues' workers on every CPU and the RCU callback thread) by their names.

import KernelCore
import XCTest

final class KPISchedSystemTests: SystemTestCase {
    func testKPISchedOnOneCPU() throws { try check(.bios, cpus: 1) }
    func testKPISchedOnFourCPUs() throws { try check(.bios, cpus: 4) }

    private func check(_ firmware: QEMUMachine.Firmware, cpus: Int) throws {
        let (machine, _) = try boot(firmware, cpus: cpus, cmdline: "ktest=kpisched", timeout: 120)
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "kpisched suite failed on \(machine.name) with \(cpus) CPUs: \(report.problems)")
        let suite = try XCTUnwrap(report.tests.first { String(decoding: $0.name, as: UTF8.self) == "kpisched" },
                                  "no kpisched suite in the KTAP output")
        XCTAssertEqual(suite.subtests.count, suite.plan, "the kpisched suite did not run every case")

        let ps = try machine.run("ps")
        let rows = ps.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
        for cpu in 0..<cpus {
            XCTAssertTrue(rows.contains { $0.last == "kworker/\(cpu):events" && $0[1] == "\(cpu)" },
                          "no system_wq worker on CPU \(cpu):\n\(ps)")
        }
        XCTAssertTrue(rows.contains { $0.last == "rcu" }, "no RCU callback thread:\n\(ps)")
    }
}
