// SPDX-License-Identifier: GPL-2.0-only
// One size class of the kernel heap: slabs of equally sized objects and their free lists.

/// The objects of one size class, carved from slabs (page blocks of `slabOrder`).
///
/// A slab starts with a `SlabHeader`; its objects follow at `firstObjectOffset`, each at a
/// multiple of the class's alignment (the largest power of two dividing `objectSize`), so the
/// slab's natural alignment carries over to them. Slabs with free and live objects form a doubly
/// linked partial list; full slabs are on no list (a free finds its slab through the page
/// allocator); one slab that became empty is kept for reuse and a second one is given back.
struct SlabCache {
    /// The bytes reserved for the header at the start of each slab.
    static var headerByteCount: Int { 64 }
    /// The largest slab order tried when looking for little waste.
    private static var maxSlabOrder: Int { 3 }

    /// The size of each object in bytes.
    let objectSize: Int
    /// The order of the page blocks slabs are made of.
    let slabOrder: Int
    /// Where the first object lies in a slab.
    let firstObjectOffset: Int
    /// The number of objects a slab holds.
    let objectsPerSlab: Int
    /// The number of slabs taken from the page allocator and not given back.
    private(set) var slabCount = 0
    /// The number of objects handed out and not freed.
    private(set) var objectsInUse = 0
    /// The first slab with both free and live objects, or 0.
    private var partialSlabs: UInt = 0
    /// A slab with no live object kept for reuse, or 0.
    private var emptySlab: UInt = 0

    /// Creates the cache for `objectSize` (a multiple of 16), choosing the smallest slab order
    /// that leaves less than an eighth of the slab unused.
    init(objectSize: Int) {
        precondition(MemoryLayout<SlabHeader>.size <= Self.headerByteCount)
        let alignment = objectSize & -objectSize
        let offset = (Self.headerByteCount + alignment - 1) & -alignment
        var order = 0
        while order < Self.maxSlabOrder {
            let slabBytes = PageAllocator.pageSize << order
            let objects = (slabBytes - offset) / objectSize
            if (slabBytes - objects * objectSize) * 8 < slabBytes { break }
            order += 1
        }
        self.objectSize = objectSize
        slabOrder = order
        firstObjectOffset = offset
        objectsPerSlab = ((PageAllocator.pageSize << order) - offset) / objectSize
        precondition(objectsPerSlab <= SlabHeader.capacity)
    }

    /// Hands out an object, taking a slab from `pages` (marked with `tag`) if none has room.
    ///
    /// Returns the object's virtual address, or `nil` when the page allocator is exhausted.
    mutating func allocate(tag: UInt8, pages: inout PageAllocator) -> UInt? {
        if partialSlabs == 0 {
            if emptySlab != 0 {
                push(emptySlab)
                emptySlab = 0
            } else {
                guard let slab = makeSlab(tag: tag, pages: &pages) else { return nil }
                push(slab)
            }
        }
        let slab = partialSlabs
        var header = loadHeader(slab)
        let object = header.firstFree
        header.firstFree = loadFreeLink(object)
        header.setLive((Int(object - slab) - firstObjectOffset) / objectSize, true)
        header.liveCount += 1
        storeHeader(slab, header)
        if header.firstFree == 0 {
            unlink(slab)
        }
        objectsInUse += 1
        return object
    }

    /// Frees `object`, which lies in the slab starting at `slab`, and gives an empty slab
    /// back to `pages` when one is already kept.
    ///
    /// Refuses with `notAllocated` or `interiorPointer` anything but a live object's start.
    ///
    /// - Safety: `slab` must be a live slab of this cache, and nothing may use the object after.
    @unsafe
    mutating func free(_ object: UInt, slab: UInt, pages: inout PageAllocator) throws(MemoryError) {
        var header = loadHeader(slab)
        let index = try liveIndex(of: object, slab: slab, header: header)
        let wasFull = header.firstFree == 0
        storeFreeLink(object, header.firstFree)
        header.firstFree = object
        header.setLive(index, false)
        header.liveCount -= 1
        storeHeader(slab, header)
        objectsInUse -= 1
        if header.liveCount == 0 {
            if !wasFull {
                unlink(slab)
            }
            if emptySlab == 0 {
                emptySlab = slab
            } else {
                unsafe release(slab, pages: &pages)
            }
        } else if wasFull {
            push(slab)
        }
    }

    /// Checks that `object` is the start of a live object of the slab at `slab`.
    ///
    /// - Safety: `slab` must be a live slab of this cache.
    @unsafe
    func validate(_ object: UInt, slab: UInt) throws(MemoryError) {
        _ = try liveIndex(of: object, slab: slab, header: loadHeader(slab))
    }

