// SPDX-License-Identifier: GPL-2.0-only
// Tests of the console text grid: characters, line ends, wrapping, scrolling, the cursor and dirty rows.

import KernelCore
import XCTest

final class TextTerminalTests: XCTestCase {
    /// A font without a Unicode table: glyph n shows code point n, so the grid reads back as text.
    private let font = try! PSFFont(PSFBuilder.psf1())

    private func terminal(columns: Int = 10, rows: Int = 3) -> TextTerminal {
        TextTerminal(font: font, columns: columns, rows: rows)
    }

    private func text(_ terminal: TextTerminal) -> [String] {
        (0..<terminal.grid.rows).map { row in
            String(decoding: (0..<terminal.grid.columns).map { UInt8(terminal.grid.glyph(row: row, column: $0)) },
                   as: UTF8.self)
        }
    }

    private func write(_ string: String, to terminal: inout TextTerminal) {
        for byte in string.utf8 { terminal.write(byte) }
    }

    private func takeAll(_ terminal: inout TextTerminal) -> [Int: Int?] {
        var buffer = [UInt16](repeating: 0, count: terminal.grid.columns)
        var taken: [Int: Int?] = [:]
        for row in 0..<terminal.grid.rows where terminal.grid.isDirty(row) {
            taken[row] = terminal.takeRow(row, into: &buffer)
        }
        return taken
    }

    func testLinesAndCursor() {
        var t = terminal()
        write("ab\ncd", to: &t)
        XCTAssertEqual(text(t), ["ab        ", "cd        ", "          "])
        XCTAssertEqual(t.grid.cursorRow, 1)
        XCTAssertEqual(t.grid.cursorColumn, 2)
        write("\rX\u{8}\u{8}Y\tZ", to: &t)
        XCTAssertEqual(text(t)[1], "Yd      Z ")
        XCTAssertEqual(t.grid.cursorColumn, 9)
    }

    func testWrapIsDeferredUntilTheNextCharacter() {
        var t = terminal(columns: 4, rows: 3)
        write("abcd", to: &t)
        XCTAssertEqual(t.grid.cursorRow, 0, "a full line does not wrap yet")
        XCTAssertEqual(t.grid.visibleCursorColumn, 3)
        write("\n", to: &t)
        XCTAssertEqual(t.grid.cursorRow, 1, "so a line end after it does not leave an empty line")
        write("efghi", to: &t)
        XCTAssertEqual(text(t), ["abcd", "efgh", "i   "])
    }

    func testScrolling() {
        var t = terminal(columns: 5, rows: 3)
        write("one\ntwo\nthree\nfour", to: &t)
        XCTAssertEqual(text(t), ["two  ", "three", "four "])
        XCTAssertEqual(t.grid.scrollCount, 1)
        XCTAssertEqual(t.grid.cursorRow, 2)
        for index in 0..<20 { write("\nline\(index % 10)", to: &t) }
        XCTAssertEqual(text(t), ["line7", "line8", "line9"])
        XCTAssertEqual(t.grid.scrollCount, 21)
    }

    func testDirtyRowsAndCursorReport() {
        var t = terminal(columns: 5, rows: 3)
        XCTAssertEqual(takeAll(&t).count, 3, "everything starts dirty")
        XCTAssertTrue(takeAll(&t).isEmpty)
        write("hi", to: &t)
        XCTAssertEqual(takeAll(&t), [0: 2])
        write("\n", to: &t)
        XCTAssertEqual(takeAll(&t), [0: nil, 1: 0], "the old and the new cursor row")
        write("\n\nx", to: &t)                     // scrolls: every row must be drawn again
        XCTAssertEqual(takeAll(&t).count, 3)
    }

    func testEscapeSequencesAndControlsAreConsumed() {
        var t = terminal()
        write("a\u{1B}[1;31mb\u{1B}[0mc\u{1B}7d\u{7}\u{0}e", to: &t)
        XCTAssertEqual(text(t)[0], "abcde     ")
    }

    func testUTF8UsesTheFontsTable() throws {
        var table = [[UInt16]](repeating: [], count: 256)
        for codePoint in 0x20...0x7E { table[codePoint] = [UInt16(codePoint)] }
        table[1] = [0x2192]                     // → is glyph 1
        table[2] = [0xFFFD]
        let mapped = try PSFFont(PSFBuilder.psf1(table: table))
        var t = TextTerminal(font: mapped, columns: 8, rows: 1)
        for byte in Array("a→é\u{E9}".utf8) + [0xE2, 0x86, 0x41] { t.write(byte) }
        let row = (0..<8).map { t.grid.glyph(row: 0, column: $0) }
        XCTAssertEqual(Array(row.prefix(6)), [0x61, 1, 2, 2, 2, 0x41],
                       "é is not in the font; a cut sequence shows the replacement, then the next character")
    }

    func testClear() {
        var t = terminal()
        write("abc\ndef", to: &t)
        var grid = t.grid
        grid.clear()
        XCTAssertEqual(grid.cursorRow, 0)
        XCTAssertEqual(grid.glyph(row: 1, column: 0), 0x20)
    }
}
