// SPDX-License-Identifier: GPL-2.0-only
// A fixed ring of 4096 bytes, for the serial transmit queue and the console's input.

/// First in, first out; the owner keeps it behind its lock.
struct ByteRing {
    static let capacity = 4096
    private var bytes = InlineArray<4096, UInt8>(repeating: 0)
    private var head = 0                                // next to read
    private var tail = 0                                // next to write

    var isEmpty: Bool { head == tail }
    var isFull: Bool { tail - head == Self.capacity }

    mutating func push(_ byte: UInt8) {
        bytes[tail % Self.capacity] = byte
        tail += 1
    }

    mutating func pop() -> UInt8? {
        guard !isEmpty else { return nil }
        let byte = bytes[head % Self.capacity]
        head += 1
        return byte
    }
}
