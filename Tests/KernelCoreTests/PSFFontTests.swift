// SPDX-License-Identifier: GPL-2.0-only
// Tests of the PSF1/PSF2 font reader: Debian's real console fonts, small built fonts, and malformed files.

import KernelCore
import XCTest

final class PSFFontTests: XCTestCase {
    private func reason(_ bytes: [UInt8]) -> String? {
        do throws(PSFFont.Error) {
            _ = try PSFFont(bytes)
            return nil
        } catch {
            return error.reason.description
        }
    }

    func testDebianPSF1Font() throws {
        let font = try PSFFont(PSFBuilder.debianFont("Uni2-Terminus16"))
        XCTAssertEqual(font.version, 1)
        XCTAssertEqual(font.width, 8)
        XCTAssertEqual(font.height, 16)
        XCTAssertEqual(font.glyphCount, 512)
        // Every printable ASCII character has a glyph of its own, distinct from the others.
        var seen = Set<UInt16>()
        for codePoint in UInt32(0x20)...0x7E {
            XCTAssertTrue(font.hasGlyph(for: codePoint), "no glyph for U+\(String(codePoint, radix: 16))")
            seen.insert(font.glyph(for: codePoint))
        }
        XCTAssertEqual(seen.count, 95)
        XCTAssertTrue(font.hasGlyph(for: 0x2192), "Terminus has an arrow")
        XCTAssertFalse(font.hasGlyph(for: 0x1F600))
        XCTAssertEqual(font.glyph(for: 0x1F600), font.replacementGlyph)
        // 'A' has pixels, ' ' has none.
        let a = font.glyph(for: 0x41), space = font.glyph(for: 0x20)
        XCTAssertTrue((0..<16).contains { y in (0..<8).contains { font.pixel(glyph: a, x: $0, y: y) } })
        XCTAssertFalse((0..<16).contains { y in (0..<8).contains { font.pixel(glyph: space, x: $0, y: y) } })
    }

    func testDebianPSF2Font() throws {
        let font = try PSFFont(PSFBuilder.debianFont("Uni2-Terminus20x10"))
        XCTAssertEqual(font.version, 2)
        XCTAssertEqual(font.width, 10)
        XCTAssertEqual(font.height, 20)
        XCTAssertEqual(font.bytesPerRow, 2)
        for codePoint in UInt32(0x20)...0x7E { XCTAssertTrue(font.hasGlyph(for: codePoint)) }
        XCTAssertNotEqual(font.glyph(for: 0x41), font.glyph(for: 0x42))
    }

    func testPSF1WithoutTableMapsGlyphNumbers() throws {
        let font = try PSFFont(PSFBuilder.psf1(height: 10))
        XCTAssertEqual(font.glyphCount, 256)
        XCTAssertEqual(font.height, 10)
        XCTAssertEqual(font.glyph(for: 0x41), 0x41)
        XCTAssertEqual(font.glyph(for: 0x2192), font.glyph(for: 0x3F), "missing characters show '?'")
        // Row y of glyph g is pattern(g, y), most significant bit leftmost.
        let row = PSFBuilder.pattern(0x41, 3)
        for x in 0..<8 { XCTAssertEqual(font.pixel(glyph: 0x41, x: x, y: 3), row & (0x80 >> x) != 0) }
        XCTAssertFalse(font.pixel(glyph: 0x41, x: 8, y: 0))
        XCTAssertFalse(font.pixel(glyph: 300, x: 0, y: 0))
    }

    func testPSF1UnicodeTable() throws {
        var table = [[UInt16]](repeating: [], count: 512)
        table[5] = [0x41, 0x391]                   // 'A' and Greek capital alpha share glyph 5
        table[6] = [0xFFFD]
        table[7] = [0x42, 0xFFFE, 0x42, 0x301]     // 'B', then a sequence (B + combining acute): not mapped
        table[8] = [0x301]
        table[9] = [0x41]                          // a second 'A': the first mapping wins
        let font = try PSFFont(PSFBuilder.psf1(count: 512, table: table))
        XCTAssertEqual(font.glyphCount, 512)
        XCTAssertEqual(font.glyph(for: 0x41), 5)
        XCTAssertEqual(font.glyph(for: 0x391), 5)
        XCTAssertEqual(font.glyph(for: 0x42), 7)
        XCTAssertEqual(font.glyph(for: 0x301), 8)
        XCTAssertEqual(font.replacementGlyph, 6)
        XCTAssertEqual(font.glyph(for: 0x43), 6)
    }

