// SPDX-License-Identifier: GPL-2.0-only
// How a direct-colour framebuffer stores a pixel: bytes per pixel and where red, green and blue sit.

/// A direct RGB pixel layout (16, 24 or 32 bits per pixel, any field positions and sizes), little-endian in
/// memory as on every x86 framebuffer.
public struct PixelFormat: Equatable {
    public let bytesPerPixel: Int
    public let red: MultibootFramebuffer.ColorField
    public let green: MultibootFramebuffer.ColorField
    public let blue: MultibootFramebuffer.ColorField

    /// Why a framebuffer cannot carry the console.
    public struct Unsupported: Error {
        public let reason: StaticString
    }

    /// A layout of `bitsPerPixel` bits with the given fields; rejects depths other than 15–32 bits, fields
    /// wider than 16 bits or outside the pixel.
    public init(bitsPerPixel: Int, red: MultibootFramebuffer.ColorField, green: MultibootFramebuffer.ColorField,
                blue: MultibootFramebuffer.ColorField) throws(Unsupported) {
        guard (15...32).contains(bitsPerPixel) else { throw Unsupported(reason: "pixel depth is not 15 to 32 bits") }
        for field in [red, green, blue] {
            guard field.size >= 1, field.size <= 16 else { throw Unsupported(reason: "colour field size out of range") }
            guard Int(field.position) + Int(field.size) <= bitsPerPixel else {
                throw Unsupported(reason: "colour field lies outside the pixel")
            }
        }
        bytesPerPixel = (bitsPerPixel + 7) / 8
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The layout of a framebuffer the boot loader described; throws for indexed and text-mode ones.
    public init(_ framebuffer: MultibootFramebuffer) throws(Unsupported) {
        guard case .rgb(let red, let green, let blue) = framebuffer.format else {
            throw Unsupported(reason: "not a direct RGB framebuffer (indexed colour or text mode)")
        }
        try self.init(bitsPerPixel: Int(framebuffer.bitsPerPixel), red: red, green: green, blue: blue)
    }

    /// 32-bit xRGB (blue in the lowest byte), the usual GOP and VBE layout.
    public static var xrgb8888: PixelFormat {
        PixelFormat(bytesPerPixel: 4, red: .init(position: 16, size: 8), green: .init(position: 8, size: 8),
                    blue: .init(position: 0, size: 8))
    }

    private init(bytesPerPixel: Int, red: MultibootFramebuffer.ColorField, green: MultibootFramebuffer.ColorField,
                 blue: MultibootFramebuffer.ColorField) {
        self.bytesPerPixel = bytesPerPixel
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The pixel value of an 8-bit-per-channel colour.
    public func encode(red r: UInt8, green g: UInt8, blue b: UInt8) -> UInt32 {
        Self.scale(r, to: red) | Self.scale(g, to: green) | Self.scale(b, to: blue)
    }

    private static func scale(_ value: UInt8, to field: MultibootFramebuffer.ColorField) -> UInt32 {
        let size = UInt32(field.size)
        let wide = UInt32(value)
        let scaled = size <= 8 ? wide >> (8 - size) : (wide << (size - 8)) | (wide >> (16 - size))
        return scaled << UInt32(field.position)
    }

    /// The 8-bit red, green and blue of a pixel value (each field widened or narrowed to 8 bits).
    public func decode(_ pixel: UInt32) -> (red: UInt8, green: UInt8, blue: UInt8) {
        (Self.extract(pixel, red), Self.extract(pixel, green), Self.extract(pixel, blue))
    }

    private static func extract(_ pixel: UInt32, _ field: MultibootFramebuffer.ColorField) -> UInt8 {
        let size = UInt32(field.size)
        let mask: UInt32 = size >= 32 ? UInt32.max : (1 << size) - 1
        let value = (pixel >> UInt32(field.position)) & mask
        if size >= 8 { return UInt8(truncatingIfNeeded: value >> (size - 8)) }
        // Replicate the high bits into the low ones, as hardware does when widening.
        var widened: UInt32 = 0
        var filled: UInt32 = 0
        while filled < 8 {
            widened = (widened << size) | value
            filled += size
        }
        return UInt8(truncatingIfNeeded: widened >> (filled - 8))
    }
}
