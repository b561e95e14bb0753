// SPDX-License-Identifier: GPL-2.0-only
// KUnit in QEMU: builds Linux 6.1's own lib/list-test.c and lib/kunit/kunit-example-test.c (unmodified, from
// third_party/linux/src) and the KPI self-test (Tests/Modules/kpi-selftest) with scripts/kmod, loads them with
// insmod on 1 and 4 CPUs, parses the KTAP each prints and fails on any `not ok`, on a missing or incomplete
// suite, and on too few cases. A module with known failures (Tests/Modules/kunit-failures) shows that the
// runner reports them.

import Foundation
import KernelCore
import XCTest

final class KUnitTests: SystemTestCase {
    func testListTestAndSelfTestOnOneCPU() throws { try checkSuites(cpus: 1) }
    func testListTestAndSelfTestOnFourCPUs() throws { try checkSuites(cpus: 4) }

    /// The suites of the self-test, each with at least this many cases (catches suites cut short).
    private static let selfTestSuites: [String: Int] = [
        "kpi-module": 3, "kpi-bitops": 6, "kpi-atomic": 6, "kpi-string": 12, "kpi-memory": 8, "kpi-pages": 5,
        "kpi-sync": 11, "kpi-rcu": 6, "kpi-time": 8, "kpi-workqueue": 7, "kpi-idr": 5, "kpi-device": 4, "kpi-pci": 6,
    ]

