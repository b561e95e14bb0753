// SPDX-License-Identifier: GPL-2.0-only
// What every QEMU system test shares: finding the built images (and making variants with another kernel
// command line), starting machines, printing their serial logs when a test fails, and killing them.

import Foundation
import XCTest

/// The images the system tests boot: `build/apus.iso` from `scripts/build` (or `$APUS_BUILD_DIR/apus.iso`), and
/// variants with another kernel command line, made once per command line per test run with `scripts/mkiso`.
enum SystemImages {
    /// The package root, three levels above this file (Tests/SystemTests/SystemTestCase.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var buildDirectory: URL {
        if let directory = ProcessInfo.processInfo.environment["APUS_BUILD_DIR"], !directory.isEmpty {
            return URL(fileURLWithPath: directory, isDirectory: true)
        }
        return packageRoot.appendingPathComponent("build", isDirectory: true)
    }

    private static let cache = VariantCache()

    /// The image to boot: `apus.iso` as built, or a variant whose GRUB passes `cmdline` to the kernel, hands
    /// over `modules` (`.ko` files, as `scripts/mkiso --module`) and is made with further `scripts/mkiso`
    /// options (`--font FILE`, `--gfxmode MODE`) if given.
    static func iso(cmdline: String? = nil, modules: [URL] = [], mkisoArguments: [String] = []) throws -> URL {
        let elf = buildDirectory.appendingPathComponent("apus.elf")
        let iso = buildDirectory.appendingPathComponent("apus.iso")
        guard FileManager.default.fileExists(atPath: elf.path), FileManager.default.fileExists(atPath: iso.path) else {
            throw QEMUError(description: "\(elf.path) or apus.iso is missing: run scripts/build first")
        }
        let arguments = modules.flatMap { ["--module", $0.path] } + mkisoArguments
        guard cmdline != nil || !arguments.isEmpty else { return iso }
        return try cache.variant(cmdline: cmdline ?? "", mkisoArguments: arguments)
    }

    private final class VariantCache: @unchecked Sendable {
        private let lock = NSLock()
        private var images: [String: URL] = [:]
        private var directory: URL?

        func variant(cmdline: String, mkisoArguments: [String]) throws -> URL {
            lock.lock()
            defer { lock.unlock() }
            let key = ([cmdline] + mkisoArguments).joined(separator: "\u{0}")
            if let image = images[key] { return image }
            let directory = try self.directory ?? {
                let made = FileManager.default.temporaryDirectory
                    .appendingPathComponent("apus-isos-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
                try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
                return made
            }()
            self.directory = directory
            let image = directory.appendingPathComponent("variant-\(images.count).iso")
            let mkiso = Process()
            mkiso.executableURL = SystemImages.packageRoot.appendingPathComponent("scripts/mkiso")
            mkiso.arguments = [image.path, "--cmdline", cmdline] + mkisoArguments
            // scripts/mkiso reads build/apus.elf via scripts/lib.sh; it is told $APUS_BUILD_DIR for when lib.sh
            // honours it.
            var environment = ProcessInfo.processInfo.environment
            environment["APUS_BUILD_DIR"] = SystemImages.buildDirectory.path
            mkiso.environment = environment
            let errors = Pipe()
            mkiso.standardError = errors
            try mkiso.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            mkiso.waitUntilExit()
            guard mkiso.terminationStatus == 0, FileManager.default.fileExists(atPath: image.path) else {
                throw QEMUError(description: "scripts/mkiso failed for --cmdline \"\(cmdline)\" \(mkisoArguments): "
                    + String(decoding: message, as: UTF8.self))
            }
            images[key] = image
            return image
        }
    }
}

/// A test case that starts QEMU machines: it kills them in `tearDown`, and prints each one's serial log (and
/// QEMU's own errors) when the test failed, so that a failing CI run shows what the kernel said.
class SystemTestCase: XCTestCase {
    private var machines: [QEMUMachine] = []

