// SPDX-License-Identifier: GPL-2.0-only
// Tests the KTAP writer against KUnit's output and the KTAP parser on passing, failing, nested and cut-off logs.

import KernelCore
import XCTest

final class KTAPWriterTests: XCTestCase {
    /// Linux's `kunit-example-test` cut to three cases, as KUnit prints it (Linux 6.x), with the
    /// failure message shortened.
    func testSmallSuiteMatchesKUnit() {
        var writer = KTAPWriter(sink: CapturingTextSink())
        writer.begin(plan: 1)
        writer.beginSubtest("example" as StaticString, plan: 3)
        writer.diagnostic("example_simple_test: initializing" as StaticString)
        writer.report(.pass, "example_simple_test" as StaticString)
        writer.skip("example_skip_test" as StaticString, reason: "this test should be skipped" as StaticString)
        writer.diagnostic { sink in
            sink.write("example_failing_test: EXPECTATION FAILED at lib/kunit/kunit-example-test.c:")
            sink.writeDecimal(42)
        }
        writer.report(.fail, "example_failing_test" as StaticString)
        XCTAssertEqual(writer.endSubtest("example" as StaticString), .fail)
        XCTAssertEqual(writer.sink.text, """
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: example
                1..3
                # example_simple_test: initializing
                ok 1 example_simple_test
                ok 2 example_skip_test # SKIP this test should be skipped
                # example_failing_test: EXPECTATION FAILED at lib/kunit/kunit-example-test.c:42
                not ok 3 example_failing_test
            # example: pass:1 fail:1 skip:1 total:3
            # Totals: pass:1 fail:1 skip:1 total:3
            not ok 1 example

            """)
    }

    func testParameterisedCaseAndSuiteResults() {
        var writer = KTAPWriter(sink: CapturingTextSink())
        writer.begin(plan: 3)
        writer.beginSubtest("params" as StaticString, plan: 2)
        writer.report(.pass, "plain" as StaticString)
        writer.beginSubtest("sizes" as StaticString, plan: 3)
        writer.report(.pass, [UInt8]("size 1".utf8))
        writer.report(.pass, [UInt8]("size 2".utf8))
        writer.report(.skip, [UInt8]("size 3".utf8))
        XCTAssertEqual(writer.endSubtest("sizes" as StaticString), .pass)
        XCTAssertEqual(writer.endSubtest("params" as StaticString), .pass)
        writer.beginSubtest("skipped" as StaticString, plan: 1)
        writer.skip("only" as StaticString, reason: "no device" as StaticString)
        XCTAssertEqual(writer.endSubtest("skipped" as StaticString), .skip)
        writer.beginSubtest("single" as StaticString, plan: 1)
        var name = LineBuffer<16>()
        name.write("case ")
        name.writeDecimal(1)
        writer.report(.pass, name)
        XCTAssertEqual(writer.endSubtest("single" as StaticString), .pass)
        XCTAssertEqual(writer.sink.text, """
            KTAP version 1
            1..3
                KTAP version 1
                # Subtest: params
                1..2
                ok 1 plain
                    KTAP version 1
                    # Subtest: sizes
                    1..3
                    ok 1 size 1
                    ok 2 size 2
                    ok 3 size 3 # SKIP
                # sizes: pass:2 fail:0 skip:1 total:3
                ok 2 sizes
            # params: pass:2 fail:0 skip:0 total:2
            # Totals: pass:3 fail:0 skip:1 total:4
            ok 1 params
                KTAP version 1
                # Subtest: skipped
                1..1
                ok 1 only # SKIP no device
            ok 2 skipped # SKIP
                KTAP version 1
                # Subtest: single
                1..1
                ok 1 case 1
            ok 3 single

            """)
    }
}

final class KTAPParserTests: XCTestCase {
    private func parse(_ text: String) -> KTAPReport {
        KTAPParser.parse(Array(text.utf8))
    }

    /// The problems as `path: kind` strings, for compact comparisons.
    private func problems(_ report: KTAPReport) -> [String] {
        report.problems.map { problem in
            problem.path.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/") + ": \(problem.kind)"
        }
    }

    private func name(_ test: KTAPTest) -> String {
        String(decoding: test.name, as: UTF8.self)
    }

