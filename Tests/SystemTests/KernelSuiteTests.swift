// SPDX-License-Identifier: GPL-2.0-only
// Runs the in-kernel KTAP suites (`ktest=` on the kernel command line) on pc and q35 and fails on any failed
// case or structural problem in the output, as parsed by KernelCore's KTAPParser.

import KernelCore
import XCTest

final class KernelSuiteTests: SystemTestCase {
    func testMemoryAndBootSuitesOnPC() throws { try checkSuites(.bios) }
    func testMemoryAndBootSuitesOnQ35() throws { try checkSuites(.uefi) }

    /// An unknown suite must come out as `not ok`: proves that a failure on the kernel side reaches the host.
    func testUnknownSuiteFails() throws {
        let (machine, _) = try boot(cmdline: "ktest=nosuchsuite")
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertFalse(report.succeeded, "ktest=nosuchsuite parsed as a success")
        XCTAssertTrue(report.problems.contains { $0.kind == .failed && $0.path.map(Self.text) == ["nosuchsuite"] },
                      "no 'not ok' for nosuchsuite; problems: \(Self.describe(report.problems))")
    }

    private func checkSuites(_ firmware: QEMUMachine.Firmware) throws {
        let (machine, _) = try boot(firmware, cmdline: "ktest=mm,boot", timeout: 120)
        let report = KTAPParser.parse(machine.logBytes)
        XCTAssertTrue(report.succeeded, "in-kernel tests failed on \(machine.name):\n\(Self.describe(report.problems))")
        for suite in ["mm", "boot"] {
            guard let found = report.tests.first(where: { Self.text($0.name) == suite }) else {
                XCTFail("suite \(suite) is missing from the KTAP output")
                continue
            }
            let plan = try XCTUnwrap(found.plan, "suite \(suite) has no plan")
            XCTAssertGreaterThan(plan, 0, "suite \(suite) plans no cases")
            XCTAssertEqual(found.subtests.count, plan, "suite \(suite) ran \(found.subtests.count) of \(plan) cases")
        }
        let cases = report.tests.reduce(0) { $0 + $1.subtests.count }
        print("KTAP [\(machine.name)]: \(report.tests.count) suites, \(cases) cases, \(report.problems.count) problems")
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// One line per problem: `mm.page_allocator_coalesces_fragments: failed`.
    private static func describe(_ problems: [KTAPProblem]) -> String {
        problems.map { problem in
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
