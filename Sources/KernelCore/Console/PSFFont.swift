// SPDX-License-Identifier: GPL-2.0-only
// PC Screen Font (PSF1 and PSF2) console fonts as Linux's `setfont` reads them: header, glyph bitmaps and the
// Unicode table, every offset bounds-checked.

/// A bitmap console font in PC Screen Font format, version 1 or 2, with its Unicode map.
///
/// PSF1: a 4-byte header (`36 04`, mode, bytes per glyph), 256 or 512 glyphs 8 pixels wide, then (mode bit 1
/// or 2) a table of little-endian UTF-16 values per glyph, `FFFE` starting a sequence and `FFFF` ending the
/// glyph's entry. PSF2: a 32-byte header (`72 B5 4A 86`, version, header size, flags, glyph count, bytes per
/// glyph, height, width), the glyphs, then (flag bit 0) UTF-8 per glyph, `FE` starting a sequence and `FF`
/// ending the entry. Each glyph row is `(width + 7) / 8` bytes, most significant bit leftmost.
public struct PSFFont {
    /// Why a font file was rejected.
    public struct Error: Swift.Error {
        public let reason: StaticString
        init(_ reason: StaticString) { self.reason = reason }
    }

    /// 1 or 2.
    public let version: Int
    /// Glyph width and height in pixels.
    public let width: Int
    public let height: Int
    /// Number of glyphs.
    public let glyphCount: Int
    /// Bytes per glyph row.
    public let bytesPerRow: Int
    /// Every glyph's bitmap, glyph after glyph.
    private let bitmaps: [UInt8]
    /// Glyph of each code point below 256.
    private var latin1: [UInt16]
    /// Other code points, sorted by code point, for a binary search.
    private var others: [(codePoint: UInt32, glyph: UInt16)]
    /// The glyph shown for a character the font lacks (U+FFFD, else `?`, else glyph 0).
    public private(set) var replacementGlyph: UInt16 = 0

    /// The largest glyph this reader accepts (PSF2 allows more; no console font needs it).
    public static let maximumDimension = 64

    /// Parses and validates a whole font file.
    public init(_ bytes: [UInt8]) throws(Error) {
        let file = ByteReader(bytes)
        var unicodeOffset: Int?
        if file.u8(at: 0) == 0x36 && file.u8(at: 1) == 0x04 {
            guard let mode = file.u8(at: 2), let charSize = file.u8(at: 3) else { throw Error("PSF1 header truncated") }
            guard mode & ~0x07 == 0 else { throw Error("PSF1 mode has unknown bits") }
            guard charSize > 0, Int(charSize) <= Self.maximumDimension else { throw Error("PSF1 glyph height out of range") }
            version = 1
            width = 8
            height = Int(charSize)
            glyphCount = mode & 0x01 != 0 ? 512 : 256
            bytesPerRow = 1
            if mode & 0x06 != 0 { unicodeOffset = 4 + glyphCount * height }
            guard let glyphs = file.bytes(offset: 4, count: glyphCount * height) else {
                throw Error("PSF1 glyphs run past the end of the file")
            }
            bitmaps = glyphs
        } else if file.u32(at: 0) == 0x864A_B572 {
            guard let fileVersion = file.u32(at: 4), let headerSize = file.u32(at: 8), let flags = file.u32(at: 12),
                  let count = file.u32(at: 16), let charSize = file.u32(at: 20), let glyphHeight = file.u32(at: 24),
                  let glyphWidth = file.u32(at: 28)
            else { throw Error("PSF2 header truncated") }
            guard fileVersion == 0 else { throw Error("PSF2 version is not 0") }
            guard headerSize >= 32, headerSize <= UInt32(file.count) else { throw Error("PSF2 header size out of range") }
            guard glyphWidth > 0, glyphWidth <= UInt32(Self.maximumDimension),
                  glyphHeight > 0, glyphHeight <= UInt32(Self.maximumDimension)
            else { throw Error("PSF2 glyph size out of range") }
            guard count > 0, count <= 65_536 else { throw Error("PSF2 glyph count out of range") }
            let rowBytes = (Int(glyphWidth) + 7) / 8
            guard Int(charSize) == rowBytes * Int(glyphHeight) else {
                throw Error("PSF2 bytes per glyph do not match its size")
            }
            version = 2
            width = Int(glyphWidth)
            height = Int(glyphHeight)
            glyphCount = Int(count)
            bytesPerRow = rowBytes
            guard let glyphs = file.bytes(offset: Int(headerSize), count: glyphCount * Int(charSize)) else {
                throw Error("PSF2 glyphs run past the end of the file")
            }
            bitmaps = glyphs
            if flags & 1 != 0 { unicodeOffset = Int(headerSize) + glyphCount * Int(charSize) }
        } else {
            throw Error("not a PSF1 or PSF2 font (bad magic)")
        }

        latin1 = [UInt16](repeating: UInt16.max, count: 256)
        others = []
        if let unicodeOffset {
            guard let table = file.suffix(from: unicodeOffset) else { throw Error("Unicode table missing") }
            try readUnicodeTable(table)
        } else {
            // Without a table, glyph n is code point n (the CP437-like layout of old fonts).
            for codePoint in 0..<min(256, glyphCount) { latin1[codePoint] = UInt16(codePoint) }
        }
        replacementGlyph = lookup(0xFFFD) ?? lookup(0x3F) ?? 0
        for index in latin1.indices where latin1[index] == UInt16.max { latin1[index] = replacementGlyph }
    }

