// SPDX-License-Identifier: GPL-2.0-only
// Turns the console's byte stream (UTF-8 text, line ends, backspace, escape sequences) into grid operations.

/// What a console byte stream does to a ``TextGrid``: UTF-8 is decoded and each character shown with the
/// font's glyph for it; `\n` starts a new line (as a terminal with `onlcr`), `\r` returns to column 0, `\b`
/// moves left, `\t` to the next tab stop; other control bytes and ANSI escape sequences (`ESC [ … final`,
/// `ESC X`) are consumed without effect.
public struct TextTerminal: TextSink {
    public private(set) var grid: TextGrid
    private let font: PSFFont

    private enum State { case text, escape, controlSequence }
    private var state = State.text
    /// The scalar being decoded and how many continuation bytes it still needs.
    private var scalar: UInt32 = 0
    private var pending = 0

    /// A terminal of `columns` × `rows` cells showing glyphs of `font`.
    public init(font: PSFFont, columns: Int, rows: Int) {
        self.font = font
        grid = TextGrid(columns: columns, rows: rows, blank: font.glyph(for: 0x20))
    }

    public mutating func write(_ byte: UInt8) {
        switch state {
        case .escape:
            state = byte == 0x5B ? .controlSequence : .text         // "[" starts a control sequence
            return
        case .controlSequence:
            if (0x40...0x7E).contains(byte) { state = .text }        // the final byte
            return
        case .text:
            break
        }
        if pending > 0 {
            if byte & 0xC0 == 0x80 {
                scalar = scalar << 6 | UInt32(byte & 0x3F)
                pending -= 1
                if pending == 0 { grid.put(font.glyph(for: scalar)) }
                return
            }
            pending = 0                                          // a truncated sequence: show that, then go on
            grid.put(font.replacementGlyph)
        }
        switch byte {
        case 0x0A: grid.newLine()
        case 0x0D: grid.carriageReturn()
        case 0x08: grid.backspace()
        case 0x09: grid.tab()
        case 0x1B: state = .escape
        case 0x20...0x7E: grid.put(font.glyph(for: UInt32(byte)))
        case 0xC2...0xDF: scalar = UInt32(byte & 0x1F); pending = 1
        case 0xE0...0xEF: scalar = UInt32(byte & 0x0F); pending = 2
        case 0xF0...0xF4: scalar = UInt32(byte & 0x07); pending = 3
        case 0x80...0xFF: grid.put(font.replacementGlyph)
        default: break                                           // other control bytes
        }
    }

    /// Copies row `row` into `buffer` and clears its dirty mark; the cursor's column if it is on that row.
    public mutating func takeRow(_ row: Int, into buffer: inout [UInt16]) -> Int? {
        grid.takeRow(row, into: &buffer)
    }

    /// Marks every row for drawing.
    public mutating func markAllDirty() { grid.markAllDirty() }
}
