// SPDX-License-Identifier: GPL-2.0-only
// The boot loader's linear framebuffer, mapped write-combining: clearing it and copying pixel strips into it.
import KernelCore

/// A mapped linear framebuffer. Every write is checked to lie inside the `pitch × height` bytes mapped.
struct LinearFramebuffer {
    let physicalAddress: UInt64
    let width: Int
    let height: Int
    let pitch: Int
    let byteCount: Int
    private let base: UInt64

    /// Maps the framebuffer the boot loader described.
    init(_ description: MultibootFramebuffer) {
        physicalAddress = description.address
        width = Int(description.width)
        height = Int(description.height)
        pitch = Int(description.pitch)
        byteCount = Int(description.byteCount)
        base = KernelMemory.mapMMIO(physical: description.address, length: description.byteCount, flags: .framebuffer)
    }

    /// Fills every scanline with `pixel` (the bytes of one pixel).
    func fill(_ pixel: [UInt8]) {
        let rowBytes = width * pixel.count
        var scanline = [UInt8](repeating: 0, count: rowBytes)
        for index in 0..<rowBytes { scanline[index] = pixel[index % pixel.count] }
        for y in 0..<height { copy(scanline, sourceOffset: 0, count: rowBytes, to: y * pitch) }
    }

    /// Copies the `height` scanlines of `strip` (`stripPitch` bytes each) to the framebuffer from scanline `y`,
    /// at the left edge; scanlines below the screen are dropped.
    func copy(strip: [UInt8], stripPitch: Int, scanlines: Int, toScanline y: Int) {
        for line in 0..<scanlines where y + line < height {
            copy(strip, sourceOffset: line * stripPitch, count: min(stripPitch, pitch), to: (y + line) * pitch)
        }
    }

    private func copy(_ bytes: [UInt8], sourceOffset: Int, count: Int, to offset: Int) {
        guard sourceOffset >= 0, count > 0, sourceOffset + count <= bytes.count,
              offset >= 0, offset + count <= byteCount else { return }
        unsafe bytes.withUnsafeBytes { source in
            // SAFETY: the destination range was checked to lie inside the mapping of `byteCount` bytes, the
            // source range inside `bytes`; the framebuffer is device memory no Swift object aliases.
            unsafe UnsafeMutableRawPointer(bitPattern: UInt(base) + UInt(offset))!
                .copyMemory(from: source.baseAddress! + sourceOffset, byteCount: count)
        }
    }
}
