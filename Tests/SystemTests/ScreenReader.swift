// SPDX-License-Identifier: GPL-2.0-only
// Reads text back from a QEMU screendump (PPM) by matching each character cell against glyphs rendered on
// the host with the kernel's own font reader and renderer (KernelCore), from the same font file.

import Foundation
import KernelCore

/// A screendump: `width` × `height` RGB pixels.
struct Screenshot {
    let width: Int
    let height: Int
    /// Red, green, blue per pixel, row after row.
    let pixels: [UInt8]

    /// Parses a binary PPM (`P6`, maximum value 255), as QEMU's `screendump` writes it.
    init(ppm data: Data) throws {
        let bytes = [UInt8](data)
        var position = 0
        func token() throws -> String {
            while position < bytes.count, bytes[position] == 0x23 || (bytes[position] as UInt8).isWhitespace {
                if bytes[position] == 0x23 { while position < bytes.count, bytes[position] != 0x0A { position += 1 } }
                else { position += 1 }
            }
            let start = position
            while position < bytes.count, !bytes[position].isWhitespace { position += 1 }
            guard position > start else { throw QEMUError(description: "screendump: PPM header truncated") }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        guard try token() == "P6" else { throw QEMUError(description: "screendump: not a binary PPM") }
        guard let width = Int(try token()), let height = Int(try token()), try token() == "255" else {
            throw QEMUError(description: "screendump: unexpected PPM header")
        }
        position += 1                                   // the single whitespace after the maximum value
        guard bytes.count - position >= width * height * 3 else {
            throw QEMUError(description: "screendump: PPM pixels truncated")
        }
        self.width = width
        self.height = height
        pixels = Array(bytes[position..<position + width * height * 3])
    }

    /// Whether pixel (`x`, `y`) is nearer the console's foreground colour than its background.
    func isForeground(x: Int, y: Int) -> Bool {
        let offset = (y * width + x) * 3
        let brightness = Int(pixels[offset]) + Int(pixels[offset + 1]) + Int(pixels[offset + 2])
        let foreground = TextRenderer.defaultForeground, background = TextRenderer.defaultBackground
        let on = Int(foreground.red) + Int(foreground.green) + Int(foreground.blue)
        let off = Int(background.red) + Int(background.green) + Int(background.blue)
        return abs(brightness - on) < abs(brightness - off)
    }
}

private extension UInt8 {
    var isWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}

/// What the screen shows: one string per text row, and where the cursor is.
struct ScreenText {
    let rows: [String]
    /// (row, column) of the cell drawn with the cursor underline, if exactly one is.
    let cursor: (row: Int, column: Int)?

    /// The rows with trailing blanks removed, joined by newlines (for messages).
    var description: String {
        rows.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}

/// Knows how every printable ASCII character looks on a screen of a given size, and reads screens.
struct ScreenReader {
    let layout: ConsoleLayout
    private var shapes: [[Bool]: (character: Character, cursor: Bool)] = [:]

    /// A reader for a `width` × `height` screen showing `fontFile` as the kernel lays it out.
    init(fontFile: URL, width: Int, height: Int) throws {
        let font: PSFFont
        let bytes = [UInt8](try Data(contentsOf: fontFile))
        do throws(PSFFont.Error) {
            font = try PSFFont(bytes)
        } catch {
            throw QEMUError(description: "\(fontFile.path): \(error.reason)")
        }
        guard let layout = ConsoleLayout(width: width, height: height, font: font) else {
            throw QEMUError(description: "a \(width)x\(height) screen holds no character")
        }
        self.layout = layout
        let renderer = TextRenderer(font: font, format: .xrgb8888, layout: layout)
        let foreground = PixelFormat.xrgb8888.encode(red: TextRenderer.defaultForeground.red,
                                                     green: TextRenderer.defaultForeground.green,
                                                     blue: TextRenderer.defaultForeground.blue)
        var strip = [UInt8](repeating: 0, count: renderer.stripByteCount)
        for codePoint in UInt32(0x20)...0x7E {
            let glyph = font.glyph(for: codePoint)
            for cursor in [false, true] {
                renderer.render([glyph], cursorColumn: cursor ? 0 : nil, into: &strip)
                var shape: [Bool] = []
                for y in 0..<layout.cellHeight {
                    for x in 0..<layout.cellWidth {
                        let offset = y * renderer.stripPitch + x * 4
                        let value = UInt32(strip[offset]) | UInt32(strip[offset + 1]) << 8 | UInt32(strip[offset + 2]) << 16
                        shape.append(value == foreground)
                    }
                }
                if shapes[shape] == nil { shapes[shape] = (Character(Unicode.Scalar(codePoint)!), cursor) }
            }
        }
    }

    /// The text of `screen`; a cell matching no character reads as `�`.
    func read(_ screen: Screenshot) -> ScreenText {
        var rows: [String] = []
        var cursors: [(Int, Int)] = []
        for row in 0..<layout.rows {
            var text = ""
            for column in 0..<layout.columns {
                var shape: [Bool] = []
                shape.reserveCapacity(layout.cellWidth * layout.cellHeight)
                for y in 0..<layout.cellHeight {
                    for x in 0..<layout.cellWidth {
                        shape.append(screen.isForeground(x: column * layout.cellWidth + x, y: row * layout.cellHeight + y))
                    }
                }
                if let match = shapes[shape] {
                    text.append(match.character)
                    if match.cursor { cursors.append((row, column)) }
                } else {
                    text.append("\u{FFFD}")
                }
            }
            rows.append(text)
        }
        return ScreenText(rows: rows, cursor: cursors.count == 1 ? cursors[0] : nil)
    }
}