    /// Gives the kept empty slab back to `pages`; returns the number of pages freed.
    mutating func releaseEmptySlab(pages: inout PageAllocator) -> Int {
        guard emptySlab != 0 else { return 0 }
        // SAFETY: the kept slab has no live object and is on no list.
        unsafe release(emptySlab, pages: &pages)
        emptySlab = 0
        return 1 << slabOrder
    }

    private func liveIndex(of object: UInt, slab: UInt, header: SlabHeader) throws(MemoryError)
        -> Int
    {
        let offset = Int(object - slab) - firstObjectOffset
        guard offset >= 0, offset / objectSize < objectsPerSlab else { throw .notAllocated }
        let index = offset / objectSize
        guard header.isLive(index) else { throw .notAllocated }
        guard offset % objectSize == 0 else { throw .interiorPointer }
        return index
    }

    /// Takes a block from `pages` and threads all its objects onto a free list.
    private mutating func makeSlab(tag: UInt8, pages: inout PageAllocator) -> UInt? {
        guard let physical = pages.allocate(order: slabOrder, tag: tag) else { return nil }
        let slab = pages.directMapBase + UInt(physical)
        var next: UInt = 0
        for index in stride(from: objectsPerSlab - 1, through: 0, by: -1) {
            let object = slab + UInt(firstObjectOffset + index * objectSize)
            storeFreeLink(object, next)
            next = object
        }
        storeHeader(slab, SlabHeader(firstFree: next))
        slabCount += 1
        return slab
    }

    /// - Safety: `slab` must have no live object and be on no list.
    @unsafe
    private mutating func release(_ slab: UInt, pages: inout PageAllocator) {
        do {
            // SAFETY: the slab holds no live object and no list refers to it any more.
            try unsafe pages.free(UInt64(slab - pages.directMapBase), order: slabOrder)
        } catch {
            preconditionFailure("heap slab was not a live page block")
        }
        slabCount -= 1
    }

    private mutating func push(_ slab: UInt) {
        var header = loadHeader(slab)
        header.next = partialSlabs
        header.previous = 0
        storeHeader(slab, header)
        if partialSlabs != 0 {
            var headHeader = loadHeader(partialSlabs)
            headHeader.previous = slab
            storeHeader(partialSlabs, headHeader)
        }
        partialSlabs = slab
    }

    private mutating func unlink(_ slab: UInt) {
        let header = loadHeader(slab)
        if header.previous == 0 {
            partialSlabs = header.next
        } else {
            var previousHeader = loadHeader(header.previous)
            previousHeader.next = header.next
            storeHeader(header.previous, previousHeader)
        }
        if header.next != 0 {
            var nextHeader = loadHeader(header.next)
            nextHeader.previous = header.previous
            storeHeader(header.next, nextHeader)
        }
    }

    private func loadHeader(_ slab: UInt) -> SlabHeader {
        // SAFETY: `slab` is the direct-map address of a page block this cache owns (page
        // aligned, mapped, given to the heap by the page allocator), whose first bytes hold
        // its header.
        unsafe UnsafeRawPointer(bitPattern: slab)!.load(as: SlabHeader.self)
    }

    private func storeHeader(_ slab: UInt, _ header: SlabHeader) {
        // SAFETY: as in `loadHeader(_:)`; no object overlaps the header.
        unsafe UnsafeMutableRawPointer(bitPattern: slab)!.storeBytes(
            of: header, as: SlabHeader.self)
    }

    private func loadFreeLink(_ object: UInt) -> UInt {
        // SAFETY: `object` is a free object of a slab this cache owns: at least 16 bytes,
        // 16-byte aligned, mapped, and its first word holds the next free object.
        unsafe UnsafeRawPointer(bitPattern: object)!.load(as: UInt.self)
    }

    private func storeFreeLink(_ object: UInt, _ next: UInt) {
        // SAFETY: as in `loadFreeLink(_:)`; the object is free, so no one else uses its bytes.
        unsafe UnsafeMutableRawPointer(bitPattern: object)!.storeBytes(of: next, as: UInt.self)
    }
}

/// The first bytes of a slab.
private struct SlabHeader {
    /// The most objects a slab may hold: one bit each in `live`.
    static var capacity: Int { 256 }

    /// The next slab on the partial list, or 0.
    var next: UInt = 0
    /// The previous slab on the partial list, or 0.
    var previous: UInt = 0
    /// The first free object; each free object's first word holds the next one, 0 ends the list.
    var firstFree: UInt
    /// The number of live objects.
    var liveCount = 0
    /// Bit `i` is set while object `i` is handed out: catches double and stray frees in O(1).
    var live = InlineArray<4, UInt64>(repeating: 0)

    init(firstFree: UInt) {
        self.firstFree = firstFree
    }

    func isLive(_ index: Int) -> Bool {
        live[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    mutating func setLive(_ index: Int, _ isLive: Bool) {
        let bit: UInt64 = 1 << UInt64(index & 63)
        if isLive {
            live[index >> 6] |= bit
        } else {
            live[index >> 6] &= ~bit
        }
    }
}
