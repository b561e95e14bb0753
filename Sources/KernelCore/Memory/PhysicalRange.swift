// SPDX-License-Identifier: GPL-2.0-only
// A range of physical addresses, and the subtraction of reserved ranges from usable RAM.

/// The physical addresses `base..<end`.
public struct PhysicalRange: Equatable {
    /// First byte of the range.
    public var base: UInt64
    /// One past the last byte of the range.
    public var end: UInt64

    /// Creates the range `base..<end`; it is empty when `end <= base`.
    public init(base: UInt64, end: UInt64) {
        self.base = base
        self.end = end
    }

    /// Whether the range holds no address.
    public var isEmpty: Bool { end <= base }

    /// Calls `body` with each piece of this range that no range of `reserved` covers, in
    /// ascending order.
    ///
    /// `reserved` may be unsorted, overlapping, and contain empty ranges. This is how the kernel
    /// keeps its image, the allocator metadata, the boot information and the boot modules out of
    /// the usable regions it gives `PageAllocator.addFreeRegion(_:)`. It allocates nothing and
    /// takes O(pieces × reserved.count) steps.
    public func forEachPiece<Failure: Error>(
        excluding reserved: Span<PhysicalRange>,
        _ body: (PhysicalRange) throws(Failure) -> Void
    ) throws(Failure) {
        var cursor = base
        while cursor < end {
            // The reserved range that overlaps cursor..<end and starts first.
            var blocker: PhysicalRange? = nil
            for index in reserved.indices {
                let range = reserved[index]
                guard !range.isEmpty, range.base < end, range.end > cursor else { continue }
                if let current = blocker, current.base <= range.base { continue }
                blocker = range
            }
            guard let blocker else {
                try body(PhysicalRange(base: cursor, end: end))
                return
            }
            if blocker.base > cursor {
                try body(PhysicalRange(base: cursor, end: blocker.base))
            }
            cursor = blocker.end
        }
    }
}
