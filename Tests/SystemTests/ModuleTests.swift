// SPDX-License-Identifier: GPL-2.0-only
// Loadable modules in QEMU: the test modules of Tests/Modules, built with scripts/kmod, handed over as boot
// modules; insmod with parameters (and NAME.p=v words of the command line), modules= at boot, exports used
// across modules, dependency counts blocking rmmod, failing init, missing and GPL-only symbols, malformed
// files, and W^X of a module's read-only data with its functions named in the panic backtrace.

import Foundation
import XCTest

final class ModuleTests: SystemTestCase {
    static let moduleNames = ["provider", "consumer", "failing", "missing", "proprietary", "crasher"]

    /// Builds every test module once per run (scripts/kmod), plus two malformed files.
    private static let built: Result<[URL], Error> = Result {
        let root = SystemImages.packageRoot
        var files: [URL] = []
        for name in moduleNames {
            let folder = root.appendingPathComponent("Tests/Modules/\(name)")
            let kmod = Process()
            kmod.executableURL = root.appendingPathComponent("scripts/kmod")
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
            files.append(folder.appendingPathComponent("\(name).ko"))
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("apus-modules-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // A module cut short (its section headers are gone) and a file that is no ELF at all.
        let provider = try Data(contentsOf: files[0])
        let truncated = scratch.appendingPathComponent("truncated.ko")
        try provider.prefix(provider.count / 2).write(to: truncated)
        let text = scratch.appendingPathComponent("notelf.ko")
        try Data("this is not a module\n".utf8).write(to: text)
        return files + [truncated, text]
    }

    private func modules() throws -> [URL] { try Self.built.get() }

    func testLoadingLinkingParametersAndRefusals() throws {
        let (machine, bootLog) = try boot(cmdline: "modules=provider consumer.count=5", modules: try modules())
        XCTAssertTrue(bootLog.contains("provider: init"), "modules= did not load provider at boot")
        XCTAssertTrue(bootLog.contains("modules: loaded provider at 0x"))

        // Parameters from insmod and from the command line; exports of provider, GPL-only included.
        let insmod = try machine.run("insmod consumer greeting=hi quiet levels=1,2,3 port-number=8080 label=abc")
        XCTAssertTrue(insmod.contains("consumer: count=5 doubled=10 secret=1234"), insmod)
        XCTAssertTrue(insmod.contains("consumer: greeting=hi quiet=1 port=8080 label=abc"), insmod)
        XCTAssertTrue(insmod.contains("consumer: 3 levels: 1 2 3 0"), insmod)
        XCTAssertTrue(insmod.contains("consumer: init in consumer"), insmod)
        XCTAssertFalse(insmod.contains("ERROR"), insmod)

        var lsmod = try machine.run("lsmod")
        XCTAssertNotNil(lsmod.firstMatch(of: /consumer\s+\d+\s+0 *(\n|$)/), lsmod)
        XCTAssertNotNil(lsmod.firstMatch(of: /provider\s+\d+\s+1 consumer(\n|$)/), lsmod)

        // A module in use stays.
        let busy = try machine.run("rmmod provider")
        XCTAssertTrue(busy.contains("modules: provider: in use by: consumer"), busy)
        XCTAssertTrue(busy.contains("rmmod: ERROR: could not remove module provider: -16 (EBUSY)"), busy)

        // Refusals: each names the problem, and nothing stays behind.
        let failing = try machine.run("insmod failing")
        XCTAssertTrue(failing.contains("failing: init uses provider (42) and fails"), failing)
        XCTAssertTrue(failing.contains("modules: failing: init failed: -19 (ENODEV); module unloaded"), failing)
        XCTAssertTrue(failing.contains("insmod: ERROR: could not insert module failing: -19 (ENODEV)"), failing)
        let missing = try machine.run("insmod missing")
        XCTAssertTrue(missing.contains("unknown symbol (exported by neither the kernel nor a loaded module) for symbol 'apus_nobody_exports_this'"), missing)
        XCTAssertTrue(missing.contains("-2 (ENOENT)"), missing)
        let proprietary = try machine.run("insmod proprietary")
        XCTAssertTrue(proprietary.contains("GPL-only symbol used by a module whose license is not GPL-compatible for symbol 'provider_gpl_secret'"), proprietary)
        XCTAssertTrue(proprietary.contains("-1 (EPERM)"), proprietary)
        let truncated = try machine.run("insmod truncated")
        XCTAssertTrue(truncated.contains("modules: truncated: invalid module file: "), truncated)
        XCTAssertTrue(truncated.contains("-8 (ENOEXEC)"), truncated)
        let notELF = try machine.run("insmod notelf")
        XCTAssertTrue(notELF.contains("invalid module file: not an ELF file (bad magic)"), notELF)
        let twice = try machine.run("insmod consumer")
        XCTAssertTrue(twice.contains("modules: consumer: already loaded"), twice)
        let absent = try machine.run("insmod nosuchmodule")
        XCTAssertTrue(absent.contains("-2 (ENOENT)"), absent)

        lsmod = try machine.run("lsmod")
        XCTAssertEqual(lsmod.split(separator: "\n").count, 3, "only the header, consumer and provider: \(lsmod)")
        XCTAssertNotNil(lsmod.firstMatch(of: /provider\s+\d+\s+1 consumer(\n|$)/), "failing's use of provider was not dropped: \(lsmod)")

        // A bad parameter value fails the load before init runs.
        XCTAssertTrue(try machine.run("rmmod consumer").contains("consumer: exit in consumer"))
        let badValue = try machine.run("insmod consumer count=abc")
        XCTAssertTrue(badValue.contains("modules: consumer: invalid parameter 'count=abc': -22 (EINVAL)"), badValue)
        XCTAssertFalse(badValue.contains("consumer: count="), badValue)

        // Unloading in dependency order runs the exits.
        let provider = try machine.run("rmmod provider")
        XCTAssertTrue(provider.contains("provider: exit after 2 calls"), provider)
        XCTAssertTrue(provider.contains("modules: unloaded provider"), provider)
        lsmod = try machine.run("lsmod")
        XCTAssertEqual(lsmod.split(separator: "\n").count, 1, "modules left behind: \(lsmod)")

        // The module area is reusable: load the pair again.
        XCTAssertTrue(try machine.run("insmod provider").contains("provider: init"))
        XCTAssertTrue(try machine.run("insmod consumer count=3").contains("consumer: count=3 doubled=6"))
    }

    func testModuleReadOnlyDataIsNotWritableAndBacktraceNamesModuleFunctions() throws {
        let (machine, _) = try boot(modules: try modules())
        machine.expectsPanic = true
        try machine.send("insmod crasher\r")
        try machine.waitFor("crasher: writing to read-only data")
        let report = try machine.waitFor(QEMUMachine.panicEndMarker, timeout: 30)
        XCTAssertTrue(report.contains("page fault"), report)
        XCTAssertNotNil(report.firstMatch(of: /crasher_write\+0x[0-9a-f]+ \[crasher\]/), report)
        XCTAssertNotNil(report.firstMatch(of: /(crasher_init|init_module)\+0x[0-9a-f]+ \[crasher\]/), report)
    }
}
