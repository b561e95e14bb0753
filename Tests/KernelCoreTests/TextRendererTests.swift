// SPDX-License-Identifier: GPL-2.0-only
// Tests of pixel formats, console layout and glyph rendering at 16, 24 and 32 bits per pixel and 2x scale.

import KernelCore
import XCTest

final class TextRendererTests: XCTestCase {
    private typealias Field = MultibootFramebuffer.ColorField

    private let rgb565 = try! PixelFormat(bitsPerPixel: 16, red: Field(position: 11, size: 5),
                                          green: Field(position: 5, size: 6), blue: Field(position: 0, size: 5))
    private let rgb555 = try! PixelFormat(bitsPerPixel: 15, red: Field(position: 10, size: 5),
                                          green: Field(position: 5, size: 5), blue: Field(position: 0, size: 5))
    private let bgr888 = try! PixelFormat(bitsPerPixel: 24, red: Field(position: 0, size: 8),
                                          green: Field(position: 8, size: 8), blue: Field(position: 16, size: 8))
    private let rgb888 = try! PixelFormat(bitsPerPixel: 24, red: Field(position: 16, size: 8),
                                          green: Field(position: 8, size: 8), blue: Field(position: 0, size: 8))

    func testPixelEncoding() throws {
        XCTAssertEqual(PixelFormat.xrgb8888.bytesPerPixel, 4)
        XCTAssertEqual(PixelFormat.xrgb8888.encode(red: 0x12, green: 0x34, blue: 0x56), 0x0012_3456)
        XCTAssertEqual(bgr888.encode(red: 0x12, green: 0x34, blue: 0x56), 0x0056_3412)
        XCTAssertEqual(rgb565.bytesPerPixel, 2)
        XCTAssertEqual(rgb565.encode(red: 0xFF, green: 0x00, blue: 0xFF), 0xF81F)
        XCTAssertEqual(rgb565.encode(red: 0xAA, green: 0xAA, blue: 0xAA), 0xAD55)
        XCTAssertEqual(rgb555.bytesPerPixel, 2)
        XCTAssertEqual(rgb555.encode(red: 0xFF, green: 0xFF, blue: 0xFF), 0x7FFF)
        let wide = try PixelFormat(bitsPerPixel: 32, red: Field(position: 20, size: 10),
                                   green: Field(position: 10, size: 10), blue: Field(position: 0, size: 10))
        XCTAssertEqual(wide.encode(red: 0xFF, green: 0, blue: 0), 0x3FF << 20)
        // Decoding widens as hardware does: 565 white is 8-bit white, 0xAA survives the round trip closely.
        XCTAssertTrue(rgb565.decode(0xFFFF) == (0xFF, 0xFF, 0xFF))
        let grey = rgb565.decode(rgb565.encode(red: 0xAA, green: 0xAA, blue: 0xAA))
        XCTAssertLessThan(abs(Int(grey.red) - 0xAA), 8)
        XCTAssertLessThan(abs(Int(grey.green) - 0xAA), 4)
    }

    func testUnsupportedFramebuffers() {
        func rejects(_ bits: Int, _ red: Field, _ green: Field = Field(position: 0, size: 1),
                     _ blue: Field = Field(position: 1, size: 1)) -> String? {
            do throws(PixelFormat.Unsupported) {
                _ = try PixelFormat(bitsPerPixel: bits, red: red, green: green, blue: blue)
                return nil
            } catch { return error.reason.description }
        }
        XCTAssertEqual(rejects(8, Field(position: 2, size: 2)), "pixel depth is not 15 to 32 bits")
        XCTAssertEqual(rejects(16, Field(position: 10, size: 8)), "colour field lies outside the pixel")
        XCTAssertEqual(rejects(32, Field(position: 0, size: 0)), "colour field size out of range")
        XCTAssertEqual(rejects(32, Field(position: 0, size: 17)), "colour field size out of range")
        XCTAssertNil(rejects(16, Field(position: 11, size: 5)))
    }

