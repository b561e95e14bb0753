// SPDX-License-Identifier: GPL-2.0-only
// Boots on pc/SeaBIOS and q35/OVMF with 128 MiB and 4 GiB: the prompt comes, meminfo sees the memory given,
// the shell rejects an unknown command and keeps answering, and poweroff ends QEMU through ACPI.

import XCTest

final class BootTests: SystemTestCase {
    func testPCSeaBIOS128M() throws { try checkBoot(.bios, memoryMiB: 128) }
    func testPCSeaBIOS4G() throws { try checkBoot(.bios, memoryMiB: 4096) }
    /// The monitor socket works (later tests drive the machine through it: sendkey, screendump).
    func testMonitorAnswers() throws {
        let (machine, _) = try boot(.bios)
        let status = try machine.monitor("info status")
        XCTAssertEqual(status, "VM status: running")
        try machine.monitor("stop")
        XCTAssertEqual(try machine.monitor("info status"), "VM status: paused")
    }

    /// `reboot` resets the machine: QEMU runs with -no-reboot, so a reset ends it.
    func testRebootResetsTheMachine() throws {
        let (machine, _) = try boot(.bios)
        try machine.send("reboot\r")
        XCTAssertEqual(machine.waitForExit(timeout: 30), 0, "QEMU did not exit after reboot (no reset happened)")
        XCTAssertTrue(machine.log.contains("power: restarting"), "reboot did not go through the kernel's reset path")
        XCTAssertFalse(machine.log.contains("entering ACPI S5"), "reboot powered off instead of resetting")
        XCTAssertFalse(machine.log.contains(QEMUMachine.panicMarker), "the kernel panicked")
    }

    func testQ35OVMF128M() throws { try checkBoot(.uefi, memoryMiB: 128) }
    func testQ35OVMF4G() throws { try checkBoot(.uefi, memoryMiB: 4096) }

    /// How much of `-m` the firmware may keep for itself. Measured with QEMU 7.2 (kB of MemTotal / kB given):
    /// pc/SeaBIOS 128 MiB: 128728/131072 (the BIOS area below 1 MiB, SeaBIOS's tables at the top of low RAM);
    /// pc 4 GiB: 4189464/4194304; q35/OVMF 128 MiB: 122640/131072 (OVMF keeps ~8 MiB of boot-services and
    /// runtime memory); q35 4 GiB: 4182864/4194304. 24 MiB leaves room for other firmware versions while still
    /// catching a kernel that loses a region (RAM above 4 GiB alone is 1 GiB of the 4 GiB runs), and MemTotal
    /// above `-m` would mean reserved or MMIO ranges counted as RAM.
    private static let firmwareReserveKiB = 24 * 1024

    private func checkBoot(_ firmware: QEMUMachine.Firmware, memoryMiB: Int) throws {
        let memory = memoryMiB >= 1024 ? "\(memoryMiB / 1024)G" : "\(memoryMiB)M"
        let (machine, bootLog) = try boot(firmware, memory: memory)
        let wallSeconds = Date().timeIntervalSince(machine.startTime)

        let readyMilliseconds = try XCTUnwrap(
            Self.bootReadyMilliseconds(bootLog), "the boot log has no 'boot: ready in N ms' line")
        print("boot time [\(machine.name)]: boot: ready in \(readyMilliseconds) ms (kernel), "
            + String(format: "%.1f s from QEMU start to the prompt (firmware + GRUB + kernel, TCG)", wallSeconds))

        let meminfo = try machine.run("meminfo")
        let totalLine = try XCTUnwrap(
            meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }, "meminfo printed no MemTotal: line")
        let fields = totalLine.split(separator: " ")
        XCTAssertEqual(fields.count, 3, "MemTotal: line is not 'MemTotal: N kB': \(totalLine)")
        XCTAssertEqual(fields.last, "kB", "MemTotal: is not in kB: \(totalLine)")
        let totalKiB = try XCTUnwrap(Int(fields[1]), "MemTotal: value is not a number: \(totalLine)")
        let givenKiB = memoryMiB * 1024
        XCTAssertLessThanOrEqual(totalKiB, givenKiB, "MemTotal exceeds the \(memory) QEMU gave")
        XCTAssertGreaterThanOrEqual(totalKiB, givenKiB - Self.firmwareReserveKiB,
                                    "MemTotal misses more than the firmware keeps of \(memory)")

        let unknown = try machine.run("nosuchcommand")
        XCTAssertTrue(unknown.split(separator: "\n").contains { $0.hasPrefix("error:") },
                      "an unknown command printed no line starting with 'error:': \(unknown)")
        let uptime = try machine.run("uptime")
        XCTAssertNotNil(uptime.firstMatch(of: /^up \d+(\.\d+)? s$/),
                        "uptime after an unknown command printed: \(uptime)")

        // -no-reboot: a reset would also end QEMU with status 0, so the test checks that the kernel took its
        // ACPI S5 path and neither reset nor panicked.
        try machine.send("poweroff\r")
        let status = machine.waitForExit(timeout: 30)
        XCTAssertEqual(status, 0, "QEMU did not exit by itself with status 0 after poweroff")
        XCTAssertTrue(machine.log.contains("entering ACPI S5"), "poweroff did not go through ACPI S5")
        XCTAssertFalse(machine.log.contains("power: restarting"), "poweroff reset the machine instead")
        XCTAssertFalse(machine.log.contains(QEMUMachine.panicMarker), "the kernel panicked")
    }
}
