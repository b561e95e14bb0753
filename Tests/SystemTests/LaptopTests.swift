// SPDX-License-Identifier: GPL-2.0-only
// Booting as a laptop would: scripts/make-usb-image's disk as a USB stick on an xHCI controller (UEFI and BIOS),
// and a laptop-like q35/OVMF machine (8 CPUs, 8 GiB, no PIT, no HPET, an NVMe controller, a 64-bit BAR above
// 4 GiB, and a lid and a battery from Tests/ACPI/laptop-ssdt.asl): every CPU online, `hwinfo` lists exactly the
// PCI functions QEMU was given, `acpi battery` prints the SSDT's values, lid, battery and power-button events
// are logged.

import Foundation
import KernelCore
import XCTest

final class LaptopTests: SystemTestCase {
    func testUSBStickOnUEFI() throws {
        let (machine, _) = try boot(.uefi, medium: .usbStick(try LaptopFixtures.shared.usbImage()))
        let hwinfo = try machine.run("hwinfo")
        XCTAssertTrue(hwinfo.contains("firmware: UEFI, EFI system table at "), "hwinfo:\n\(hwinfo)")
        // The stick's controller is there, and the kernel came from it: there is no CD drive with an image.
        XCTAssertTrue(hwinfo.contains("[1b36:000d]"), "no qemu-xhci controller in hwinfo:\n\(hwinfo)")
        XCTAssertTrue(machine.log.contains("USB HARDDRIVE"), "OVMF did not boot from the USB disk")
    }

    func testUSBStickOnBIOS() throws {
        let (machine, _) = try boot(.bios, medium: .usbStick(try LaptopFixtures.shared.usbImage()))
        let hwinfo = try machine.run("hwinfo")
        XCTAssertTrue(hwinfo.contains("firmware: BIOS (no EFI system table"), "hwinfo:\n\(hwinfo)")
        XCTAssertTrue(hwinfo.contains("[1b36:000d]"), "no qemu-xhci controller in hwinfo:\n\(hwinfo)")
    }

    func testLaptopConfiguration() throws {
        let ssdt = try LaptopFixtures.shared.ssdt()
        let nvme = FileManager.default.temporaryDirectory.appendingPathComponent("apus-laptop-\(UUID().uuidString).img")
        XCTAssertTrue(FileManager.default.createFile(atPath: nvme.path, contents: Data(count: 1 << 20)))
        addTeardownBlock { try? FileManager.default.removeItem(at: nvme) }
        // What QEMU is given beyond q35's own functions (host bridge, LPC, SATA, SMBus) and the VGA card.
        let configured: [(name: String, id: String)] = [
            ("NVMe", "1b36:0010"), ("e1000e", "8086:10d3"), ("ivshmem", "1af4:1110"), ("xHCI", "1b36:000d"),
        ]
        let q35Builtin = ["8086:29c0", "8086:2918", "8086:2922", "8086:2930", "1234:1111"]
        // ktest=pci: its MSI-X case programs and reads back the table of the first function with MSI-X, the NVMe
        // controller at 00:02.0 (the first device given), inside its 64-bit BAR 0 above 4 GiB: a mapping check.
        let (machine, bootLog) = try boot(.uefi, memory: "8G", cpus: 8, cmdline: "ktest=pci", extraArguments: [
            "-machine", "pit=off,hpet=off",
            "-acpitable", "file=\(ssdt.path)",
            "-nic", "none",
            "-drive", "file=\(nvme.path),if=none,id=n0,format=raw", "-device", "nvme,serial=laptop,drive=n0",
            "-device", "e1000e",
            // A 64-bit prefetchable BAR (2: the shared memory) of 1 GiB, which OVMF places above 4 GiB.
            "-object", "memory-backend-ram,id=shm,size=1G", "-device", "ivshmem-plain,memdev=shm",
            "-device", "qemu-xhci",
        ], timeout: 180)

        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "the pci suite failed: \(report.problems)")
        let msix = report.tests.first { String(decoding: $0.name, as: UTF8.self) == "pci" }?
            .subtests.first { String(decoding: $0.name, as: UTF8.self) == "msix_entries_program_and_mask" }
        XCTAssertEqual(msix?.result, .pass, "the pci suite's MSI-X case did not pass (skipped or missing)")

        // No PIT: the TSC is calibrated against the ACPI PM timer, and the clock is sane.
        XCTAssertTrue(bootLog.contains("time: TSC calibrated against the ACPI PM timer"), "no PM-timer calibration")
        XCTAssertTrue(bootLog.contains("smp: 8 of 8 CPUs online"), "not every CPU came online")
        let milliseconds = try XCTUnwrap(Self.bootReadyMilliseconds(bootLog), "no 'boot: ready in N ms'")
        XCTAssertLessThan(milliseconds, 120_000, "an implausible boot time: the TSC calibration is off")
        XCTAssertTrue(bootLog.contains("acpi: lid \\_SB_.LID0 (open)"), "the SSDT's lid was not found")
        XCTAssertTrue(bootLog.contains("acpi: battery \\_SB_.BAT0 (discharging)"), "the SSDT's battery was not found")

