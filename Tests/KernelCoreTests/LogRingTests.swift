// SPDX-License-Identifier: GPL-2.0-only
// Tests the kernel log ring: ordering, wrap-around, lost records, dmesg formatting and console levels.

import KernelCore
import XCTest

final class LogRingTests: XCTestCase {
    /// Every stored record as (sequence, level, timestamp, text).
    private func records<let capacity: Int>(_ ring: LogRing<capacity>) -> [(UInt64, LogLevel, UInt64, String)] {
        var result: [(UInt64, LogLevel, UInt64, String)] = []
        ring.forEach { record in
            var sink = CapturingTextSink()
            ring.writeText(of: record, to: &sink)
            XCTAssertEqual(sink.bytes.count, record.textLength)
            result.append((record.sequence, record.level, record.timestamp, sink.text))
        }
        return result
    }

    func testAppendsInOrder() {
        var ring = LogRing<256>()
        XCTAssertEqual(ring.count, 0)
        XCTAssertTrue(records(ring).isEmpty)
        XCTAssertEqual(ring.append(level: .info, timestamp: 5, text: Array("first".utf8)), 0)
        XCTAssertEqual(ring.append(level: .error, timestamp: 1 << 40, text: Array("second".utf8)), 1)
        XCTAssertEqual(ring.append(level: .debug, timestamp: UInt64.max, text: [UInt8]()), 2)
        let stored = records(ring)
        XCTAssertEqual(stored.map(\.0), [0, 1, 2])
        XCTAssertEqual(stored.map(\.1), [.info, .error, .debug])
        XCTAssertEqual(stored.map(\.2), [5, 1 << 40, UInt64.max])
        XCTAssertEqual(stored.map(\.3), ["first", "second", ""])
        XCTAssertEqual(ring.count, 3)
    }

    func testWrapAroundOverwritesOldest() {
        // 11-byte header + 10 bytes of text = 21 bytes a record; 64 bytes hold 3 records.
        var ring = LogRing<64>()
        for index in 0..<10 {
            var line = LineBuffer<10>()
            line.write("record ")
            line.writeDecimal(index, width: 3, padding: 0x30)
            ring.append(level: .notice, timestamp: UInt64(index), text: line)
            XCTAssertEqual(ring.nextSequence, UInt64(index + 1))
            XCTAssertLessThanOrEqual(ring.count, 3)
        }
        XCTAssertEqual(ring.firstSequence, 7)
        XCTAssertEqual(records(ring).map(\.3), ["record 007", "record 008", "record 009"])
        XCTAssertEqual(records(ring).map(\.2), [7, 8, 9], "timestamps survive being split by the wrap")
    }

    func testVariableSizesAcrossManyWraps() {
        var ring = LogRing<100>()
        var expected: [String] = []
        var random = SplitMix64(state: 7)
        for index in 0..<2_000 {
            let text = String(repeating: Character(UnicodeScalar(UInt8(0x61 + index % 26))), count: random.below(41))
            ring.append(level: LogLevel(rawValue: UInt8(index % 8))!, timestamp: UInt64(index) * 1_000, text: Array(text.utf8))
            expected.append(text)
            let stored = records(ring)
            // The newest records are kept, in order, as many as fit in 100 bytes.
            XCTAssertEqual(stored.map(\.3), Array(expected.suffix(stored.count)))
            XCTAssertEqual(stored.last?.0, UInt64(index))
            let used = stored.reduce(0) { $0 + 11 + $1.3.utf8.count }
            XCTAssertLessThanOrEqual(used, 100)
            if let firstLost = expected.dropLast(stored.count).last {
                XCTAssertGreaterThan(used + 11 + firstLost.utf8.count, 100, "a record was dropped needlessly")
            }
        }
    }

    func testRecordsThatExactlyFillTheRingAreAllKept() {
        // 3 records of 11 + 11 bytes fill 66 bytes exactly.
        var ring = LogRing<66>()
        for text in ["first_line1", "second_line", "third_line3"] {
            ring.append(level: .info, timestamp: 1, text: Array(text.utf8))
        }
        XCTAssertEqual(records(ring).map(\.3), ["first_line1", "second_line", "third_line3"])
        ring.append(level: .info, timestamp: 2, text: Array("x".utf8))
        XCTAssertEqual(records(ring).map(\.3), ["second_line", "third_line3", "x"], "one record dropped, not two")
    }

    func testLongTextIsTruncated() {
        var ring = LogRing<32>()
        XCTAssertEqual(ring.maximumTextLength, 21)
        ring.append(level: .warning, timestamp: 0, text: Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8))
        XCTAssertEqual(records(ring).map(\.3), ["0123456789abcdefghijk"])
    }

    func testCursorThatFellBehindSkipsToOldest() {
        var ring = LogRing<64>()
        ring.append(level: .info, timestamp: 0, text: Array("a".utf8))
        var cursor = ring.oldest
        XCTAssertEqual(ring.next(&cursor)?.sequence, 0)
        XCTAssertNil(ring.next(&cursor), "everything read")
        for _ in 0..<20 {
            ring.append(level: .info, timestamp: 0, text: Array("0123456789".utf8))
        }
        let record = ring.next(&cursor)
        XCTAssertEqual(record?.sequence, ring.firstSequence, "jumped past the overwritten records")
        XCTAssertGreaterThan(ring.firstSequence, 1)
    }

    func testTextOfOverwrittenRecordIsNotWritten() {
        var ring = LogRing<32>()
        ring.append(level: .info, timestamp: 0, text: Array("old".utf8))
        var cursor = ring.oldest
        let old = ring.next(&cursor)!
        ring.append(level: .info, timestamp: 0, text: Array("0123456789abcdefghij".utf8))
        var sink = CapturingTextSink()
        ring.writeText(of: old, to: &sink)
        XCTAssertEqual(sink.bytes, [])
    }

    func testFormatsLikeDmesg() {
        var ring = LogRing<256>()
        ring.append(level: .info, timestamp: 0, text: Array("Linux version 6.1".utf8))
        ring.append(level: .info, timestamp: 1_500_000_000, text: Array("half".utf8))
        ring.append(level: .error, timestamp: 123_456_789_012_345, text: Array("late".utf8))
        var sink = CapturingTextSink()
        ring.forEach { record in
            ring.format(record, to: &sink)
            sink.write(0x0A)
        }
        XCTAssertEqual(sink.text, """
            [    0.000000] Linux version 6.1
            [    1.500000] half
            [123456.789012] late

            """)
    }

    func testConsoleLogLevel() {
        XCTAssertTrue(ConsoleLogLevel.default.echoes(.info))
        XCTAssertFalse(ConsoleLogLevel.default.echoes(.debug))
        XCTAssertTrue(ConsoleLogLevel.quiet.echoes(.error))
        XCTAssertFalse(ConsoleLogLevel.quiet.echoes(.warning))
        XCTAssertFalse(ConsoleLogLevel(threshold: 0).echoes(.emergency))
        XCTAssertTrue(ConsoleLogLevel(threshold: 8).echoes(.debug))
    }
}
