// SPDX-License-Identifier: GPL-2.0-only
// Parses KTAP test output from a serial log into a result tree and a list of problems, for the host harness.

/// One test found in KTAP output, with its subtests.
public struct KTAPTest {
    /// The number on the result line (`ok 3 name` → 3); 0 if the result line is missing.
    public var number: Int
    /// The name from the result line, or from `# Subtest:` if the result line is missing.
    public var name: [UInt8]
    /// The result; `fail` if the result line is missing (the kernel stopped inside the test).
    public var result: KTAPResult
    /// The text after `# SKIP` for a skipped test.
    public var skipReason: [UInt8]
    /// The plan of the subtests (`1..N` → N), `nil` if there are no subtests or no plan line.
    public var plan: Int?
    /// The subtests, in output order.
    public var subtests: [KTAPTest]
    /// Diagnostic and unrecognised lines printed for this test, indentation removed.
    public var log: [[UInt8]]
    /// Whether the result line was found.
    public var isComplete: Bool
    /// Whether the test had a nested block (a version, `# Subtest:` or plan line).
    public var hasSubtestBlock: Bool
}

/// Something wrong with a test run, found by ``KTAPParser``.
public struct KTAPProblem {
    /// What is wrong.
    public enum Kind: Equatable {
        /// No `KTAP version 1` (or `TAP version N`) line at all.
        case noOutput
        /// The test reported `not ok`.
        case failed
        /// The test's result line never came: the kernel crashed or hung inside it.
        case missingResult
        /// A block of results had no `1..N` plan line.
        case missingPlan
        /// The plan announced `planned` results but `found` came.
        case planMismatch(planned: Int, found: Int)
        /// A result line carried `found` where `expected` was due.
        case wrongNumber(expected: Int, found: Int)
    }

    /// The names from the top level down to the test concerned (suite, case, …); empty for the
    /// top-level document itself.
    public var path: [[UInt8]]
    /// What is wrong.
    public var kind: Kind
}

/// The outcome of parsing a log: the test tree and every problem in it.
public struct KTAPReport {
    /// The top-level plan, `nil` if missing.
    public var plan: Int?
    /// The top-level tests (KUnit suites), in output order.
    public var tests: [KTAPTest]
    /// Every failure and every structural problem, in output order.
    public var problems: [KTAPProblem]

    /// Whether every test passed or was skipped and every plan was complete.
    public var succeeded: Bool { problems.isEmpty }
}

/// Reads KTAP version 1 from a kernel's serial log, as Linux's `kunit.py` does.
///
/// The output starts at the first `KTAP version 1` (or `TAP version 13/14`) line; whatever
/// precedes it on that line (a timestamp such as `[    0.123456] `) is taken as a prefix and the
/// same number of bytes is removed from every following line. Nesting is recognised by
/// indentation: a version, `# Subtest:`, plan or result line indented deeper than the current
/// results opens a subtest block, whose own result line follows it at the outer indentation.
/// Other lines are kept as the log of the test whose result line comes next. A second
/// top-level version line (the kernel restarted) ends the document.
public enum KTAPParser {
    /// Parses `log` (bytes as received, `\n` or `\r\n` line ends).
    public static func parse(_ log: [UInt8]) -> KTAPReport {
        guard let lines = ktapLines(log) else {
            return KTAPReport(plan: nil, tests: [], problems: [KTAPProblem(path: [], kind: .noOutput)])
        }
        var parser = Parser(lines: lines)
        let top = parser.block(indent: 0)
        var problems: [KTAPProblem] = []
        checkPlan(top.plan, top.children, path: [], into: &problems)
        for test in top.children {
            collectProblems(test, path: [], into: &problems)
        }
        return KTAPReport(plan: top.plan, tests: top.children, problems: problems)
    }

    fileprivate struct Line {
        var indent: Int
        var text: ArraySlice<UInt8>
    }

    fileprivate enum Kind {
        case version
        case plan(Int)
        case subtestHeader(ArraySlice<UInt8>)
        case result(KTAPResult, number: Int, name: ArraySlice<UInt8>, skipReason: ArraySlice<UInt8>)
        case other
    }

