// SPDX-License-Identifier: GPL-2.0-only
// Writes test results in KTAP version 1, line for line as Linux's KUnit prints them.

/// The outcome of one test in KTAP.
public enum KTAPResult {
    /// `ok N name`.
    case pass
    /// `not ok N name`.
    case fail
    /// `ok N name # SKIP reason`.
    case skip
}

/// Emits KTAP version 1 (Documentation/dev-tools/ktap.rst) into a ``TextSink``, as KUnit does:
///
///     KTAP version 1
///     1..1
///         KTAP version 1
///         # Subtest: example
///         1..2
///         ok 1 example_simple_test
///         ok 2 example_skip_test # SKIP this test should be skipped
///     # example: pass:1 fail:0 skip:1 total:2
///     # Totals: pass:1 fail:0 skip:1 total:2
///     ok 1 example
///
/// Subtests are indented by 4 spaces a level; results are numbered from 1 at every level; a
/// subtest's own result is computed from its children like KUnit's (failed if any child failed,
/// else passed if any passed, else skipped) and, when it has more than one child, preceded by
/// KUnit's statistics line (and for a suite, a top-level subtest, the `# Totals:` line counting
/// the tests without subtests below it). Unlike KUnit's parameterised tests, every subtest
/// announces a plan. Nesting is limited to ``maximumDepth`` levels below the top.
public struct KTAPWriter<Sink: TextSink> {
    /// The deepest nesting of subtests the writer tracks.
    public static var maximumDepth: Int { 8 }

    private struct Level {
        var number = 0
        var passed = 0
        var failed = 0
        var skipped = 0
        /// Results of tests without subtests at or below this level (KUnit's "Totals").
        var leafPassed = 0
        var leafFailed = 0
        var leafSkipped = 0
    }

    /// Where the output goes.
    public var sink: Sink

    /// Level 0 is the top; levels 1…maximumDepth are open subtests.
    private var levels: InlineArray<9, Level>
    private var depth = 0

    /// A writer that emits into `sink`; start with ``begin(plan:)``.
    public init(sink: Sink) {
        self.sink = sink
        levels = InlineArray(repeating: Level())
    }

    /// Writes the top-level header: `KTAP version 1` and the plan `1..plan`.
    public mutating func begin(plan: Int) {
        sink.write("KTAP version 1\n1..")
        sink.writeDecimal(plan)
        sink.write("\n")
    }

    /// Opens a subtest (a KUnit suite, or a parameterised case) that will report `plan` results.
    public mutating func beginSubtest<Name: TextStreamable>(_ name: Name, plan: Int) {
        precondition(depth < KTAPWriter.maximumDepth, "KTAP subtests nested too deeply")
        depth += 1
        levels[depth] = Level()
        indent()
        sink.write("KTAP version 1\n")
        indent()
        sink.write("# Subtest: ")
        sink.write(name)
        sink.write("\n")
        indent()
        sink.write("1..")
        sink.writeDecimal(plan)
        sink.write("\n")
    }

    /// Closes the innermost subtest and writes its statistics and result line; returns the result.
    @discardableResult
    public mutating func endSubtest<Name: TextStreamable>(_ name: Name) -> KTAPResult {
        precondition(depth > 0, "KTAP endSubtest without beginSubtest")
        let inner = levels[depth]
        depth -= 1
        let total = inner.passed + inner.failed + inner.skipped
        if total > 1 {
            statistics(name, passed: inner.passed, failed: inner.failed, skipped: inner.skipped)
            if depth == 0 {
                let totals: StaticString = "Totals"
                statistics(totals, passed: inner.leafPassed, failed: inner.leafFailed, skipped: inner.leafSkipped)
            }
        }
        let result: KTAPResult = inner.failed > 0 ? .fail : inner.passed > 0 ? .pass : .skip
        resultLine(result, name: name)
        if result == .skip { sink.write(" # SKIP") }
        sink.write("\n")
        levels[depth].leafPassed += inner.leafPassed
        levels[depth].leafFailed += inner.leafFailed
        levels[depth].leafSkipped += inner.leafSkipped
        return result
    }

    /// Reports a test without subtests: `ok N name`, `not ok N name`, or `ok N name # SKIP`.
    public mutating func report<Name: TextStreamable>(_ result: KTAPResult, _ name: Name) {
        leafLine(result, name: name)
        if result == .skip { sink.write(" # SKIP") }
        sink.write("\n")
    }

    /// Reports a test without subtests as skipped for a reason: `ok N name # SKIP reason`.
    public mutating func skip<Name: TextStreamable, Reason: TextStreamable>(_ name: Name, reason: Reason) {
        leafLine(.skip, name: name)
        sink.write(" # SKIP ")
        sink.write(reason)
        sink.write("\n")
    }

    /// Writes a diagnostic line, `# text`, at the current indentation.
    public mutating func diagnostic<Text: TextStreamable>(_ text: Text) {
        diagnostic { sink in sink.write(text) }
    }

    /// Writes a diagnostic line whose text `body` composes directly into the sink.
    public mutating func diagnostic(_ body: (inout Sink) -> Void) {
        indent()
        sink.write("# ")
        body(&sink)
        sink.write("\n")
    }

    private mutating func leafLine<Name: TextStreamable>(_ result: KTAPResult, name: Name) {
        switch result {
        case .pass: levels[depth].leafPassed += 1
        case .fail: levels[depth].leafFailed += 1
        case .skip: levels[depth].leafSkipped += 1
        }
        resultLine(result, name: name)
    }

    /// Counts a result at the current level and writes `ok N name` (without directive or line end).
    private mutating func resultLine<Name: TextStreamable>(_ result: KTAPResult, name: Name) {
        levels[depth].number += 1
        switch result {
        case .pass: levels[depth].passed += 1
        case .fail: levels[depth].failed += 1
        case .skip: levels[depth].skipped += 1
        }
        indent()
        sink.write(result == .fail ? "not ok " : "ok ")
        sink.writeDecimal(levels[depth].number)
        sink.write(" ")
        sink.write(name)
    }

    private mutating func statistics<Name: TextStreamable>(_ name: Name, passed: Int, failed: Int, skipped: Int) {
        diagnostic { sink in
            sink.write(name)
            sink.write(": pass:")
            sink.writeDecimal(passed)
            sink.write(" fail:")
            sink.writeDecimal(failed)
            sink.write(" skip:")
            sink.writeDecimal(skipped)
            sink.write(" total:")
            sink.writeDecimal(passed + failed + skipped)
        }
    }

    private mutating func indent() {
        sink.writeRepeated(0x20, count: depth * 4)
    }
}
