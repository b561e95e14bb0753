// SPDX-License-Identifier: GPL-2.0-only
// The kernel heap: size-classed slabs for small objects and whole page blocks for large ones.

/// The kernel heap, built on `PageAllocator`; it backs Swift's allocations, C `malloc` and
/// `posix_memalign`, and Linux `kmalloc`.
///
/// Requests up to 2048 bytes are served from slabs of 14 size classes: 16, 32, 48, 64, 96,
/// 128, 192, …, 1536, 2048 (16, 32, then 1.5× and 2× each power of two). Every object is
/// aligned to the largest power of two dividing its class size, so a power-of-two request is
/// naturally aligned, as `kmalloc` guarantees; a stricter alignment moves the request up to a
/// class that provides it. Larger requests, and alignments beyond 2048, get a page block of
/// the order that fits both size and alignment.
///
/// The heap finds a pointer's slab or block through the page allocator's per-frame records:
/// every page block it owns carries a tag (`0x40 + class` for slabs, `0x4F` for large blocks),
/// so other users of the page allocator must not allocate with tags in `0x40...0x4F`. Nothing
/// here allocates Swift objects. The heap takes no lock; the kernel must serialise every call
/// together with the page allocator's.
public struct Heap {
    private typealias Caches = InlineArray<14, SlabCache>

    /// The number of size classes.
    public static var sizeClassCount: Int { Caches.count }
    /// The largest request served from a slab.
    public static var largestSizeClass: Int { objectSize(ofClass: sizeClassCount - 1) }

    private static var slabTagBase: UInt8 { 0x40 }
    private static var largeBlockTag: UInt8 { 0x4F }

    /// The object size of size class `index` (in `0..<sizeClassCount`).
    private static func objectSize(ofClass index: Int) -> Int {
        if index < 2 { return 16 << index }
        let power = 32 << ((index - 2) / 2)
        return index % 2 == 0 ? power + power / 2 : power * 2
    }

    /// The allocation counts of one size class, for `meminfo`.
    public struct SizeClassStatistics: Equatable {
        /// The size of each object in bytes.
        public var objectSize: Int
        /// The number of objects one slab holds.
        public var objectsPerSlab: Int
        /// The number of slabs held, including an empty one kept for reuse.
        public var slabs: Int
        /// The number of pages those slabs take.
        public var pages: Int
        /// The number of objects handed out and not freed.
        public var objectsInUse: Int
    }

    private var caches: Caches
    /// The number of live page-block allocations (requests above the largest class).
    public private(set) var largeAllocations = 0
    /// The number of pages those blocks take.
    public private(set) var largeAllocationPages = 0

    /// Creates an empty heap; it takes pages only when asked for memory.
    public init() {
        caches = Caches { index in SlabCache(objectSize: Heap.objectSize(ofClass: index)) }
    }

    /// The statistics of size class `index` (in `0..<sizeClassCount`).
    public func statistics(ofClass index: Int) -> SizeClassStatistics {
        let cache = caches[index]
        return SizeClassStatistics(
            objectSize: cache.objectSize,
            objectsPerSlab: cache.objectsPerSlab,
            slabs: cache.slabCount,
            pages: cache.slabCount << cache.slabOrder,
            objectsInUse: cache.objectsInUse)
    }

    /// Allocates `size` bytes aligned to `alignment`, taking pages from `pages`.
    ///
    /// `alignment` must be a power of two; any up to 4096 is honoured for every size, larger
    /// ones through a page block of at least that size. A `size` of 0 gives a distinct
    /// minimal object. When the page allocator is exhausted the heap gives back the empty
    /// slabs it keeps and tries once more.
    ///
    /// Returns `nil` when memory is exhausted, `size` is negative or too large for one block,
    /// or `alignment` is not a power of two.
    public mutating func allocate(
        size: Int, alignment: Int, pages: inout PageAllocator
    ) -> UnsafeMutableRawPointer? {
        guard size >= 0, alignment > 0, alignment & (alignment - 1) == 0 else { return nil }
        var address = allocateAddress(size: size, alignment: alignment, pages: &pages)
        if address == nil, releaseCachedSlabs(pages: &pages) > 0 {
            address = allocateAddress(size: size, alignment: alignment, pages: &pages)
        }
        guard let address else { return nil }
        return unsafe UnsafeMutableRawPointer(bitPattern: address)
    }