        let hwinfo = try machine.run("hwinfo", timeout: 60)
        XCTAssertTrue(hwinfo.contains("cpu: 8 online of 8 enabled in the MADT"), "hwinfo:\n\(hwinfo)")
        XCTAssertTrue(hwinfo.contains("acpi: SSDT APUS   LAPTOP   revision 2"), "the SSDT is not listed:\n\(hwinfo)")
        XCTAssertTrue(hwinfo.contains(", no HPET"), "hwinfo does not report the missing HPET:\n\(hwinfo)")
        let pciLines = hwinfo.split(separator: "\n").filter { $0.hasPrefix("pci: ") }
        let listed = pciLines.compactMap { line in line.firstMatch(of: /\[([0-9a-f]{4}:[0-9a-f]{4})\]/).map { String($0.1) } }
        XCTAssertEqual(listed.sorted(), (q35Builtin + configured.map(\.id)).sorted(),
                       "hwinfo's PCI functions differ from what QEMU was given:\n\(hwinfo)")
        let nvmeLine = try XCTUnwrap(pciLines.first { $0.contains("[1b36:0010]") }, "no NVMe controller")
        XCTAssertTrue(nvmeLine.hasSuffix(": no driver"), "NVMe: \(nvmeLine)")

        // 64-bit BARs above 4 GiB, reported with their full address and size: the NVMe controller's registers
        // (where the pci suite's MSI-X case wrote) and the shared memory's 64-bit prefetchable BAR.
        XCTAssertTrue(nvmeLine.hasPrefix("pci: 00:02.0 "), "the NVMe controller is not the first device: \(nvmeLine)")
        let nvmeDetails = try machine.run("lspci -v 00:02.0")
        let nvmeRegion = try XCTUnwrap(nvmeDetails.firstMatch(of: /Region 0: Memory at ([0-9a-f]+) \(64-bit, non-prefetchable\)/),
                                       "no 64-bit region 0:\n\(nvmeDetails)")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(UInt64(nvmeRegion.1, radix: 16)), 1 << 32,
                                    "the NVMe BAR is below 4 GiB:\n\(nvmeDetails)")
        let ivshmemLine = try XCTUnwrap(pciLines.first { $0.contains("[1af4:1110]") })
        let address = String(ivshmemLine.dropFirst("pci: ".count).prefix(7))
        let details = try machine.run("lspci -v \(address)")
        let region = try XCTUnwrap(details.firstMatch(of: /Region 2: Memory at ([0-9a-f]+) \(64-bit, prefetchable\) \[size=1G\]/),
                                   "no 64-bit prefetchable 1 GiB region 2:\n\(details)")
        let base = try XCTUnwrap(UInt64(region.1, radix: 16))
        XCTAssertGreaterThanOrEqual(base, 1 << 32, "the 64-bit BAR is below 4 GiB:\n\(details)")

        // The battery as the SSDT defines it.
        let battery = try machine.run("acpi battery")
        XCTAssertEqual(battery, """
            \\_SB_.BAT0 model "APUS-BAT-1", serial "0042", type "LION", OEM "Apus Test", rechargeable
            \\_SB_.BAT0 design capacity 50000 mWh, last full 48000 mWh, design voltage 11400 mV, 7 cycles
            \\_SB_.BAT0 discharging, remaining 36000 mWh (75%), rate 9000 mW, voltage 11700 mV
            """)

        // Events: the SSDT's methods change the state and Notify() as a GPE or EC query method would.
        XCTAssertEqual(try machine.run("acpi eval \\_SB.LID0.FLIP"), "0x0")
        try machine.waitFor("acpi: lid \\_SB_.LID0 closed\n")     // (logged after the prompt: consume the line)
        XCTAssertEqual(try machine.run("acpi eval \\_SB.BAT0.PLUG"), "0x2")
        try machine.waitFor("acpi: battery \\_SB_.BAT0 status changed: charging, remaining 40000 mWh (83%), rate 15000 mW, voltage 11700 mV\n")
        let charging = try machine.run("acpi battery")
        XCTAssertTrue(charging.hasSuffix("\\_SB_.BAT0 charging, remaining 40000 mWh (83%), rate 15000 mW, voltage 11700 mV"),
                      "acpi battery after PLUG:\n\(charging)")

        // The power button (a fixed ACPI event) powers off cleanly.
        try machine.monitor("system_powerdown")
        XCTAssertEqual(machine.waitForExit(timeout: 60), 0, "QEMU did not exit after system_powerdown")
        XCTAssertTrue(machine.log.contains("acpi: power button pressed"), "the power button event was not logged")
    }
}

/// The USB image and the compiled SSDT, made once per test run in a temporary directory.
private final class LaptopFixtures: @unchecked Sendable {
    static let shared = LaptopFixtures()

    private let lock = NSLock()
    private var made: [String: URL] = [:]
    private lazy var directory: URL = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("apus-laptop-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }()

    /// `scripts/make-usb-image` from the built kernel.
    func usbImage() throws -> URL {
        try make("apus-usb.img") { output in
            (SystemImages.packageRoot.appendingPathComponent("scripts/make-usb-image").path, [output.path])
        }
    }

    /// Tests/ACPI/laptop-ssdt.asl compiled with iasl (acpica-tools).
    func ssdt() throws -> URL {
        try make("laptop-ssdt.aml") { output in
            let source = SystemImages.packageRoot.appendingPathComponent("Tests/ACPI/laptop-ssdt.asl")
            return ("/usr/bin/iasl", ["-p", output.deletingPathExtension().path, source.path])
        }
    }

    private func make(_ name: String, _ command: (URL) -> (String, [String])) throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let file = made[name] { return file }
        let output = directory.appendingPathComponent(name)
        let (executable, arguments) = command(output)
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw QEMUError(description: "\(executable) is missing (scripts/test installs gdisk and acpica-tools)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let said = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            throw QEMUError(description: "making \(name) failed: " + String(decoding: said, as: UTF8.self))
        }
        made[name] = output
        return output
    }
}