    /// Starts a machine booting `build/apus.iso`, or a variant with kernel command line `cmdline`, or `medium`.
    func launch(_ firmware: QEMUMachine.Firmware = .bios, memory: String = "128M", cpus: Int = 1,
                cmdline: String? = nil, modules: [URL] = [], mkisoArguments: [String] = [],
                medium: QEMUMachine.Medium? = nil, extraArguments: [String] = []) throws -> QEMUMachine {
        let bootMedium = try medium
            ?? .cdrom(SystemImages.iso(cmdline: cmdline, modules: modules, mkisoArguments: mkisoArguments))
        let machine = try QEMUMachine(
            medium: bootMedium, firmware: firmware, memory: memory, cpus: cpus, extraArguments: extraArguments)
        machines.append(machine)
        return machine
    }

    /// Starts a machine and waits for the first prompt; returns it and its boot log. A boot that panics fails
    /// at once; one that does not reach the prompt in `timeout` fails then.
    func boot(_ firmware: QEMUMachine.Firmware = .bios, memory: String = "128M", cpus: Int = 1,
              cmdline: String? = nil, modules: [URL] = [], mkisoArguments: [String] = [],
              medium: QEMUMachine.Medium? = nil, extraArguments: [String] = [],
              timeout: TimeInterval = 60) throws -> (QEMUMachine, String) {
        let machine = try launch(firmware, memory: memory, cpus: cpus, cmdline: cmdline, modules: modules,
                                 mkisoArguments: mkisoArguments, medium: medium, extraArguments: extraArguments)
        let bootLog = try machine.waitForPrompt(timeout: timeout)
        return (machine, bootLog)
    }

    override func tearDown() {
        // (hasSucceeded is false until the run stops, after tearDown; the failures are already counted.)
        let failed = (testRun?.totalFailureCount ?? 0) > 0
        for machine in machines {
            machine.kill()
            guard failed else { continue }
            var report = "===== serial log of \(machine.name) (\(name)) =====\n"
            report += "qemu-system-x86_64 " + machine.arguments.joined(separator: " ") + "\n"
            report += machine.log
            let qemuErrors = machine.qemuErrors
            if !qemuErrors.isEmpty { report += "\n----- QEMU stderr -----\n" + qemuErrors }
            report += "\n===== end of serial log of \(machine.name) =====\n"
            print(report)
            #if canImport(Darwin)
            let attachment = XCTAttachment(string: report)
            attachment.name = "serial log \(machine.name)"
            attachment.lifetime = .keepAlways
            add(attachment)
            #endif
        }
        machines = []
        super.tearDown()
    }

    /// QEMU arguments for the devices the PCI and interrupt tests need: an e1000, an e1000e, and an NVMe
    /// drive (a 1 MiB scratch image, removed after the test) behind a PCI bridge (pc) or a PCIe root port
    /// (q35), so the scan must cross a bridge.
    func deviceArguments(_ firmware: QEMUMachine.Firmware) -> [String] {
        let image = FileManager.default.temporaryDirectory.appendingPathComponent("apus-nvme-\(UUID().uuidString).img")
        _ = FileManager.default.createFile(atPath: image.path, contents: Data(count: 1 << 20))
        addTeardownBlock { try? FileManager.default.removeItem(at: image) }
        var arguments = ["-nic", "none", "-device", "e1000", "-device", "e1000e",
                         "-drive", "file=\(image.path),if=none,id=n0,format=raw"]
        if firmware == .uefi {
            arguments += ["-device", "pcie-root-port,id=rp1,chassis=1,slot=1", "-device", "nvme,serial=t,drive=n0,bus=rp1"]
        } else {
            arguments += ["-device", "pci-bridge,id=br1,chassis_nr=1", "-device", "nvme,serial=t,drive=n0,bus=br1,addr=1"]
        }
        return arguments
    }

    static func bootReadyMilliseconds(_ log: String) -> Int? {
        guard let match = log.firstMatch(of: /boot: ready in (\d+) ms/) else { return nil }
        return Int(match.1)
    }
}
