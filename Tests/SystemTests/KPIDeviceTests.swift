// SPDX-License-Identifier: GPL-2.0-only
// LinuxKPI's device, interrupt and DMA layers against a real PCI device: the kpi_edu test module
// (Tests/Modules/kpi-edu) drives QEMU's edu device through pci_register_driver and prints KTAP; the test
// fails on any "not ok", then unloads the module and checks remove ran and devres released newest first.
// On 1 and 4 CPUs, pc (SeaBIOS) and q35 (OVMF).

import Foundation
import XCTest

final class KPIDeviceTests: SystemTestCase {
    private static let built: Result<URL, Error> = Result {
        let folder = SystemImages.packageRoot.appendingPathComponent("Tests/Modules/kpi-edu")
        let kmod = Process()
        kmod.executableURL = SystemImages.packageRoot.appendingPathComponent("scripts/kmod")
        kmod.arguments = [folder.path]
        let errors = Pipe()
        kmod.standardError = errors
        kmod.standardOutput = FileHandle.nullDevice
        try kmod.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        kmod.waitUntilExit()
        guard kmod.terminationStatus == 0 else {
            throw QEMUError(description: "scripts/kmod \(folder.path) failed: " + String(decoding: message, as: UTF8.self))
        }
        return folder.appendingPathComponent("kpi_edu.ko")
    }

    private func checkEdu(_ firmware: QEMUMachine.Firmware, cpus: Int) throws {
        let module = try Self.built.get()
        let (machine, _) = try boot(firmware, cpus: cpus, modules: [module], extraArguments: ["-device", "edu"])
        let insmod = try machine.run("insmod kpi_edu", timeout: 120)
        XCTAssertTrue(insmod.contains("KTAP version 1"), insmod)
        XCTAssertTrue(insmod.contains("1..11"), insmod)
        XCTAssertFalse(insmod.contains("not ok"), insmod)
        for (number, name) in ["device", "mmio", "shared_intx", "tasklet_disable", "msi_threaded", "dma",
                               "dma_mask_check", "dma_pool", "idr_ida_xarray", "mmio_after", "summary"].enumerated() {
            XCTAssertTrue(insmod.contains("ok \(number + 1) \(name)\n"), "missing: ok \(number + 1) \(name)")
        }
        XCTAssertNotNil(insmod.firstMatch(of: /kpi_edu 0000:00:0[0-9a-f]\.0: edu registers at 0x[0-9a-f]+, irq \d+/), insmod)

        let rmmod = try machine.run("rmmod kpi_edu")
        XCTAssertNotNil(rmmod.firstMatch(of: /kpi_edu: remove 0000:00:0[0-9a-f]\.0/), rmmod)
        guard let second = rmmod.range(of: "kpi_edu: devres release second-added"),
              let first = rmmod.range(of: "kpi_edu: devres release first-added") else {
            return XCTFail("devres actions did not run on removal: \(rmmod)")
        }
        XCTAssertLessThan(second.lowerBound, first.lowerBound, "devres released oldest first")
        XCTAssertFalse(rmmod.contains("WARNING"), rmmod)

        // Loading again binds and passes again: removal released the IRQs, regions and mappings.
        let again = try machine.run("insmod kpi_edu", timeout: 120)
        XCTAssertTrue(again.contains("ok 11 summary"), again)
        XCTAssertFalse(again.contains("not ok"), again)
    }

    func testEduOnPCOneCPU() throws { try checkEdu(.bios, cpus: 1) }
    func testEduOnPCFourCPUs() throws { try checkEdu(.bios, cpus: 4) }
    func testEduOnQ35() throws { try checkEdu(.uefi, cpus: 2) }
}
