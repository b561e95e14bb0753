// SPDX-License-Identifier: GPL-2.0-only
// Tests `apus-kpi check`: its output and exit status on the fixture kernel and modules, and its errors.

import ApusKPI
import XCTest

final class CheckCommandTests: XCTestCase {
    func testMissingImportsAreListedAndExitStatusIsOne() throws {
        let f = try FixtureELFs.get()
        let run = KPIRun(["check", "--kernel", f.kernel, f.core, f.driver])
        XCTAssertEqual(run.output, [
            "\(f.core): missing_core_dep",
            "\(f.driver): __stack_chk_fail",
            "\(f.driver): missing_a",
            "\(f.driver): missing_b",
        ])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.status, 1)
    }

    func testAnotherGivenModuleProvidesImports() throws {
        let f = try FixtureELFs.get()
        // Without core.ko on the command line, core_register is missing too.
        let alone = KPIRun(["check", "--kernel", f.kernel, f.driver])
        XCTAssertEqual(alone.output, ["__stack_chk_fail", "core_register", "missing_a", "missing_b"].map { "\(f.driver): \($0)" })
        XCTAssertEqual(alone.status, 1)
    }

    func testEverythingProvidedExitsZeroSilently() throws {
        let f = try FixtureELFs.get()
        let run = KPIRun(["check", "--kernel", f.kernel, f.leaf])
        XCTAssertEqual(run.output, [])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.status, 0)
    }

    func testIgnoreConfigLeavesOutConfigDependentImports() throws {
        let f = try FixtureELFs.get()
        let run = KPIRun(["check", "--ignore-config", "--kernel", f.kernel, f.driver, f.core])
        XCTAssertEqual(run.output, ["\(f.driver): missing_a", "\(f.driver): missing_b", "\(f.core): missing_core_dep"])
        XCTAssertEqual(run.status, 1)
    }

    func testUnreadableInputIsAnErrorWithStatusTwo() throws {
        let f = try FixtureELFs.get()
        let cases: [([String], String)] = [
            (["check", "--kernel", f.kernel, f.path("absent.ko")], "apus-kpi: \(f.path("absent.ko")): no such file"),
            (["check", "--kernel", f.kernel, f.directory.path], "apus-kpi: \(f.directory.path): is a directory, not a file"),
            (["check", "--kernel", f.kernel, f.path("kernel.c.missing")], "no such file"),
            (["check", "--kernel", f.kernel, f.kernel], "apus-kpi: \(f.kernel): not a module: its ELF type is ET_EXEC (executable)"),
            (["check", "--kernel", f.kernel, f.object32], "apus-kpi: \(f.object32): a 32-bit ELF file"),
            (["check", "--kernel", f.core, f.driver], "apus-kpi: \(f.core): not a kernel image"),
            (["check", "--kernel", f.path("absent.elf"), f.driver], "apus-kpi: \(f.path("absent.elf")): no such file"),
            (["check", "--kernel", f.strippedKernel, f.driver], "no symbol table (stripped?)"),
        ]
        for (arguments, expected) in cases {
            let run = KPIRun(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertEqual(run.output, [], "\(arguments)")
            XCTAssertEqual(run.errors.count, 1, "\(arguments)")
            XCTAssertTrue(run.errors.first?.hasPrefix(expected) == true || run.errors.first?.contains(expected) == true,
                          "\(run.errors) does not say '\(expected)'")
        }
    }

    func testNonELFFileIsNamed() throws {
        let f = try FixtureELFs.get()
        let text = f.path("Kbuild.ko")
        try Data("obj-m += e1000.o\n".utf8).write(to: URL(fileURLWithPath: text))
        let run = KPIRun(["check", "--kernel", f.kernel, text])
        XCTAssertEqual(run.errors, ["apus-kpi: \(text): not an ELF file (no \\x7fELF magic)"])
        XCTAssertEqual(run.status, 2)
    }

    func testDefaultKernelErrorSaysHowToGetOne() throws {
        let f = try FixtureELFs.get()
        let saved = FileManager.default.currentDirectoryPath
        defer { _ = FileManager.default.changeCurrentDirectoryPath(saved) }
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(f.directory.path))  // no build/apus.elf here
        let run = KPIRun(["check", f.leaf])
        XCTAssertEqual(run.errors, ["apus-kpi: build/apus.elf: no such file (build it with scripts/build, or name another with --kernel)"])
        XCTAssertEqual(run.status, 2)
    }

    func testUsageErrors() {
        for arguments in [[], ["check"], ["check", "--kernel"], ["check", "--frobnicate", "x.ko"], ["census"],
                          ["census", "a", "b"], ["census", "--top", "many", "dir"], ["modpost"]] {
            let run = KPIRun(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertFalse(run.errors.isEmpty, "\(arguments)")
        }
        let help = KPIRun(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.first?.hasPrefix("usage: apus-kpi check") == true)
    }
}
