// SPDX-License-Identifier: GPL-2.0-only
// Builds small PSF1 and PSF2 font files for the font and renderer tests, and reads Debian's real ones.

import Foundation

enum PSFBuilder {
    /// A glyph whose rows are `row(glyph, y)`: by default glyph g's row y is (g + y) & 0xFF, distinct per glyph.
    static func pattern(_ glyph: Int, _ y: Int) -> UInt8 { UInt8(truncatingIfNeeded: glyph &+ y &* 7 &+ 1) }

    /// A PSF1 file of `count` (256 or 512) glyphs 8 × `height`, with `table` (glyph → UTF-16 values, already
    /// including FFFE sequence markers) when given.
    static func psf1(count: Int = 256, height: Int = 8, table: [[UInt16]]? = nil) -> [UInt8] {
        var mode: UInt8 = count == 512 ? 0x01 : 0
        if table != nil { mode |= 0x02 }
        var bytes: [UInt8] = [0x36, 0x04, mode, UInt8(height)]
        for glyph in 0..<count {
            for y in 0..<height { bytes.append(pattern(glyph, y)) }
        }
        if let table {
            for glyph in 0..<count {
                for value in glyph < table.count ? table[glyph] : [] { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
                bytes += [0xFF, 0xFF]
            }
        }
        return bytes
    }

    /// A PSF2 file of `count` glyphs `width` × `height`, with a UTF-8 `table` (glyph → entry bytes, without
    /// the FF terminator) when given.
    static func psf2(count: Int = 256, width: Int = 10, height: Int = 12, headerSize: Int = 32,
                     table: [[UInt8]]? = nil) -> [UInt8] {
        let rowBytes = (width + 7) / 8
        var bytes: [UInt8] = []
        func u32(_ value: Int) { bytes += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        bytes += [0x72, 0xB5, 0x4A, 0x86]
        u32(0)
        u32(headerSize)
        u32(table == nil ? 0 : 1)
        u32(count)
        u32(rowBytes * height)
        u32(height)
        u32(width)
        bytes += [UInt8](repeating: 0, count: headerSize - 32)
        for glyph in 0..<count {
            for y in 0..<height {
                for index in 0..<rowBytes { bytes.append(pattern(glyph, y * rowBytes + index)) }
            }
        }
        if let table {
            for glyph in 0..<count {
                bytes += glyph < table.count ? table[glyph] : []
                bytes.append(0xFF)
            }
        }
        return bytes
    }

    /// A font from Debian's console-setup-linux (`/usr/share/consolefonts/NAME.psf.gz`), unpacked.
    static func debianFont(_ name: String) throws -> [UInt8] {
        let path = "/usr/share/consolefonts/\(name).psf.gz"
        guard FileManager.default.fileExists(atPath: path) else {
            throw NSError(domain: "PSFBuilder", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "\(path) is missing: install Debian's console-setup-linux package (scripts/test does)"])
        }
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-dc", path]
        let output = Pipe()
        gzip.standardOutput = output
        try gzip.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        guard gzip.terminationStatus == 0 else {
            throw NSError(domain: "PSFBuilder", code: 2, userInfo: [NSLocalizedDescriptionKey: "gzip -dc \(path) failed"])
        }
        return Array(data)
    }
}
