// SPDX-License-Identifier: GPL-2.0-only
// The in-kernel test runner: `ktest=SUITE,…` (or `ktest=all`) runs suites and prints KTAP on the console.
import KernelCore

/// One test: a name and a body that records what it checked in a `TestContext`.
struct KernelTestCase {
    let name: StaticString
    let run: (inout TestContext) -> Void
}

struct KernelTestSuite {
    let name: StaticString
    let cases: [KernelTestCase]
}

/// What a running test reports: failed expectations become KTAP diagnostics and a `not ok`.
struct TestContext {
    fileprivate var writer: KTAPWriter<ConsoleSink>
    fileprivate(set) var failed = false
    fileprivate(set) var skipReason: StaticString?

    /// Records a failure with `message` unless `condition` holds; returns `condition`.
    @discardableResult
    mutating func expect(_ condition: Bool, _ message: StaticString) -> Bool {
        if !condition {
            failed = true
            writer.diagnostic { $0.write("EXPECTATION FAILED: "); $0.write(message) }
        }
        return condition
    }

    /// Records a failure and a diagnostic composed by `detail` unless `condition` holds.
    @discardableResult
    mutating func expect(_ condition: Bool, _ detail: (inout ConsoleSink) -> Void) -> Bool {
        if !condition {
            failed = true
            writer.diagnostic { out in
                out.write("EXPECTATION FAILED: ")
                detail(&out)
            }
        }
        return condition
    }

    /// Prints a diagnostic line (`# …`) without failing.
    mutating func note(_ detail: (inout ConsoleSink) -> Void) {
        writer.diagnostic(detail)
    }

    /// Marks the test skipped (it still ends normally).
    mutating func skip(_ reason: StaticString) { skipReason = reason }
}

enum KernelTests {
    static var suites: [KernelTestSuite] {
        [MemoryTests.suite, BootTests.suite, ACPITests.suite, PCITests.suite, IRQTests.suite, SchedulerTests.suite,
         SMPTests.suite, KPISchedTests.suite]
    }

    /// Runs the suites named in `names` (`all` runs every suite) in the order given.
    static func run(_ names: [[UInt8]]) {
        var selected: [KernelTestSuite] = []
        var unknown: [[UInt8]] = []
        for name in names {
            if unsafe name.elementsEqual(StaticString("all").bytes) {
                selected += suites
            } else if let suite = suites.first(where: { unsafe name.elementsEqual($0.name.bytes) }) {
                selected.append(suite)
            } else {
                unknown.append(name)
            }
        }
        var writer = KTAPWriter(sink: ConsoleSink())
        writer.begin(plan: selected.count + unknown.count)
        for suite in selected {
            writer.beginSubtest(suite.name, plan: suite.cases.count)
            for test in suite.cases {
                var context = TestContext(writer: writer)
                test.run(&context)
                writer = context.writer
                if let reason = context.skipReason, !context.failed {
                    writer.skip(test.name, reason: reason)
                } else {
                    writer.report(context.failed ? .fail : .pass, test.name)
                }
            }
            writer.endSubtest(suite.name)
        }
        for name in unknown {
            writer.diagnostic { $0.write("unknown test suite: "); $0.write(contentsOf: name) }
            writer.report(.fail, name)
        }
    }
}