    fileprivate struct Block {
        var name: [UInt8] = []
        var plan: Int?
        var children: [KTAPTest] = []
        var log: [[UInt8]] = []
        var hasHeader = false
    }

    private struct Parser {
        let lines: [Line]
        var index = 0

        init(lines: [Line]) {
            self.lines = lines
        }

        /// Parses the block whose lines are indented by `indent`, up to the first result or
        /// version line indented less (left for the caller), or the end.
        mutating func block(indent: Int) -> Block {
            var block = Block()
            var pending: Block?
            while index < lines.count {
                let line = lines[index]
                let kind = KTAPParser.classify(line.text)
                let structural: Bool
                switch kind {
                case .other: structural = false
                default: structural = true
                }
                if structural && line.indent > indent {
                    flushIncomplete(&pending, into: &block)
                    pending = self.block(indent: line.indent)
                    continue
                }
                if line.indent < indent {
                    switch kind {
                    case .version, .result: return finish(block, pending: &pending)
                    default: break
                    }
                }
                index += 1
                let atStart = block.children.isEmpty && pending == nil
                switch kind {
                case .version where line.indent == indent && atStart && block.plan == nil:
                    block.hasHeader = true
                case .version where line.indent <= indent:
                    return finish(block, pending: &pending)  // the kernel started over
                case .subtestHeader(let name) where line.indent == indent && atStart:
                    block.name = Array(name)
                    block.hasHeader = true
                case .plan(let count) where line.indent == indent && atStart && block.plan == nil:
                    block.plan = count
                    block.hasHeader = true
                case .result(let result, let number, let name, let skipReason) where line.indent == indent:
                    let nested = pending ?? Block()
                    block.children.append(KTAPTest(
                        number: number, name: Array(name), result: result, skipReason: Array(skipReason),
                        plan: nested.plan, subtests: nested.children, log: block.log + nested.log,
                        isComplete: true, hasSubtestBlock: pending?.hasHeader ?? false))
                    block.log = []
                    pending = nil
                default:
                    if pending != nil {
                        pending?.log.append(Array(line.text))
                    } else {
                        block.log.append(Array(line.text))
                    }
                }
            }
            return finish(block, pending: &pending)
        }

        private func finish(_ block: Block, pending: inout Block?) -> Block {
            var block = block
            flushIncomplete(&pending, into: &block)
            return block
        }

        /// Records a subtest block that never got its result line.
        private func flushIncomplete(_ pending: inout Block?, into block: inout Block) {
            guard let nested = pending else { return }
            block.children.append(KTAPTest(
                number: 0, name: nested.name, result: .fail, skipReason: [], plan: nested.plan,
                subtests: nested.children, log: block.log + nested.log, isComplete: false,
                hasSubtestBlock: nested.hasHeader))
            block.log = []
            pending = nil
        }
    }

    private static func collectProblems(_ test: KTAPTest, path: [[UInt8]], into problems: inout [KTAPProblem]) {
        let path = path + [test.name]
        if test.hasSubtestBlock || !test.subtests.isEmpty {
            checkPlan(test.plan, test.subtests, path: path, into: &problems)
        }
        for subtest in test.subtests {
            collectProblems(subtest, path: path, into: &problems)
        }
        if !test.isComplete {
            problems.append(KTAPProblem(path: path, kind: .missingResult))
        } else if test.result == .fail {
            problems.append(KTAPProblem(path: path, kind: .failed))
        }
    }

    private static func checkPlan(_ plan: Int?, _ tests: [KTAPTest], path: [[UInt8]], into problems: inout [KTAPProblem]) {
        if let plan {
            if plan != tests.count {
                problems.append(KTAPProblem(path: path, kind: .planMismatch(planned: plan, found: tests.count)))
            }
        } else {
            problems.append(KTAPProblem(path: path, kind: .missingPlan))
        }
        for (position, test) in tests.enumerated() where test.isComplete && test.number != position + 1 {
            problems.append(KTAPProblem(
                path: path + [test.name], kind: .wrongNumber(expected: position + 1, found: test.number)))
        }
    }

