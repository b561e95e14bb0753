// SPDX-License-Identifier: GPL-2.0-only
// A bounds-checked little-endian reader over bytes handed over by firmware or a boot loader.

/// A read-only, bounds-checked view of untrusted bytes, read little-endian.
///
/// Every read returns `nil` when any byte of it lies outside the view, so parsers never trap
/// on malformed input. The bytes are owned by the reader (an array shared by all slices, never
/// copied again), so a value validated once (a checksum, a length) cannot change under the
/// parser afterwards, and everything built on a reader is safe Swift. Raw memory enters in
/// exactly one place, `init(copying:)`.
public struct ByteReader {
    private let storage: [UInt8]
    private let start: Int

    /// The number of bytes in the view.
    public let count: Int

    /// A view of all of `bytes`.
    public init(_ bytes: [UInt8]) {
        storage = bytes
        start = 0
        count = bytes.count
    }

    /// A view of a copy of the bytes of `buffer`.
    ///
    /// The caller must guarantee that `buffer` describes readable memory for the duration of
    /// this call (for example a range of the kernel's direct map that it has checked is RAM
    /// or firmware-reserved memory); afterwards the reader no longer refers to it.
    @unsafe
    public init(copying buffer: UnsafeRawBufferPointer) {
        // SAFETY: the caller guarantees that `buffer` is readable for this call; the bytes are
        // copied into an array, so nothing keeps the pointer afterwards.
        self.init(unsafe Array(buffer))
    }

    private init(storage: [UInt8], start: Int, count: Int) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    /// Whether `count` bytes starting at `offset` lie inside the view (no arithmetic overflow).
    public func contains(offset: Int, count length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= count && length <= count - offset
    }

    /// The sub-view of `count` bytes at `offset`, or `nil` if it does not fit.
    public func slice(offset: Int, count length: Int) -> ByteReader? {
        guard contains(offset: offset, count: length) else { return nil }
        return ByteReader(storage: storage, start: start + offset, count: length)
    }

    /// The sub-view from `offset` to the end, or `nil` if `offset` is outside the view.
    public func suffix(from offset: Int) -> ByteReader? {
        slice(offset: offset, count: count - offset)
    }

    /// The byte at `offset`, or `nil` if outside the view.
    public func u8(at offset: Int) -> UInt8? {
        guard offset >= 0 && offset < count else { return nil }
        return storage[start + offset]
    }

    /// The little-endian 16-bit value at `offset`, or `nil` if any byte is outside the view.
    public func u16(at offset: Int) -> UInt16? {
        guard let value = unsigned(at: offset, size: 2) else { return nil }
        return UInt16(truncatingIfNeeded: value)
    }

    /// The little-endian 32-bit value at `offset`, or `nil` if any byte is outside the view.
    public func u32(at offset: Int) -> UInt32? {
        guard let value = unsigned(at: offset, size: 4) else { return nil }
        return UInt32(truncatingIfNeeded: value)
    }

    /// The little-endian 64-bit value at `offset`, or `nil` if any byte is outside the view.
    public func u64(at offset: Int) -> UInt64? {
        unsigned(at: offset, size: 8)
    }

    /// A copy of the `count` bytes at `offset`, or `nil` if they do not fit.
    public func bytes(offset: Int, count length: Int) -> [UInt8]? {
        guard contains(offset: offset, count: length) else { return nil }
        return Array(storage[(start + offset)..<(start + offset + length)])
    }

    /// A copy of all bytes of the view.
    public var allBytes: [UInt8] {
        Array(storage[start..<(start + count)])
    }

    /// The bytes from `offset` up to (not including) the first NUL, or `nil` if there is no
    /// NUL inside the view at or after `offset`.
    public func nulTerminatedBytes(at offset: Int) -> [UInt8]? {
        guard offset >= 0 && offset < count else { return nil }
        var end = offset
        while end < count {
            if storage[start + end] == 0 {
                return Array(storage[(start + offset)..<(start + end)])
            }
            end += 1
        }
        return nil
    }

    /// The 8-bit sum (modulo 256) of all bytes of the view; ACPI structures sum to zero.
    public var byteSum: UInt8 {
        var sum: UInt8 = 0
        for index in start..<(start + count) {
            sum &+= storage[index]
        }
        return sum
    }

    /// Whether the bytes at `offset` equal the ASCII text `text`.
    public func matches(_ text: StaticString, at offset: Int) -> Bool {
        let expected = ByteReader.bytes(of: text)
        guard contains(offset: offset, count: expected.count) else { return false }
        for index in 0..<expected.count where storage[start + offset + index] != expected[index] {
            return false
        }
        return true
    }

    /// A copy of the UTF-8 bytes of a string literal (no terminating NUL).
    public static func bytes(of text: StaticString) -> [UInt8] {
        // SAFETY: `withUTF8Buffer` hands a buffer that is valid for the closure; it is copied
        // into an array before the closure returns.
        text.withUTF8Buffer { buffer in unsafe Array(buffer) }
    }

    private func unsigned(at offset: Int, size: Int) -> UInt64? {
        guard contains(offset: offset, count: size) else { return nil }
        var value: UInt64 = 0
        var index = size
        while index > 0 {
            index -= 1
            value = (value << 8) | UInt64(storage[start + offset + index])
        }
        return value
    }
}
