// SPDX-License-Identifier: GPL-2.0-only
// The kernel command line from GRUB reaches the kernel: `loglevel=3` keeps info records off the console while
// the log ring (dmesg) still has them.

import XCTest

final class KernelCommandLineTests: SystemTestCase {
    func testLogLevelSilencesInfoOnTheConsole() throws {
        let (machine, bootLog) = try boot(cmdline: "loglevel=3")
        XCTAssertFalse(bootLog.contains("boot: ready in"), "loglevel=3 still echoes info records on the console")
        let dmesg = try machine.run("dmesg")
        XCTAssertTrue(dmesg.contains("boot: ready in"), "dmesg lacks the info record 'boot: ready in'")
        XCTAssertTrue(dmesg.contains("boot: command line: loglevel=3"), "dmesg lacks the command line")
    }
}