    private mutating func readUnicodeTable(_ table: ByteReader) throws(Error) {
        var offset = 0
        for glyph in 0..<glyphCount {
            var inSequence = false                  // values after a sequence marker combine; they are not mapped
            while true {
                let value: UInt32
                if version == 1 {
                    guard let unit = table.u16(at: offset) else { throw Error("PSF1 Unicode table truncated") }
                    offset += 2
                    if unit == 0xFFFF { break }
                    if unit == 0xFFFE { inSequence = true; continue }
                    value = UInt32(unit)
                } else {
                    guard let lead = table.u8(at: offset) else { throw Error("PSF2 Unicode table truncated") }
                    if lead == 0xFF { offset += 1; break }
                    if lead == 0xFE { offset += 1; inSequence = true; continue }
                    guard let (scalar, length) = Self.decodeUTF8(table, at: offset) else {
                        throw Error("PSF2 Unicode table holds invalid UTF-8")
                    }
                    offset += length
                    value = scalar
                }
                if !inSequence { map(value, to: UInt16(glyph)) }
            }
        }
    }

    /// Records the first glyph given for `codePoint`.
    private mutating func map(_ codePoint: UInt32, to glyph: UInt16) {
        if codePoint < 256 {
            if latin1[Int(codePoint)] == UInt16.max { latin1[Int(codePoint)] = glyph }
            return
        }
        let index = insertionIndex(codePoint)
        if index < others.count && others[index].codePoint == codePoint { return }
        others.insert((codePoint, glyph), at: index)
    }

    private func insertionIndex(_ codePoint: UInt32) -> Int {
        var low = 0
        var high = others.count
        while low < high {
            let middle = (low + high) / 2
            if others[middle].codePoint < codePoint { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func lookup(_ codePoint: UInt32) -> UInt16? {
        if codePoint < 256 {
            let glyph = latin1[Int(codePoint)]
            return glyph == UInt16.max ? nil : glyph
        }
        let index = insertionIndex(codePoint)
        return index < others.count && others[index].codePoint == codePoint ? others[index].glyph : nil
    }

    /// The glyph that shows `codePoint` (the replacement glyph when the font lacks it).
    public func glyph(for codePoint: UInt32) -> UInt16 {
        if codePoint < 256 { return latin1[Int(codePoint)] }
        return lookup(codePoint) ?? replacementGlyph
    }

    /// Whether the font maps `codePoint` to a glyph of its own.
    public func hasGlyph(for codePoint: UInt32) -> Bool { lookup(codePoint) != nil }

    /// Whether pixel (`x`, `y`) of `glyph` is set; false outside the glyph or for a glyph the font lacks.
    public func pixel(glyph: UInt16, x: Int, y: Int) -> Bool {
        guard Int(glyph) < glyphCount, x >= 0, x < width, y >= 0, y < height else { return false }
        let byte = bitmaps[(Int(glyph) * height + y) * bytesPerRow + x / 8]
        return byte & (0x80 >> UInt8(x % 8)) != 0
    }

    /// Byte `index` of row `y` of `glyph` (most significant bit leftmost); 0 outside the font.
    public func rowByte(glyph: UInt16, y: Int, index: Int) -> UInt8 {
        guard Int(glyph) < glyphCount, y >= 0, y < height, index >= 0, index < bytesPerRow else { return 0 }
        return bitmaps[(Int(glyph) * height + y) * bytesPerRow + index]
    }

    /// Decodes one UTF-8 scalar at `offset`: the scalar and its length, or nil if malformed or truncated.
    static func decodeUTF8(_ bytes: ByteReader, at offset: Int) -> (UInt32, Int)? {
        guard let lead = bytes.u8(at: offset) else { return nil }
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0x00...0x7F: return (UInt32(lead), 1)
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07)
        default: return nil
        }
        for index in 1..<length {
            guard let next = bytes.u8(at: offset + index), next & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
        guard scalar >= minimum, scalar <= 0x10_FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return (scalar, length)
    }
}
