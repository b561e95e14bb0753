// SPDX-License-Identifier: GPL-2.0-only
// The kernel log ring buffer: fixed-size storage of timestamped, levelled records, oldest overwritten.

/// The kernel log: a ring of variable-length records in `capacity` bytes of inline storage.
///
/// Each record holds a ``LogLevel``, a timestamp in nanoseconds since boot and up to
/// ``maximumTextLength`` bytes of text. When the ring is full, appending overwrites the oldest
/// records, like Linux's printk buffer; every record gets a sequence number (0, 1, 2, …) so a
/// reader can tell how many it missed. Nothing here allocates or locks: the owner serialises
/// access (the kernel keeps one global ring behind an interrupt-disabling lock, set up before
/// interrupts are enabled).
///
/// Storage layout: records are packed back to back, wrapping byte-wise at the end of the
/// storage; each is a header — text length (UInt16, little-endian), level (1 byte), timestamp
/// (UInt64, little-endian) — followed by the text.
///
/// A global `var` of this type is placed in `.bss` by the optimiser (no stack copy, no lazy
/// initialisation); verified for `-Osize` builds of the kernel.
public struct LogRing<let capacity: Int> {
    private static var headerSize: Int { 11 }

    private var storage: InlineArray<capacity, UInt8>
    /// Logical byte position of the oldest record (storage index: position modulo capacity).
    private var head: UInt64 = 0
    /// Logical byte position where the next record goes.
    private var tail: UInt64 = 0

    /// The sequence number of the oldest record still stored (all earlier ones were overwritten).
    public private(set) var firstSequence: UInt64 = 0

    /// The sequence number the next appended record gets.
    public private(set) var nextSequence: UInt64 = 0

    /// An empty ring. `capacity` must leave room for at least one header and one byte of text.
    public init() {
        precondition(capacity > LogRing.headerSize, "LogRing capacity too small")
        storage = InlineArray(repeating: 0)
    }

    /// The longest text a record keeps; longer text is cut to this length.
    public var maximumTextLength: Int {
        min(capacity - LogRing.headerSize, Int(UInt16.max))
    }

    /// The number of records stored.
    public var count: Int { Int(nextSequence - firstSequence) }

    /// Appends a record, overwriting the oldest records as needed, and returns its sequence number.
    ///
    /// Text longer than ``maximumTextLength`` is truncated.
    @discardableResult
    public mutating func append<Text: Collection<UInt8>>(level: LogLevel, timestamp: UInt64, text: Text) -> UInt64 {
        let length = min(text.count, maximumTextLength)
        let size = UInt64(LogRing.headerSize + length)
        while tail - head + size > UInt64(capacity) {
            head += UInt64(LogRing.headerSize) + UInt64(textLength(at: head))
            firstSequence += 1
        }
        store(UInt8(truncatingIfNeeded: length), at: tail)
        store(UInt8(truncatingIfNeeded: length >> 8), at: tail + 1)
        store(level.rawValue, at: tail + 2)
        for index in 0..<8 {
            store(UInt8(truncatingIfNeeded: timestamp >> (index * 8)), at: tail + 3 + UInt64(index))
        }
        var position = tail + UInt64(LogRing.headerSize)
        for byte in text.prefix(length) {
            store(byte, at: position)
            position += 1
        }
        tail = position
        nextSequence += 1
        return nextSequence - 1
    }

    /// A cursor at the oldest stored record.
    public var oldest: LogCursor {
        LogCursor(sequence: firstSequence, position: head)
    }

    /// The record at `cursor`, advancing `cursor` past it; `nil` once every record has been read.
    ///
    /// A cursor whose record was overwritten since it was obtained is first moved to the oldest
    /// stored record: its sequence number jumps, and the difference is the number of records lost.
    public func next(_ cursor: inout LogCursor) -> LogRecord? {
        if cursor.sequence < firstSequence {
            cursor = oldest
        }
        guard cursor.sequence < nextSequence else { return nil }
        var timestamp: UInt64 = 0
        for index in 0..<8 {
            timestamp |= UInt64(load(at: cursor.position + 3 + UInt64(index))) << (index * 8)
        }
        let record = LogRecord(
            sequence: cursor.sequence,
            level: LogLevel(rawValue: load(at: cursor.position + 2) & 7) ?? .debug,
            timestamp: timestamp,
            textLength: textLength(at: cursor.position),
            textPosition: cursor.position + UInt64(LogRing.headerSize)
        )
        cursor.sequence += 1
        cursor.position = record.textPosition + UInt64(record.textLength)
        return record
    }

    /// Calls `body` with every stored record, oldest first.
    public func forEach(_ body: (LogRecord) -> Void) {
        var cursor = oldest
        while let record = next(&cursor) {
            body(record)
        }
    }

    /// Writes the text of `record` into `sink`; writes nothing if the record has been overwritten.
    public func writeText<Sink: TextSink>(of record: LogRecord, to sink: inout Sink) {
        guard record.sequence >= firstSequence && record.sequence < nextSequence else { return }
        var position = record.textPosition
        for _ in 0..<record.textLength {
            sink.write(load(at: position))
            position += 1
        }
    }

    /// Writes `record` as dmesg shows it, `[    1.234567] text`, without a line end.
    public func format<Sink: TextSink>(_ record: LogRecord, to sink: inout Sink) {
        sink.write(LogTimestamp(nanoseconds: record.timestamp))
        sink.write(" ")
        writeText(of: record, to: &sink)
    }

    private func textLength(at position: UInt64) -> Int {
        Int(load(at: position)) | Int(load(at: position + 1)) << 8
    }

    private func load(at position: UInt64) -> UInt8 {
        storage[Int(position % UInt64(capacity))]
    }

    private mutating func store(_ byte: UInt8, at position: UInt64) {
        storage[Int(position % UInt64(capacity))] = byte
    }
}

/// One record of a ``LogRing``, as returned by `LogRing.next(_:)`; its text stays in the ring.
public struct LogRecord {
    /// The record's sequence number: 0 for the first record ever appended.
    public let sequence: UInt64
    /// The record's level.
    public let level: LogLevel
    /// Nanoseconds since boot when the record was made.
    public let timestamp: UInt64
    /// The number of text bytes.
    public let textLength: Int
    fileprivate let textPosition: UInt64
}

/// A reader's position in a ``LogRing`` (see `LogRing.next(_:)`).
public struct LogCursor {
    /// The sequence number of the next record this cursor reads.
    public fileprivate(set) var sequence: UInt64
    fileprivate var position: UInt64
}

/// A timestamp as Linux prints it before a log line: `[%5lu.%06lu]`, seconds and microseconds.
public struct LogTimestamp: TextStreamable {
    /// Nanoseconds since boot.
    public var nanoseconds: UInt64

    /// The timestamp `nanoseconds` after boot.
    public init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// Writes `[    1.234567]`: seconds right-aligned in 5 columns (wider if needed), then the
    /// microseconds (truncated, like Linux) in 6 zero-padded digits.
    public func write<Sink: TextSink>(to sink: inout Sink) {
        sink.write("[")
        sink.writeDecimal(nanoseconds / 1_000_000_000, width: 5)
        sink.write(".")
        sink.writeDecimal(nanoseconds % 1_000_000_000 / 1_000, width: 6, padding: 0x30)
        sink.write("]")
    }
}