    func testPassingLogWithTimestampsAndNoise() throws {
        let report = parse("""
            SeaBIOS (version 1.16.2)\r
            Booting from DVD/CD...\r
            [    0.000000] Apus 0.1 booting\r
            [    0.101000] KTAP version 1\r
            [    0.101010] 1..2\r
            [    0.101020]     KTAP version 1\r
            [    0.101030]     # Subtest: memory\r
            [    0.101040]     1..2\r
            [    0.101050]     ok 1 frame_allocator\r
            [    0.101060]     ok 2 - page_tables\r
            [    0.101070] # memory: pass:2 fail:0 skip:0 total:2\r
            [    0.101080] ok 1 memory\r
            [    0.101090]     KTAP version 1\r
            [    0.101100]     # Subtest: acpi\r
            [    0.101110]     1..1\r
            [    0.101120]     ok 1 fadt # SKIP no FADT in this machine\r
            [    0.101130] ok 2 acpi # SKIP\r
            [    0.101140] reboot: Power down\r

            """)
        XCTAssertEqual(problems(report), [])
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.plan, 2)
        XCTAssertEqual(report.tests.map(name), ["memory", "acpi"])
        XCTAssertEqual(report.tests[0].subtests.map(name), ["frame_allocator", "page_tables"])
        XCTAssertEqual(report.tests[0].plan, 2)
        XCTAssertEqual(report.tests[1].result, .skip)
        let fadt = try XCTUnwrap(report.tests[1].subtests.first)
        XCTAssertEqual(fadt.result, .skip)
        XCTAssertEqual(String(decoding: fadt.skipReason, as: UTF8.self), "no FADT in this machine")
        XCTAssertTrue(report.tests[0].log.contains(Array("# memory: pass:2 fail:0 skip:0 total:2".utf8)))
    }

    func testFailuresAreReportedWithTheirPaths() throws {
        let report = parse("""
            KTAP version 1
            1..2
                KTAP version 1
                # Subtest: example
                1..2
                ok 1 example_simple_test
                # example_failing_test: EXPECTATION FAILED at example.swift:12
                Expected 1 == 2, but
                    1 == 1
                not ok 2 example_failing_test
            # example: pass:1 fail:1 skip:0 total:2
            not ok 1 example
                KTAP version 1
                # Subtest: other
                1..1
                ok 1 fine
            ok 2 other
            """)
        XCTAssertEqual(problems(report), ["example/example_failing_test: failed", "example: failed"])
        let failing = try XCTUnwrap(report.tests.first?.subtests.last)
        XCTAssertEqual(failing.log.map { String(decoding: $0, as: UTF8.self) }, [
            "# example_failing_test: EXPECTATION FAILED at example.swift:12", "Expected 1 == 2, but", "1 == 1",
        ])
    }

    func testNestedParameterisedResults() {
        let report = parse("""
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: suite
                1..2
                    KTAP version 1
                    # Subtest: params
                    1..3
                    ok 1 value 1
                    not ok 2 value 2
                    ok 3 value 3 # SKIP unsupported
                not ok 1 params
                ok 2 plain
            not ok 1 suite
            """)
        XCTAssertEqual(problems(report), ["suite/params/value 2: failed", "suite/params: failed", "suite: failed"])
        XCTAssertEqual(report.tests.first?.subtests.first?.subtests.map(\.result), [.pass, .fail, .skip])
    }

    func testCrashMidSuiteIsAFailure() {
        let report = parse("""
            [    0.5] KTAP version 1
            [    0.5] 1..2
            [    0.5]     KTAP version 1
            [    0.5]     # Subtest: scheduler
            [    0.5]     1..4
            [    0.5]     ok 1 create
            [    0.5]     ok 2 yield
            [    0.6] Kernel panic: page fault at 0x0
            """)
        XCTAssertEqual(problems(report), [
            ": planMismatch(planned: 2, found: 1)",
            "scheduler: planMismatch(planned: 4, found: 2)",
            "scheduler: missingResult",
        ])
        XCTAssertFalse(report.succeeded)
        XCTAssertTrue(report.tests.first?.log.contains(Array("Kernel panic: page fault at 0x0".utf8)) ?? false)
    }

    func testMissingPlansAndWrongNumbers() {
        let report = parse("""
            KTAP version 1
                KTAP version 1
                # Subtest: unplanned
                ok 1 a
                ok 3 b
            ok 1 unplanned
            """)
        XCTAssertEqual(problems(report), [
            ": missingPlan", "unplanned: missingPlan", "unplanned/b: wrongNumber(expected: 2, found: 3)",
        ])
    }

    func testRestartEndsTheDocument() {
        let report = parse("""
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: suite
                1..1
            KTAP version 1
            1..1
            ok 1 suite
            """)
        XCTAssertEqual(problems(report), ["suite: planMismatch(planned: 1, found: 0)", "suite: missingResult"])
    }

    func testNoKTAPAtAll() {
        XCTAssertEqual(problems(parse("")), [": noOutput"])
        XCTAssertEqual(problems(parse("SeaBIOS\nno kernel here\n")), [": noOutput"])
    }

    func testWriterOutputParsesBack() {
        var writer = KTAPWriter(sink: CapturingTextSink())
        writer.begin(plan: 2)
        writer.beginSubtest("first" as StaticString, plan: 2)
        writer.report(.pass, "a" as StaticString)
        writer.report(.fail, "b" as StaticString)
        writer.endSubtest("first" as StaticString)
        writer.beginSubtest("second" as StaticString, plan: 1)
        writer.skip("c" as StaticString, reason: "why not" as StaticString)
        writer.endSubtest("second" as StaticString)
        let report = KTAPParser.parse(writer.sink.bytes)
        XCTAssertEqual(problems(report), ["first/b: failed", "first: failed"])
        XCTAssertEqual(report.tests.map(\.result), [.fail, .skip])
    }
}
