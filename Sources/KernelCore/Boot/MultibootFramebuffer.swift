// SPDX-License-Identifier: GPL-2.0-only
// The linear framebuffer a multiboot2 boot loader set up (boot information tag 8), validated.

/// A linear framebuffer described by the boot loader (multiboot2 tag type 8).
///
/// The layout follows GRUB's `multiboot2.h` (the reference implementation): the common part is
/// 32 bytes long, with a 16-bit reserved field, so colour information starts at byte 32 of the
/// tag (the 1.6 specification text shows an 8-bit reserved field; every loader in use follows
/// GRUB). Construction checks that the rows fit in the pitch, that the whole buffer's size and
/// end address do not overflow, and that colour fields lie inside a pixel.
public struct MultibootFramebuffer {
    /// Where a colour component sits inside a pixel.
    public struct ColorField: Equatable {
        /// Bit position of the component's least significant bit.
        public var position: UInt8
        /// Number of bits of the component.
        public var size: UInt8

        /// Creates a field of `size` bits at bit `position`.
        public init(position: UInt8, size: UInt8) {
            self.position = position
            self.size = size
        }
    }

    /// One palette entry of an indexed framebuffer.
    public struct PaletteColor: Equatable {
        /// Red intensity.
        public var red: UInt8
        /// Green intensity.
        public var green: UInt8
        /// Blue intensity.
        public var blue: UInt8

        /// Creates a palette entry.
        public init(red: UInt8, green: UInt8, blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }
    }

    /// How pixel values are interpreted.
    public enum Format {
        /// Pixels are indices into `palette`.
        case indexed(palette: [PaletteColor])
        /// Pixels hold red, green and blue fields directly.
        case rgb(red: ColorField, green: ColorField, blue: ColorField)
        /// VGA text mode: `width` × `height` characters, two bytes each.
        case egaText
    }

    /// Physical address of the first byte.
    public let address: UInt64
    /// Bytes per row (per text line in EGA text mode).
    public let pitch: UInt32
    /// Pixels (or characters) per row.
    public let width: UInt32
    /// Rows (or text lines).
    public let height: UInt32
    /// Bits per pixel (16 in EGA text mode).
    public let bitsPerPixel: UInt8
    /// How pixel values are interpreted.
    public let format: Format

    /// The size of the buffer in bytes (`pitch × height`, checked not to overflow).
    public var byteCount: UInt64 { UInt64(pitch) * UInt64(height) }

    /// Parses a whole framebuffer tag (header included).
    init(tag: ByteReader) throws(MultibootInfo.TagError) {
        guard let address = tag.u64(at: 8), let pitch = tag.u32(at: 16), let width = tag.u32(at: 20),
              let height = tag.u32(at: 24), let bpp = tag.u8(at: 28), let type = tag.u8(at: 29),
              tag.count >= 32
        else { throw .init("framebuffer tag shorter than 32 bytes") }

        switch type {
        case 0:
            guard let colorCount = tag.u16(at: 32) else { throw .init("indexed framebuffer without palette size") }
            guard tag.contains(offset: 34, count: Int(colorCount) * 3) else {
                throw .init("framebuffer palette runs past the tag")
            }
            var palette: [PaletteColor] = []
            palette.reserveCapacity(Int(colorCount))
            for index in 0..<Int(colorCount) {
                let offset = 34 + index * 3
                guard let red = tag.u8(at: offset), let green = tag.u8(at: offset + 1),
                      let blue = tag.u8(at: offset + 2)
                else { throw .init("framebuffer palette runs past the tag") }
                palette.append(PaletteColor(red: red, green: green, blue: blue))
            }
            format = .indexed(palette: palette)
        case 1:
            guard let redPosition = tag.u8(at: 32), let redSize = tag.u8(at: 33),
                  let greenPosition = tag.u8(at: 34), let greenSize = tag.u8(at: 35),
                  let bluePosition = tag.u8(at: 36), let blueSize = tag.u8(at: 37)
            else { throw .init("RGB framebuffer tag shorter than 38 bytes") }
            let fields = [
                ColorField(position: redPosition, size: redSize),
                ColorField(position: greenPosition, size: greenSize),
                ColorField(position: bluePosition, size: blueSize),
            ]
            for field in fields where UInt16(field.position) + UInt16(field.size) > UInt16(bpp) {
                throw .init("RGB colour field lies outside the pixel")
            }
            format = .rgb(red: fields[0], green: fields[1], blue: fields[2])
        case 2:
            format = .egaText
        default:
            throw .init("unknown framebuffer type")
        }

        guard bpp != 0 else { throw .init("framebuffer with 0 bits per pixel") }
        let rowBits = UInt64(width) * UInt64(bpp)
        guard rowBits <= UInt64(pitch) * 8 else { throw .init("framebuffer pitch shorter than a row") }
        let size = UInt64(pitch) * UInt64(height)
        guard size <= UInt64.max - address else { throw .init("framebuffer wraps past the end of memory") }

        self.address = address
        self.pitch = pitch
        self.width = width
        self.height = height
        self.bitsPerPixel = bpp
    }
}
