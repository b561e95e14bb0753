// SPDX-License-Identifier: GPL-2.0-only
// Page-granular ranges of a virtual address window (the vmalloc area), handed out first fit.

/// Hands out runs of pages from a window of virtual address space and takes them back.
///
/// The free space is a list of runs sorted by address; an allocation takes the lowest run that is
/// large enough, and a release merges with free neighbours, so the window does not fragment into
/// unusable pieces under alloc/free churn. Only addresses are managed: mapping memory behind them is
/// the caller's business. The allocator takes no lock; the kernel must serialise every call.
public struct VirtualRangeAllocator {
    /// A free run: first page index and page count.
    private struct Run {
        var first: Int
        var count: Int
    }

    /// The first address of the window.
    public let base: UInt64
    /// The window's size in pages.
    public let pageCount: Int
    private var runs: [Run]

    private static var pageSize: UInt64 { 4096 }

    /// A window of `pageCount` pages starting at `base` (page-aligned), all free.
    public init(base: UInt64, pageCount: Int) {
        precondition(base % Self.pageSize == 0 && pageCount > 0, "VirtualRangeAllocator: bad window")
        self.base = base
        self.pageCount = pageCount
        runs = [Run(first: 0, count: pageCount)]
    }

    /// The number of free pages (for statistics and tests).
    public var freePages: Int {
        var total = 0
        for run in runs { total += run.count }
        return total
    }

    /// The address of `pages` consecutive free pages, now taken, or nil when no free run is large enough.
    public mutating func allocate(pages: Int) -> UInt64? {
        guard pages > 0 else { return nil }
        guard let index = runs.firstIndex(where: { $0.count >= pages }) else { return nil }
        let first = runs[index].first
        if runs[index].count == pages {
            runs.remove(at: index)
        } else {
            runs[index].first += pages
            runs[index].count -= pages
        }
        return base + UInt64(first) * Self.pageSize
    }

    /// Gives back `pages` pages at `address`.
    ///
    /// Refuses, changing nothing: `misaligned` for an address that is not a page start, `outOfRange`
    /// for a range outside the window, `notAllocated` when any of its pages is already free.
    public mutating func release(_ address: UInt64, pages: Int) throws(MemoryError) {
        guard address % Self.pageSize == 0 else { throw .misaligned }
        guard address >= base, pages > 0 else { throw .outOfRange }
        let offset = (address - base) / Self.pageSize
        guard offset < UInt64(pageCount), UInt64(pages) <= UInt64(pageCount) - offset else { throw .outOfRange }
        let first = Int(offset)
        let end = first + pages
        // The run after the released range, and the one before it.
        let next = runs.firstIndex(where: { $0.first >= first }) ?? runs.count
        if next < runs.count, runs[next].first < end { throw .notAllocated }
        if next > 0, runs[next - 1].first + runs[next - 1].count > first { throw .notAllocated }
        let joinsPrevious = next > 0 && runs[next - 1].first + runs[next - 1].count == first
        let joinsNext = next < runs.count && runs[next].first == end
        switch (joinsPrevious, joinsNext) {
        case (true, true):
            runs[next - 1].count += pages + runs[next].count
            runs.remove(at: next)
        case (true, false):
            runs[next - 1].count += pages
        case (false, true):
            runs[next].first = first
            runs[next].count += pages
        case (false, false):
            runs.insert(Run(first: first, count: pages), at: next)
        }
    }
}
