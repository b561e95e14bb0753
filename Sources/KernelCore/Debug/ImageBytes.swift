// SPDX-License-Identifier: GPL-2.0-only
// A bounds-checked, read-only byte collection over memory that stays mapped for the kernel's lifetime.

/// Read-only bytes that live as long as the kernel: a section of the kernel image (the symbol
/// table), or other memory mapped once and never unmapped.
///
/// Raw memory enters in one place, the unsafe initialiser; after that every read is
/// bounds-checked, so types built on it (`SymbolTable<ImageBytes>`, its name slices) are safe to
/// use without `unsafe` and without copying the bytes.
@safe
public struct ImageBytes: RandomAccessCollection {
    private let start: UnsafeRawPointer

    /// The number of bytes.
    public let count: Int

    /// The `count` bytes at `start`.
    ///
    /// The caller must guarantee that those bytes are readable and never change or get unmapped
    /// while the kernel runs (for example a read-only section of the image, between two linker
    /// symbols).
    @unsafe
    public init(start: UnsafeRawPointer, count: Int) {
        precondition(count >= 0, "ImageBytes count must not be negative")
        unsafe self.start = start
        self.count = count
    }

    /// The index of the first byte, always 0.
    public var startIndex: Int { 0 }

    /// The number of bytes.
    public var endIndex: Int { count }

    /// The byte at `position`, which must be below ``count``.
    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "ImageBytes index out of range")
        // SAFETY: `position` is inside the `count` bytes at `start`, which the initialiser's
        // caller guaranteed readable and unchanging for the kernel's lifetime.
        return unsafe start.load(fromByteOffset: position, as: UInt8.self)
    }
}