    /// Frees the allocation starting at `pointer`.
    ///
    /// Refuses, changing nothing: `foreignPointer` for memory the heap does not own,
    /// `notAllocated` for a freed or never-allocated address (a double free), and
    /// `interiorPointer` for an address inside a live allocation.
    ///
    /// - Safety: nothing may use the allocation after it is freed.
    @unsafe
    public mutating func free(
        _ pointer: UnsafeMutableRawPointer, pages: inout PageAllocator
    ) throws(MemoryError) {
        let address = UInt(bitPattern: pointer)
        switch try owner(of: address, pages: pages) {
        case .slab(let index, let slab):
            try unsafe caches[index].free(address, slab: slab, pages: &pages)
        case .largeBlock(let block):
            // SAFETY: `owner` checked that the block is a live large allocation starting here.
            try unsafe pages.free(block.address, order: block.order)
            largeAllocations -= 1
            largeAllocationPages -= 1 << block.order
        }
    }

    /// The number of bytes usable at `pointer`, the start of a live allocation (at least the
    /// size asked for); refuses other pointers as `free` does.
    public func usableSize(
        of pointer: UnsafeRawPointer, pages: PageAllocator
    ) throws(MemoryError) -> Int {
        switch try owner(of: UInt(bitPattern: pointer), pages: pages) {
        case .slab(let index, let slab):
            // SAFETY: `owner` found `slab` through a live page block tagged for this cache.
            try unsafe caches[index].validate(UInt(bitPattern: pointer), slab: slab)
            return caches[index].objectSize
        case .largeBlock(let block):
            return PageAllocator.pageSize << block.order
        }
    }

    /// Gives back to `pages` the empty slab each size class keeps for reuse; returns the
    /// number of pages freed.
    @discardableResult
    public mutating func releaseCachedSlabs(pages: inout PageAllocator) -> Int {
        var released = 0
        for index in caches.indices {
            released += caches[index].releaseEmptySlab(pages: &pages)
        }
        return released
    }

    /// The smallest size class that holds `size` bytes at `alignment`, if any.
    private func sizeClass(size: Int, alignment: Int) -> Int? {
        for index in caches.indices {
            let objectSize = caches[index].objectSize
            if objectSize >= size, objectSize & -objectSize >= alignment {
                return index
            }
        }
        return nil
    }

    private mutating func allocateAddress(
        size: Int, alignment: Int, pages: inout PageAllocator
    ) -> UInt? {
        if let index = sizeClass(size: size, alignment: alignment) {
            return caches[index].allocate(tag: Self.slabTagBase + UInt8(index), pages: &pages)
        }
        guard let order = PageAllocator.order(forByteCount: max(size, alignment)),
            let physical = pages.allocate(order: order, tag: Self.largeBlockTag)
        else { return nil }
        largeAllocations += 1
        largeAllocationPages += 1 << order
        return pages.directMapBase + UInt(physical)
    }

    /// What holds a heap address.
    private enum Owner {
        /// The slab starting at the given address, of the given size class; the address is
        /// not yet checked against the slab's objects.
        case slab(Int, UInt)
        /// A large allocation starting exactly at the address.
        case largeBlock(PageAllocator.AllocatedBlock)
    }

    private func owner(of address: UInt, pages: PageAllocator) throws(MemoryError) -> Owner {
        guard address >= pages.directMapBase,
            UInt64(address - pages.directMapBase) < pages.memoryEnd
        else { throw .foreignPointer }
        let physical = UInt64(address - pages.directMapBase)
        guard let block = pages.allocatedBlock(containing: physical) else { throw .notAllocated }
        let blockAddress = pages.directMapBase + UInt(block.address)
        if block.tag == Self.largeBlockTag {
            guard physical == block.address else { throw .interiorPointer }
            return .largeBlock(block)
        }
        let index = Int(block.tag) - Int(Self.slabTagBase)
        guard index >= 0, index < Self.sizeClassCount, block.order == caches[index].slabOrder
        else { throw .foreignPointer }
        return .slab(index, blockAddress)
    }
}