    /// The lines from the first version line on, prefix and line ends removed; `nil` if none.
    private static func ktapLines(_ log: [UInt8]) -> [Line]? {
        var lines: [Line] = []
        var prefix: Int?
        var start = 0
        while start < log.count {
            var end = start
            while end < log.count && log[end] != 0x0A { end += 1 }
            var text = log[start..<end]
            start = end + 1
            if text.last == 0x0D { text = text.dropLast() }
            if prefix == nil {
                guard let offset = versionOffset(text) else { continue }
                prefix = offset - text.startIndex
            }
            text = text.dropFirst(prefix ?? 0)
            var indent = 0
            while let first = text.first, first == 0x20 || first == 0x09 {
                indent += first == 0x09 ? 4 : 1
                text = text.dropFirst()
            }
            while text.last == 0x20 { text = text.dropLast() }
            lines.append(Line(indent: indent, text: text))
        }
        return prefix == nil ? nil : lines
    }

    /// Where `KTAP version ` or `TAP version ` starts in `text`.
    private static func versionOffset(_ text: ArraySlice<UInt8>) -> Int? {
        guard let tap = find("TAP version ", in: text) else { return nil }
        return tap > text.startIndex && text[tap - 1] == 0x4B ? tap - 1 : tap  // "K"
    }

    fileprivate static func classify(_ text: ArraySlice<UInt8>) -> Kind {
        if starts(text, with: "KTAP version ") || starts(text, with: "TAP version ") {
            return .version
        }
        if starts(text, with: "1..") {
            var rest = text.dropFirst(3)
            guard let count = number(&rest), rest.isEmpty || starts(rest, with: " #") else { return .other }
            return .plan(count)
        }
        if starts(text, with: "# Subtest: ") {
            return .subtestHeader(text.dropFirst(11))
        }
        let passed = starts(text, with: "ok ")
        guard passed || starts(text, with: "not ok ") else { return .other }
        var rest = text.dropFirst(passed ? 3 : 7)
        guard let number = number(&rest), rest.isEmpty || rest.first == 0x20 else { return .other }
        var name = rest
        var skipReason = rest[rest.endIndex...]
        var result: KTAPResult = passed ? .pass : .fail
        if let hash = find(" #", in: rest) {
            name = rest[..<hash]
            var directive = rest[(hash + 2)...]
            while directive.first == 0x20 { directive = directive.dropFirst() }
            if startsCaseInsensitive(directive, with: "skip") {
                result = .skip
                skipReason = directive.dropFirst(4)
                while skipReason.first == 0x20 { skipReason = skipReason.dropFirst() }
            }
        }
        while name.first == 0x20 { name = name.dropFirst() }
        if starts(name, with: "- ") { name = name.dropFirst(2) }
        return .result(result, number: number, name: name, skipReason: skipReason)
    }

    /// Reads up to 9 decimal digits from the front of `text`.
    private static func number(_ text: inout ArraySlice<UInt8>) -> Int? {
        var value = 0
        var digits = 0
        while let digit = text.first, digit >= 0x30 && digit <= 0x39 && digits < 9 {
            value = value * 10 + Int(digit - 0x30)
            digits += 1
            text = text.dropFirst()
        }
        return digits > 0 ? value : nil
    }

    private static func starts(_ text: ArraySlice<UInt8>, with literal: StaticString) -> Bool {
        var matches = text.count >= literal.utf8CodeUnitCount
        var position = text.startIndex
        literal.withUTF8Buffer { buffer in
            for unsafe byte in unsafe buffer where matches {
                matches = text[position] == byte
                position += 1
            }
        }
        return matches
    }

    private static func startsCaseInsensitive(_ text: ArraySlice<UInt8>, with lowercase: StaticString) -> Bool {
        var lowered = text.prefix(lowercase.utf8CodeUnitCount)
        for position in lowered.indices where lowered[position] >= 0x41 && lowered[position] <= 0x5A {
            lowered[position] += 0x20
        }
        return starts(lowered, with: lowercase)
    }

    /// The index where `literal` first occurs in `text`.
    private static func find(_ literal: StaticString, in text: ArraySlice<UInt8>) -> Int? {
        var position = text.startIndex
        while position + literal.utf8CodeUnitCount <= text.endIndex {
            if starts(text[position...], with: literal) { return position }
            position += 1
        }
        return nil
    }
}
