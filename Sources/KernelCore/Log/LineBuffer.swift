// SPDX-License-Identifier: GPL-2.0-only
// A fixed-capacity text line composed in place (on the stack) before it is committed somewhere.

/// A line of at most `capacity` bytes, stored inline, that is itself a ``TextSink``.
///
/// A log record or a shell reply is composed into a `LineBuffer` with the formatting helpers of
/// `TextSink`, then handed on whole (to `LogRing.append`, to a console). It never allocates:
/// bytes beyond the capacity are dropped and ``isTruncated`` is set.
public struct LineBuffer<let capacity: Int>: TextSink, TextStreamable, RandomAccessCollection {
    private var storage: InlineArray<capacity, UInt8>

    /// The number of bytes written so far (at most `capacity`).
    public private(set) var count: Int

    /// Whether bytes were dropped because the line was full.
    public private(set) var isTruncated: Bool

    /// An empty line.
    public init() {
        storage = InlineArray(repeating: 0)
        count = 0
        isTruncated = false
    }

    /// The index of the first byte, always 0.
    public var startIndex: Int { 0 }

    /// One past the index of the last byte written.
    public var endIndex: Int { count }

    /// The byte at `position`, which must be below ``count``.
    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "LineBuffer index out of range")
        return storage[position]
    }

    /// Appends `byte`, or drops it and sets ``isTruncated`` when the line is full.
    public mutating func write(_ byte: UInt8) {
        guard count < capacity else {
            isTruncated = true
            return
        }
        storage[count] = byte
        count += 1
    }

    /// Empties the line for reuse.
    public mutating func removeAll() {
        count = 0
        isTruncated = false
    }

    /// Removes the last byte (a line editor's backspace); does nothing on an empty line.
    public mutating func dropLastByte() {
        guard count > 0 else { return }
        count -= 1
        isTruncated = false
    }

    /// Writes the bytes of the line.
    public func write<Sink: TextSink>(to sink: inout Sink) {
        sink.write(contentsOf: self)
    }
}
