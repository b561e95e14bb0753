// SPDX-License-Identifier: GPL-2.0-only
// The text on a console screen: a grid of glyphs, the cursor, scrolling, and which rows need drawing again.

/// A `columns` × `rows` grid of glyph numbers with a cursor. Scrolling moves a ring index (no copying); rows
/// whose look changed (text or cursor) are marked dirty until the renderer takes them.
public struct TextGrid {
    public let columns: Int
    public let rows: Int
    /// The glyph a cleared cell shows.
    public let blank: UInt16
    /// Cells in ring order: screen row r is ring row (top + r) % rows.
    private var cells: [UInt16]
    private var top = 0
    private var dirty: [Bool]
    /// The cursor; `cursorColumn == columns` means "after the last column": the next character wraps first.
    public private(set) var cursorRow = 0
    public private(set) var cursorColumn = 0
    /// How many times the grid scrolled (for tests and statistics).
    public private(set) var scrollCount = 0

    /// A cleared grid; every row starts dirty. Sizes below 1 become 1.
    public init(columns: Int, rows: Int, blank: UInt16) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        self.blank = blank
        cells = [UInt16](repeating: blank, count: self.columns * self.rows)
        dirty = [Bool](repeating: true, count: self.rows)
    }

    /// The glyph at screen position (`row`, `column`).
    public func glyph(row: Int, column: Int) -> UInt16 {
        cells[ringRow(row) * columns + column]
    }

    /// The column the cursor is drawn in (the last one while a wrap is pending).
    public var visibleCursorColumn: Int { min(cursorColumn, columns - 1) }

    private func ringRow(_ row: Int) -> Int { (top + row) % rows }

    /// Writes `glyph` at the cursor and advances it, wrapping to the next line first when it is past the end.
    public mutating func put(_ glyph: UInt16) {
        if cursorColumn >= columns { newLine() }
        cells[ringRow(cursorRow) * columns + cursorColumn] = glyph
        dirty[cursorRow] = true
        cursorColumn += 1
    }

    /// Moves to the start of the next line, scrolling when on the last one.
    public mutating func newLine() {
        dirty[cursorRow] = true
        cursorColumn = 0
        if cursorRow + 1 < rows {
            cursorRow += 1
        } else {
            scrollUp()
        }
        dirty[cursorRow] = true
    }

    /// Moves to column 0.
    public mutating func carriageReturn() {
        moveCursor(column: 0)
    }

    /// Moves one column left (not past column 0; a pending wrap is cancelled to the last column).
    public mutating func backspace() {
        moveCursor(column: max(0, min(cursorColumn, columns) - 1))
    }

    /// Moves to the next multiple of 8 (at most the last column).
    public mutating func tab() {
        guard cursorColumn < columns else { return }
        moveCursor(column: min((cursorColumn / 8 + 1) * 8, columns - 1))
    }

    /// Clears everything and puts the cursor home.
    public mutating func clear() {
        for index in cells.indices { cells[index] = blank }
        top = 0
        cursorRow = 0
        cursorColumn = 0
        markAllDirty()
    }

    private mutating func moveCursor(column: Int) {
        cursorColumn = column
        dirty[cursorRow] = true
    }

    private mutating func scrollUp() {
        let freed = top
        top = (top + 1) % rows
        for column in 0..<columns { cells[freed * columns + column] = blank }
        scrollCount += 1
        markAllDirty()
    }

    /// Whether screen row `row` changed since it was last taken.
    public func isDirty(_ row: Int) -> Bool { dirty[row] }

    /// Marks every row for drawing (after the screen was cleared, or scrolled).
    public mutating func markAllDirty() {
        for row in 0..<rows { dirty[row] = true }
    }

    /// Copies screen row `row` into `buffer` (which must hold `columns` glyphs) and clears its dirty mark;
    /// returns the cursor's column if the cursor is on that row.
    public mutating func takeRow(_ row: Int, into buffer: inout [UInt16]) -> Int? {
        let base = ringRow(row) * columns
        for column in 0..<columns { buffer[column] = cells[base + column] }
        dirty[row] = false
        return row == cursorRow ? visibleCursorColumn : nil
    }
}
