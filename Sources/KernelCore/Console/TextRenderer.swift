// SPDX-License-Identifier: GPL-2.0-only
// Draws rows of text cells into pixel strips of any direct-colour format, at 1x or 2x scale, with the cursor.

/// The console's geometry on a framebuffer: glyph scale (2 on panels wider than 2000 pixels), cell size, and
/// how many columns and rows fit.
public struct ConsoleLayout: Equatable {
    public let scale: Int
    public let cellWidth: Int
    public let cellHeight: Int
    public let columns: Int
    public let rows: Int

    /// Panels wider than this get glyphs at twice their size.
    public static let hiDPIWidth = 2000

    /// The layout of `font` on a `width` × `height` pixel screen; nil if not even one cell fits.
    public init?(width: Int, height: Int, font: PSFFont) {
        scale = width > Self.hiDPIWidth ? 2 : 1
        cellWidth = font.width * scale
        cellHeight = font.height * scale
        columns = width / cellWidth
        rows = height / cellHeight
        guard columns >= 1, rows >= 1 else { return nil }
    }
}

/// Renders a row of glyphs into a strip: `cellHeight` scanlines of `columns × cellWidth` pixels each,
/// packed (`stripPitch` bytes per scanline). The cursor is an underline over the cell's last eighth.
public struct TextRenderer {
    public let font: PSFFont
    public let format: PixelFormat
    public let layout: ConsoleLayout
    private let foreground: UInt32
    private let background: UInt32

    /// Light grey on black, as the VGA text console.
    public static let defaultForeground: (red: UInt8, green: UInt8, blue: UInt8) = (0xAA, 0xAA, 0xAA)
    public static let defaultBackground: (red: UInt8, green: UInt8, blue: UInt8) = (0x00, 0x00, 0x00)

    public init(font: PSFFont, format: PixelFormat, layout: ConsoleLayout) {
        self.font = font
        self.format = format
        self.layout = layout
        foreground = format.encode(red: Self.defaultForeground.red, green: Self.defaultForeground.green,
                                   blue: Self.defaultForeground.blue)
        background = format.encode(red: Self.defaultBackground.red, green: Self.defaultBackground.green,
                                   blue: Self.defaultBackground.blue)
    }

    /// The background pixel's bytes (for clearing the screen).
    public var backgroundPixel: [UInt8] {
        (0..<format.bytesPerPixel).map { UInt8(truncatingIfNeeded: background >> (8 * UInt32($0))) }
    }

    /// Bytes per scanline of a strip.
    public var stripPitch: Int { layout.columns * layout.cellWidth * format.bytesPerPixel }

    /// Bytes of a whole strip (one text row).
    public var stripByteCount: Int { stripPitch * layout.cellHeight }

    /// How many glyph rows the cursor covers at the bottom of a cell.
    public var cursorHeight: Int { max(1, font.height / 8) }

    /// Draws `glyphs` (one per column; missing columns stay as they were) into `strip`, with the cursor
    /// under `cursorColumn` if given. A strip shorter than `stripByteCount` is left as it is.
    public func render(_ glyphs: [UInt16], cursorColumn: Int?, into strip: inout [UInt8]) {
        guard strip.count >= stripByteCount else { return }
        let bytesPerPixel = format.bytesPerPixel
        let scale = layout.scale
        let pitch = stripPitch
        let cursorStart = font.height - cursorHeight
        let columns = min(glyphs.count, layout.columns)
        let foreground = foreground, background = background
        // SAFETY: every store below is at `offset` with offset + bytesPerPixel <= stripByteCount: offset is at
        // most (cellHeight - 1) * pitch + (columns * cellWidth - 1) * bytesPerPixel, and the strip holds at
        // least stripByteCount = cellHeight * pitch bytes (checked above).
        unsafe strip.withUnsafeMutableBytes { raw in
            for column in 0..<columns {
                let glyph = glyphs[column]
                let cellStart = column * layout.cellWidth * bytesPerPixel
                for y in 0..<font.height {
                    let underline = column == cursorColumn && y >= cursorStart
                    for repeatY in 0..<scale {
                        var offset = (y * scale + repeatY) * pitch + cellStart
                        var byte: UInt8 = 0
                        for x in 0..<font.width {
                            if x % 8 == 0 { byte = font.rowByte(glyph: glyph, y: y, index: x / 8) }
                            let on = underline || byte & (0x80 >> UInt8(x % 8)) != 0
                            let pixel = on ? foreground : background
                            for _ in 0..<scale {
                                unsafe Self.store(pixel, bytes: bytesPerPixel, at: offset, in: raw)
                                offset += bytesPerPixel
                            }
                        }
                    }
                }
            }
        }
    }

    private static func store(_ pixel: UInt32, bytes: Int, at offset: Int, in raw: UnsafeMutableRawBufferPointer) {
        switch bytes {
        case 4:
            unsafe raw.storeBytes(of: pixel, toByteOffset: offset, as: UInt32.self)
        case 3:
            unsafe raw.storeBytes(of: UInt16(truncatingIfNeeded: pixel), toByteOffset: offset, as: UInt16.self)
            unsafe raw.storeBytes(of: UInt8(truncatingIfNeeded: pixel >> 16), toByteOffset: offset + 2, as: UInt8.self)
        default:
            unsafe raw.storeBytes(of: UInt16(truncatingIfNeeded: pixel), toByteOffset: offset, as: UInt16.self)
        }
    }
}