    func testPSF2UnicodeTableAndWideGlyphs() throws {
        var table = [[UInt8]](repeating: [], count: 4)
        table[1] = Array("a".utf8) + Array("→".utf8)
        table[2] = Array("?".utf8) + [0xFE] + Array("e\u{301}".utf8)
        table[3] = Array("€".utf8)
        let font = try PSFFont(PSFBuilder.psf2(count: 4, width: 12, height: 14, headerSize: 40, table: table))
        XCTAssertEqual(font.width, 12)
        XCTAssertEqual(font.bytesPerRow, 2)
        XCTAssertEqual(font.glyph(for: 0x61), 1)
        XCTAssertEqual(font.glyph(for: 0x2192), 1)
        XCTAssertEqual(font.glyph(for: 0x20AC), 3)
        XCTAssertEqual(font.glyph(for: 0x65), 2, "e only appears in a sequence: the replacement ('?') shows")
        // Row y of glyph g: bytes pattern(g, 2y) and pattern(g, 2y + 1); pixels 8–11 come from the second.
        let second = PSFBuilder.pattern(3, 2 * 5 + 1)
        for x in 8..<12 { XCTAssertEqual(font.pixel(glyph: 3, x: x, y: 5), second & (0x80 >> (x - 8)) != 0) }
    }

    func testMalformedFontsAreRejected() throws {
        XCTAssertEqual(reason([]), "not a PSF1 or PSF2 font (bad magic)")
        XCTAssertEqual(reason(Array("hello, world".utf8)), "not a PSF1 or PSF2 font (bad magic)")
        XCTAssertEqual(reason([0x36, 0x04, 0x00]), "PSF1 header truncated")
        XCTAssertEqual(reason([0x36, 0x04, 0x08, 0x10] + [UInt8](repeating: 0, count: 4096)), "PSF1 mode has unknown bits")
        XCTAssertEqual(reason([0x36, 0x04, 0x00, 0x00]), "PSF1 glyph height out of range")
        XCTAssertEqual(reason(Array(PSFBuilder.psf1().dropLast())), "PSF1 glyphs run past the end of the file")
        var psf1Table = PSFBuilder.psf1(table: [[0x41]])
        psf1Table.removeLast(3)
        XCTAssertEqual(reason(psf1Table), "PSF1 Unicode table truncated")

        let good = PSFBuilder.psf2()
        XCTAssertNil(reason(good))
        XCTAssertEqual(reason(Array(good.prefix(20))), "PSF2 header truncated")
        func patched(_ offset: Int, _ value: UInt32) -> [UInt8] {
            var bytes = good
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
            return bytes
        }
        XCTAssertEqual(reason(patched(4, 1)), "PSF2 version is not 0")
        XCTAssertEqual(reason(patched(8, 16)), "PSF2 header size out of range")
        XCTAssertEqual(reason(patched(8, 0xFFFF_FFF0)), "PSF2 header size out of range")
        XCTAssertEqual(reason(patched(16, 0)), "PSF2 glyph count out of range")
        XCTAssertEqual(reason(patched(16, 0x8000_0000)), "PSF2 glyph count out of range")
        XCTAssertEqual(reason(patched(16, 100_000)), "PSF2 glyph count out of range")
        XCTAssertEqual(reason(patched(16, 257)), "PSF2 glyphs run past the end of the file")
        XCTAssertEqual(reason(patched(20, 23)), "PSF2 bytes per glyph do not match its size")
        XCTAssertEqual(reason(patched(24, 0)), "PSF2 glyph size out of range")
        XCTAssertEqual(reason(patched(28, 65)), "PSF2 glyph size out of range")
        XCTAssertEqual(reason(patched(12, 1)), "PSF2 Unicode table truncated", "flag set, no table")
        XCTAssertEqual(reason(PSFBuilder.psf2(count: 2, table: [[0xC3, 0x28], []])), "PSF2 Unicode table holds invalid UTF-8")
        XCTAssertEqual(reason(PSFBuilder.psf2(count: 2, table: [[0xED, 0xA0, 0x80], []])), "PSF2 Unicode table holds invalid UTF-8",
                       "a UTF-16 surrogate")
    }

    /// Every prefix and many corrupted copies of a real font either parse or throw: no trap, no hang.
    func testTruncatedAndCorruptedRealFontsNeverTrap() throws {
        let real = try PSFBuilder.debianFont("Uni2-Terminus20x10")
        for length in stride(from: 0, to: real.count, by: 97) { _ = reason(Array(real.prefix(length))) }
        var random = SplitMix64(state: 0xF0F7)
        for _ in 0..<300 {
            var bytes = real
            for _ in 0..<8 {
                let limit = random.next() % 2 == 0 ? 64 : bytes.count       // half of them in the header
                let index = Int(random.next() % UInt64(limit))
                bytes[index] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = reason(bytes)
        }
    }
}
