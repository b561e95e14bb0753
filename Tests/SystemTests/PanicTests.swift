// SPDX-License-Identifier: GPL-2.0-only
// The deliberate crashes of the `crash` command: each must end in a panic report naming its cause, with a
// symbolized backtrace, and leave QEMU halted rather than reset.

import XCTest

final class PanicTests: SystemTestCase {
    func testNullWriteOnPC() throws { try checkNullWrite(.bios) }
    func testNullWriteOnQ35() throws { try checkNullWrite(.uefi) }

    func testStackOverflowOnPC() throws {
        let report = try crash(.bios, "crash stack")
        XCTAssertTrue(report.contains("guard page"), "the panic does not report the stack guard page")
    }

    func testSwiftTrapOnPC() throws {
        let report = try crash(.bios, "crash trap")
        XCTAssertTrue(report.contains("invalid opcode"), "the panic does not name the exception")
        XCTAssertTrue(report.contains("Swift runtime trap"), "the panic does not say a Swift check failed")
    }

    private func checkNullWrite(_ firmware: QEMUMachine.Firmware) throws {
        let report = try crash(firmware, "crash")
        XCTAssertTrue(report.contains("page fault"), "the panic does not name the exception")
        let firstFrame = report.split(separator: "\n").first { $0.contains("#00 ") }
        XCTAssertNotNil(firstFrame, "the panic has no backtrace")
        XCTAssertTrue(firstFrame?.contains("triggerDeliberateNullWrite") == true,
                      "backtrace frame #00 is not the faulting function: \(firstFrame ?? "")")
    }

    /// Boots, types `command`, and returns the panic report from `KERNEL PANIC` to the end marker.
    private func crash(_ firmware: QEMUMachine.Firmware, _ command: String) throws -> String {
        let (machine, _) = try boot(firmware)
        machine.expectsPanic = true
        try machine.send(command + "\r")
        try machine.waitFor(QEMUMachine.panicMarker)
        let report = try machine.waitFor(QEMUMachine.panicEndMarker)
        // The kernel halts: QEMU (with -no-reboot) would exit if it reset instead.
        XCTAssertNil(machine.waitForExit(timeout: 0.5), "QEMU exited after the panic instead of staying halted")
        return QEMUMachine.panicMarker + report
    }
}