    func testLayoutScalesOnWidePanels() throws {
        let font = try PSFFont(PSFBuilder.psf1(height: 16))
        let small = try XCTUnwrap(ConsoleLayout(width: 1024, height: 768, font: font))
        XCTAssertEqual(small.scale, 1)
        XCTAssertEqual(small.columns, 128)
        XCTAssertEqual(small.rows, 48)
        let exactly2000 = try XCTUnwrap(ConsoleLayout(width: 2000, height: 1000, font: font))
        XCTAssertEqual(exactly2000.scale, 1)
        let hiDPI = try XCTUnwrap(ConsoleLayout(width: 2560, height: 1600, font: font))
        XCTAssertEqual(hiDPI.scale, 2)
        XCTAssertEqual(hiDPI.cellWidth, 16)
        XCTAssertEqual(hiDPI.cellHeight, 32)
        XCTAssertEqual(hiDPI.columns, 160)
        XCTAssertEqual(hiDPI.rows, 50)
        XCTAssertNil(ConsoleLayout(width: 7, height: 768, font: font))
        XCTAssertNil(ConsoleLayout(width: 1024, height: 15, font: font))
    }

    /// Renders two glyphs with the cursor under the second, in `format` at `scale`, and checks every pixel
    /// against the font's bits and the colours.
    private func checkRendering(_ format: PixelFormat, width: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let font = try PSFFont(PSFBuilder.psf2(count: 256, width: 10, height: 12))
        let layout = try XCTUnwrap(ConsoleLayout(width: width, height: 100, font: font))
        let renderer = TextRenderer(font: font, format: format, layout: layout)
        var strip = [UInt8](repeating: 0x5A, count: renderer.stripByteCount)
        let glyphs: [UInt16] = [0x41, 0x42] + [UInt16](repeating: 0x20, count: layout.columns - 2)
        renderer.render(glyphs, cursorColumn: 1, into: &strip)
        XCTAssertEqual(renderer.stripPitch, layout.columns * font.width * layout.scale * format.bytesPerPixel)
        let foreground = TextRenderer.defaultForeground, background = TextRenderer.defaultBackground
        let onValue = format.encode(red: foreground.red, green: foreground.green, blue: foreground.blue)
        let offValue = format.encode(red: background.red, green: background.green, blue: background.blue)
        for column in 0..<3 {
            for y in 0..<layout.cellHeight {
                for x in 0..<layout.cellWidth {
                    let offset = y * renderer.stripPitch + (column * layout.cellWidth + x) * format.bytesPerPixel
                    var value: UInt32 = 0
                    for index in 0..<format.bytesPerPixel { value |= UInt32(strip[offset + index]) << (8 * UInt32(index)) }
                    let glyphY = y / layout.scale
                    let cursor = column == 1 && glyphY >= font.height - renderer.cursorHeight
                    let expected = cursor || font.pixel(glyph: glyphs[column], x: x / layout.scale, y: glyphY)
                    XCTAssertEqual(value, expected ? onValue : offValue,
                                   "column \(column) pixel (\(x), \(y))", file: file, line: line)
                    if value != (expected ? onValue : offValue) { return }
                }
            }
        }
    }

    func testRenderingAt32BitsPerPixel() throws { try checkRendering(.xrgb8888, width: 640) }
    func testRenderingAt24BitsPerPixel() throws { try checkRendering(rgb888, width: 640) }
    func testRenderingAt24BitsBGR() throws { try checkRendering(bgr888, width: 640) }
    func testRenderingAt16BitsPerPixel() throws { try checkRendering(rgb565, width: 640) }
    func testRenderingAt15BitsPerPixel() throws { try checkRendering(rgb555, width: 640) }
    func testRenderingScaledTwice() throws { try checkRendering(.xrgb8888, width: 2400) }
    func testRenderingScaledTwiceAt16Bits() throws { try checkRendering(rgb565, width: 2400) }

    func testShortStripIsLeftAlone() throws {
        let font = try PSFFont(PSFBuilder.psf1())
        let layout = try XCTUnwrap(ConsoleLayout(width: 64, height: 64, font: font))
        let renderer = TextRenderer(font: font, format: .xrgb8888, layout: layout)
        var strip = [UInt8](repeating: 7, count: renderer.stripByteCount - 1)
        renderer.render([0x41], cursorColumn: nil, into: &strip)
        XCTAssertTrue(strip.allSatisfy { $0 == 7 })
    }
}