    private func checkSuites(cpus: Int) throws {
        let modules = try KUnitModules.shared.modules()
        let (machine, _) = try boot(cpus: cpus, modules: [modules.listTest, modules.exampleTest, modules.selfTest],
                                    timeout: 120)

        let listOutput = try machine.run("insmod list-test", timeout: 120)
        let listReport = KTAPParser.parse(Array(listOutput.utf8))
        XCTAssertTrue(listReport.succeeded, "lib/list-test.c failed on \(cpus) CPU(s):\n\(Self.describe(listReport))")
        // Linux 6.1's list-test.c: 39 cases for list.h, 18 for hlist.
        try expectSuites(listReport, ["list-kunit-test": 39, "hlist": 18], exactly: true, in: "list-test")

        // KUnit's own example: every check macro passes, one case skips (ending early), one marks itself skipped.
        let exampleOutput = try machine.run("insmod kunit-example-test", timeout: 60)
        let exampleReport = KTAPParser.parse(Array(exampleOutput.utf8))
        XCTAssertTrue(exampleReport.succeeded, "kunit-example-test failed:\n\(Self.describe(exampleReport))")
        try expectSuites(exampleReport, ["example": 4], exactly: true, in: "kunit-example-test")
        XCTAssertEqual(exampleReport.tests.first?.subtests.map(\.result), [.pass, .skip, .skip, .pass])
        XCTAssertTrue(exampleOutput.contains("# example_mark_skipped_test: You should see this line."))
        XCTAssertFalse(exampleOutput.contains("You should not see this line."), "kunit_skip did not end the case")

        let selfOutput = try machine.run("insmod kpi-selftest answer=42 attempts=5", timeout: 300)
        let selfReport = KTAPParser.parse(Array(selfOutput.utf8))
        XCTAssertTrue(selfReport.succeeded, "the KPI self-test failed on \(cpus) CPU(s):\n\(Self.describe(selfReport))")
        try expectSuites(selfReport, Self.selfTestSuites, exactly: false, in: "kpi-selftest")
        for line in ["kpi-selftest: printk info 42 works", "kpi-selftest: printk warning 0x2a",
                     "kpi-selftest: printk error visible", "kpi-selftest: hex 00000000: 30 31 32 33"] {
            XCTAssertTrue(selfOutput.contains(line), "the self-test's printk line \"\(line)\" is missing")
        }
        XCTAssertFalse(selfOutput.contains("pr_debug is compiled out"), "pr_debug printed without DEBUG")
        // Suites run when the module loads, before its init function (as Linux's module notifier runs them):
        // the init's line comes after the last suite's result line.
        let lines = Self.withoutTimestamps(selfOutput).split(separator: "\n")
        let initLine = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("kpi-selftest: init after the suites, answer=42") },
                                     "the self-test's init did not run, or did not see answer=42")
        let lastSuite = try XCTUnwrap(lines.lastIndex { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") })
        XCTAssertLessThan(lastSuite, initLine, "module_init ran before the KUnit suites")
        print("KUnit [\(machine.name), \(cpus) CPU(s)]: list-test \(Self.summary(listReport)); "
            + "kpi-selftest \(Self.summary(selfReport))")
    }

    /// A module with known failures: the runner must report each as Linux does, and the parser must fail.
    func testFailuresAreReported() throws {
        let modules = try KUnitModules.shared.modules()
        let (machine, _) = try boot(cpus: 2, modules: [modules.failures], timeout: 120)
        let output = try machine.run("insmod kunit-failures", timeout: 120)
        let report = KTAPParser.parse(Array(output.utf8))
        XCTAssertFalse(report.succeeded, "known failures parsed as a success")
        XCTAssertEqual(report.plan, 3)
        let failed = Set(report.problems.filter { $0.kind == .failed }.map { $0.path.map(Self.text).joined(separator: ".") })
        XCTAssertEqual(failed, ["kunit-failures", "kunit-failures.example_expectation_fails",
                                "kunit-failures.example_assertion_ends_case", "kunit-failures.example_param",
                                "kunit-failures.example_param.value-2", "kunit-failures-broken"],
                       "unexpected failures:\n\(Self.describe(report))")
        XCTAssertEqual(report.problems.count, failed.count, "structural problems:\n\(Self.describe(report))")

        let suite = try XCTUnwrap(report.tests.first { Self.text($0.name) == "kunit-failures" })
        XCTAssertEqual(suite.subtests.map { Self.text($0.name) },
                       ["example_passes", "example_expectation_fails", "example_assertion_ends_case", "example_skips",
                        "example_param"])
        XCTAssertEqual(suite.subtests.map(\.result), [.pass, .fail, .fail, .skip, .fail])
        XCTAssertEqual(Self.text(suite.subtests[3].skipReason), "skipped on purpose")
        XCTAssertEqual(suite.subtests[4].subtests.map { Self.text($0.name) }, ["value-1", "value-2", "value-3"])
        let skipped = try XCTUnwrap(report.tests.last)
        XCTAssertEqual(skipped.result, .skip, "a suite whose only case skipped is not reported skipped")

        // Linux 6.1's wording, line for line (file names depend on where scripts/kmod compiled the module).
        for expected in [
            #/    # example_expectation_fails: EXPECTATION FAILED at \S*kunit-failures\.c:\d+\n/#,
            #/    Expected two == 3, but\n        two == 2\n/#,
            #/    Expected "left" == "right", but\nstrings differ: 7\n/#,
            #/    # example_expectation_fails: goes on after a failed expectation\n/#,
            #/    # example_assertion_ends_case: ASSERTION FAILED at \S*kunit-failures\.c:\d+\n    Expected context_missing to be true, but is false\n/#,
            #/    # example_assertion_ends_case: exit hook ran\n    not ok 3 example_assertion_ends_case\n/#,
            #/    ok 4 example_skips # SKIP skipped on purpose\n/#,
            #/        KTAP version 1\n        # Subtest: example_param\n        1\.\.3\n/#,
            #/    # example_param: pass:2 fail:1 skip:0 total:3\n/#,
            #/# kunit-failures: pass:1 fail:3 skip:1 total:5\n# Totals: pass:3 fail:3 skip:1 total:7\n/#,
            #/    # kunit-failures-broken:     # failed to initialize \(-19\)\nnot ok 2 kunit-failures-broken\n/#,
        ] {
            XCTAssertNotNil(Self.withoutTimestamps(output).firstMatch(of: expected),
                            "the output lacks a line matching \(expected)")
        }
        XCTAssertFalse(output.contains("not reached"), "a case went on after a failed assertion or kunit_skip")
    }

    private func boot(cpus: Int, modules: [URL], timeout: TimeInterval) throws -> (QEMUMachine, String) {
        // QEMU's edu device interrupts when told to: the self-test's kpi-pci suite drives it.
        try boot(.bios, memory: "256M", cpus: cpus, modules: modules, extraArguments: ["-nic", "none", "-device", "edu"],
                 timeout: timeout)
    }

    /// Checks that each named suite is there, complete, with `cases` cases (at least, unless `exactly`).
    private func expectSuites(_ report: KTAPReport, _ suites: [String: Int], exactly: Bool, in module: String) throws {
        for (name, cases) in suites.sorted(by: { $0.key < $1.key }) {
            guard let suite = report.tests.first(where: { Self.text($0.name) == name }) else {
                XCTFail("\(module): suite \(name) is missing from the KTAP output")
                continue
            }
            let plan = try XCTUnwrap(suite.plan, "\(module): suite \(name) has no plan")
            XCTAssertEqual(suite.subtests.count, plan, "\(module): suite \(name) ran \(suite.subtests.count) of \(plan) cases")
            if exactly {
                XCTAssertEqual(plan, cases, "\(module): suite \(name) has \(plan) cases, expected \(cases)")
            } else {
                XCTAssertGreaterThanOrEqual(plan, cases, "\(module): suite \(name) has only \(plan) cases")
            }
        }
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The output with the log's `[    1.234567] ` prefixes removed.
    private static func withoutTimestamps(_ output: String) -> String {
        output.replacing(#/(?m)^\[ *\d+\.\d+\] /#, with: "")
    }

    private static func summary(_ report: KTAPReport) -> String {
        let cases = report.tests.flatMap(\.subtests)
        let skipped = cases.filter { $0.result == .skip }.map { text($0.name) }
        return "\(report.tests.count) suites, \(cases.count) cases"
            + (skipped.isEmpty ? "" : ", skipped: \(skipped.joined(separator: ", "))")
    }

    /// One line per problem, then every result that was not `ok`, with its diagnostics.
    private static func describe(_ report: KTAPReport) -> String {
        report.problems.map { problem in
            let path = problem.path.isEmpty ? "(document)" : problem.path.map(text).joined(separator: ".")
            let what: String = switch problem.kind {
            case .noOutput: "no KTAP output"
            case .failed: "failed (not ok)"
            case .missingResult: "no result line: the kernel stopped inside it"
            case .missingPlan: "no plan line"
            case .planMismatch(let planned, let found): "planned \(planned) results, found \(found)"
            case .wrongNumber(let expected, let found): "numbered \(found), expected \(expected)"
            }
            return "  \(path): \(what)"
        }.joined(separator: "\n")
    }
}

/// The modules the KUnit tests load, built once per test run with scripts/kmod: Linux's tests from copies in a
/// temporary folder, ours in place (Tests/Modules/NAME gains NAME.ko).
final class KUnitModules: @unchecked Sendable {
    static let shared = KUnitModules()

    struct Built {
        let listTest: URL
        let exampleTest: URL
        let selfTest: URL
        let failures: URL
    }

    private let lock = NSLock()
    private var built: Result<Built, Error>?

    /// Builds list-test.ko, kunit-example-test.ko, kpi-selftest.ko and kunit-failures.ko (once).
    func modules() throws -> Built {
        lock.lock()
        defer { lock.unlock() }
        if built == nil { built = Result { try build() } }
        return try built!.get()
    }

    private func build() throws -> Built {
        let root = SystemImages.packageRoot
        let fileManager = FileManager.default
        let directory = fileManager.temporaryDirectory
            .appendingPathComponent("apus-kunit-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        try? fileManager.removeItem(at: directory)
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)

        // Linux's own tests, unmodified: the copies scripts/fetch-linux checked against the MANIFEST's sha256,
        // each alone in a folder, so that scripts/kmod builds a module named after the file.
        try run("scripts/fetch-linux", [])
        var modules: [URL] = []
        for path in ["lib/list-test.c", "lib/kunit/kunit-example-test.c"] {
            let file = URL(fileURLWithPath: path)
            let name = file.deletingPathExtension().lastPathComponent
            let folder = directory.appendingPathComponent(name, isDirectory: true)
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try fileManager.copyItem(at: root.appendingPathComponent("third_party/linux/src/\(path)"),
                                     to: folder.appendingPathComponent(file.lastPathComponent))
            try run("scripts/kmod", [folder.path])
            modules.append(folder.appendingPathComponent("\(name).ko"))
        }
        for name in ["kpi-selftest", "kunit-failures"] {
            let folder = root.appendingPathComponent("Tests/Modules/\(name)", isDirectory: true)
            try run("scripts/kmod", [folder.path])
            modules.append(folder.appendingPathComponent("\(name).ko"))
        }
        for module in modules where !fileManager.fileExists(atPath: module.path) {
            throw QEMUError(description: "scripts/kmod did not produce \(module.path)")
        }
        return Built(listTest: modules[0], exampleTest: modules[1], selfTest: modules[2], failures: modules[3])
    }

    /// Runs a script of the package; throws with its output when it fails.
    private func run(_ script: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = SystemImages.packageRoot.appendingPathComponent(script)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["APUS_BUILD_DIR"] = SystemImages.buildDirectory.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw QEMUError(description: "\(script) \(arguments.joined(separator: " ")) failed:\n"
                + String(decoding: text, as: UTF8.self))
        }
    }
}
