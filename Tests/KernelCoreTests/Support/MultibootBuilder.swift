// SPDX-License-Identifier: GPL-2.0-only
// Assembles multiboot2 boot information blobs, valid or deliberately broken, for parser tests.

struct MultibootBuilder {
    private(set) var tags: [[UInt8]] = []

    /// Appends a tag whose size field is 8 + payload, unless `size` overrides it.
    mutating func tag(_ type: UInt32, _ payload: [UInt8], size: UInt32? = nil) {
        var bytes: [UInt8] = []
        bytes.append32(type)
        bytes.append32(size ?? UInt32(8 + payload.count))
        bytes.append(contentsOf: payload)
        tags.append(bytes)
    }

    mutating func string(_ type: UInt32, _ text: String, terminated: Bool = true) {
        var payload = Array(text.utf8)
        if terminated { payload.append(0) }
        tag(type, payload)
    }

    mutating func module(start: UInt32, end: UInt32, _ text: String) {
        var payload: [UInt8] = []
        payload.append32(start)
        payload.append32(end)
        payload.append(contentsOf: Array(text.utf8) + [0])
        tag(3, payload)
    }

    mutating func basicMemoryInfo(lower: UInt32, upper: UInt32) {
        var payload: [UInt8] = []
        payload.append32(lower)
        payload.append32(upper)
        tag(4, payload)
    }

    /// A type-6 memory map with entries (base, length, type).
    mutating func memoryMap(_ entries: [(UInt64, UInt64, UInt32)], entrySize: UInt32 = 24, extraBytes: Int = 0) {
        var payload: [UInt8] = []
        payload.append32(entrySize)
        payload.append32(0)
        for (base, length, type) in entries {
            var entry: [UInt8] = []
            entry.append64(base)
            entry.append64(length)
            entry.append32(type)
            entry.append32(0)
            while entry.count < Int(entrySize) { entry.append(0) }
            payload.append(contentsOf: entry.prefix(Int(entrySize)))
        }
        payload.append(contentsOf: [UInt8](repeating: 0, count: extraBytes))
        tag(6, payload)
    }

    /// A type-17 EFI memory map with descriptors (type, start, pages, attributes).
    mutating func efiMemoryMap(_ descriptors: [(UInt32, UInt64, UInt64, UInt64)], descriptorSize: UInt32 = 48) {
        var payload: [UInt8] = []
        payload.append32(descriptorSize)
        payload.append32(1)
        for (type, start, pages, attributes) in descriptors {
            var descriptor: [UInt8] = []
            descriptor.append32(type)
            descriptor.append32(0)
            descriptor.append64(start)
            descriptor.append64(0)
            descriptor.append64(pages)
            descriptor.append64(attributes)
            while descriptor.count < Int(descriptorSize) { descriptor.append(0) }
            payload.append(contentsOf: descriptor)
        }
        tag(17, payload)
    }

    /// A type-8 framebuffer tag; `colorInfo` follows the 32-byte common part.
    mutating func framebuffer(address: UInt64, pitch: UInt32, width: UInt32, height: UInt32, bpp: UInt8, type: UInt8, colorInfo: [UInt8]) {
        var payload: [UInt8] = []
        payload.append64(address)
        payload.append32(pitch)
        payload.append32(width)
        payload.append32(height)
        payload.append(bpp)
        payload.append(type)
        payload.append16(0)
        payload.append(contentsOf: colorInfo)
        tag(8, payload)
    }

    mutating func u32Tag(_ type: UInt32, _ value: UInt32) {
        var payload: [UInt8] = []
        payload.append32(value)
        tag(type, payload)
    }

    mutating func u64Tag(_ type: UInt32, _ value: UInt64) {
        var payload: [UInt8] = []
        payload.append64(value)
        tag(type, payload)
    }

    /// The blob: header, tags padded to 8 bytes, end tag (unless `endTag` is false).
    func build(endTag: Bool = true, totalSize: UInt32? = nil) -> [UInt8] {
        var body: [UInt8] = []
        for tag in tags {
            body.append(contentsOf: tag)
            while body.count % 8 != 0 { body.append(0) }
        }
        if endTag {
            body.append32(0)
            body.append32(8)
        }
        var blob: [UInt8] = []
        blob.append32(totalSize ?? UInt32(8 + body.count))
        blob.append32(0)
        blob.append(contentsOf: body)
        return blob
    }
}
