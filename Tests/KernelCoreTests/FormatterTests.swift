// SPDX-License-Identifier: GPL-2.0-only
// Tests the allocation-free formatting helpers of TextSink and the LineBuffer sink.

import KernelCore
import XCTest

/// A `TextSink` that collects everything written, for comparing with expected text.
struct CapturingTextSink: TextSink {
    var bytes: [UInt8] = []

    mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

final class FormatterTests: XCTestCase {
    private func formatted(_ body: (inout CapturingTextSink) -> Void) -> String {
        var sink = CapturingTextSink()
        body(&sink)
        return sink.text
    }

    func testDecimal() {
        XCTAssertEqual(formatted { $0.writeDecimal(0) }, "0")
        XCTAssertEqual(formatted { $0.writeDecimal(7) }, "7")
        XCTAssertEqual(formatted { $0.writeDecimal(10) }, "10")
        XCTAssertEqual(formatted { $0.writeDecimal(1_234_567_890) }, "1234567890")
        XCTAssertEqual(formatted { $0.writeDecimal(-42) }, "-42")
        XCTAssertEqual(formatted { $0.writeDecimal(UInt64.max) }, "18446744073709551615")
        XCTAssertEqual(formatted { $0.writeDecimal(Int64.min) }, "-9223372036854775808")
        XCTAssertEqual(formatted { $0.writeDecimal(Int8.min) }, "-128")
        XCTAssertEqual(formatted { $0.writeDecimal(UInt8(255)) }, "255")
    }

    func testDecimalColumns() {
        XCTAssertEqual(formatted { $0.writeDecimal(42, width: 5) }, "   42")
        XCTAssertEqual(formatted { $0.writeDecimal(-42, width: 5) }, "  -42")
        XCTAssertEqual(formatted { $0.writeDecimal(42, width: 5, padding: 0x30) }, "00042")
        XCTAssertEqual(formatted { $0.writeDecimal(-42, width: 5, padding: 0x30) }, "-0042")
        XCTAssertEqual(formatted { $0.writeDecimal(123_456, width: 3) }, "123456", "never cut")
    }

    func testHex() {
        XCTAssertEqual(formatted { $0.writeHex(UInt8(0xAB)) }, "0xab")
        XCTAssertEqual(formatted { $0.writeHex(UInt64(0x1234)) }, "0x0000000000001234")
        XCTAssertEqual(formatted { $0.writeHex(UInt64(0xFFFF_FFFF_8000_0000)) }, "0xffffffff80000000")
        XCTAssertEqual(formatted { $0.writeHex(UInt32(0), digits: 0) }, "0x0")
        XCTAssertEqual(formatted { $0.writeHex(0x1234, digits: 1, prefix: false) }, "1234")
        XCTAssertEqual(formatted { $0.writeHex(UInt16(0xE), digits: 2) }, "0x0e")
        XCTAssertEqual(formatted { $0.writeHex(Int8(-1)) }, "0xff", "two's complement bit pattern")
        XCTAssertEqual(formatted { $0.writeHex(0x12345, digits: 2) }, "0x12345", "never cut")
    }

    func testTextAndColumns() {
        XCTAssertEqual(formatted { $0.write("héllo") }, "héllo")
        XCTAssertEqual(formatted { $0.write("ab", leftAlignedIn: 5); $0.write("|") }, "ab   |")
        XCTAssertEqual(formatted { $0.write("abcdef", leftAlignedIn: 3); $0.write("|") }, "abcdef|")
        XCTAssertEqual(formatted { $0.write(contentsOf: [0x78, 0x79], leftAlignedIn: 4); $0.write("|") }, "xy  |")
        XCTAssertEqual(formatted { $0.writeRepeated(0x2D, count: 3); $0.writeRepeated(0x2D, count: -1) }, "---")
        XCTAssertEqual(formatted { $0.write([UInt8]([0x61, 0x62])) }, "ab")
    }

    func testLineBufferTruncates() {
        var line = LineBuffer<4>()
        XCTAssertTrue(line.isEmpty)
        line.write("hello")
        XCTAssertEqual(Array(line), Array("hell".utf8))
        XCTAssertEqual(line.count, 4)
        XCTAssertTrue(line.isTruncated)
        line.removeAll()
        XCTAssertFalse(line.isTruncated)
        line.writeDecimal(-5)
        XCTAssertEqual(formatted { $0.write(line) }, "-5")
        XCTAssertFalse(line.isTruncated)
    }

    func testLogTimestamp() {
        XCTAssertEqual(formatted { $0.write(LogTimestamp(nanoseconds: 0)) }, "[    0.000000]")
        XCTAssertEqual(formatted { $0.write(LogTimestamp(nanoseconds: 1_500_000_000)) }, "[    1.500000]")
        XCTAssertEqual(formatted { $0.write(LogTimestamp(nanoseconds: 1_234_567_999)) }, "[    1.234567]",
                       "microseconds are truncated, like Linux")
        XCTAssertEqual(formatted { $0.write(LogTimestamp(nanoseconds: 99_999_000_001_000)) }, "[99999.000001]")
        XCTAssertEqual(formatted { $0.write(LogTimestamp(nanoseconds: UInt64.max)) }, "[18446744073.709551]",
                       "wider than the column")
    }
}
