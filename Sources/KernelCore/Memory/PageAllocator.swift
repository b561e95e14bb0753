// SPDX-License-Identifier: GPL-2.0-only
// The buddy allocator that hands out physical page frames in naturally aligned power-of-two blocks.

/// A buddy allocator over 4 KiB physical page frames.
///
/// A block of order `n` is `2^n` frames (4 KiB … 4 MiB for `n` in `0...maxOrder`) and starts at
/// a physical address that is a multiple of its size. Free blocks sit on one doubly linked list
/// per order; the links live in the first bytes of the free blocks themselves, reached through
/// the direct map, so a buddy is unlinked in O(1) when two blocks coalesce.
///
/// Each frame below `memoryEnd` has a two-byte record in a metadata buffer the caller provides
/// (`metadataByteCount(frameCount:)` bytes): whether the frame is outside managed memory, the
/// head of a free block, the head of an allocated block, or inside a block; the order of a head;
/// and a tag the owner of an allocated block chooses (the heap marks its pages with it).
///
/// Set-up: `init()` gives an empty allocator (cheap enough for a global), `configure` attaches
/// the metadata and the direct map, then `addFreeRegion(_:)` adds each range of free RAM. Memory
/// the kernel uses is never added: subtract it first with `PhysicalRange.forEachPiece`.
///
/// The allocator takes no lock; the kernel must serialise every call.
@safe
public struct PageAllocator {
    /// One entry per order, `0...maxOrder`.
    private typealias PerOrder<Element> = InlineArray<11, Element>

    /// The size of a page frame in bytes.
    public static var pageSize: Int { 4096 }

    /// The largest block order: blocks of `pageSize << maxOrder` bytes (4 MiB).
    public static var maxOrder: Int { PerOrder<Int>.count - 1 }

    /// The number of bytes of metadata needed to manage `frameCount` frames.
    public static func metadataByteCount(frameCount: Int) -> Int {
        frameCount * FrameRecord.byteCount
    }

    /// The number of frames below `memoryEnd`: what `configure` manages.
    public static func frameCount(memoryEnd: UInt64) -> Int {
        Int(memoryEnd >> pageShift)
    }

    /// The smallest order whose blocks hold `byteCount` bytes, or `nil` if it exceeds `maxOrder`.
    public static func order(forByteCount byteCount: Int) -> Int? {
        var order = 0
        while pageSize << order < byteCount {
            guard order < maxOrder else { return nil }
            order += 1
        }
        return order
    }

    /// A live block, as found by `allocatedBlock(containing:)`.
    public struct AllocatedBlock: Equatable {
        /// The physical address of its first byte.
        public var address: UInt64
        /// Its order.
        public var order: Int
        /// The tag given when it was allocated.
        public var tag: UInt8

        /// Describes the block of `order` at `address` carrying `tag`.
        public init(address: UInt64, order: Int, tag: UInt8) {
            self.address = address
            self.order = order
            self.tag = tag
        }
    }

    private static var pageShift: UInt64 { 12 }
    /// Marks the end of a free list.
    private static var noFrame: Int { -1 }

    private var metadata: UnsafeMutableRawBufferPointer
    /// The virtual address at which physical address 0 is mapped.
    public private(set) var directMapBase: UInt
    /// The number of frames the metadata describes.
    private var frameCount: Int
    /// The number of frames added with `addFreeRegion(_:)`.
    public private(set) var totalPages: Int
    /// The number of frames in free blocks.
    public private(set) var freePages: Int
    private var freeListHeads: PerOrder<Int>
    private var freeBlockCounts: PerOrder<Int>

    /// Creates an allocator that manages no memory; `allocate` returns `nil` until it is
    /// configured and given free regions.
    public init() {
        unsafe metadata = UnsafeMutableRawBufferPointer(start: nil, count: 0)
        directMapBase = 0
        frameCount = 0
        totalPages = 0
        freePages = 0
        freeListHeads = PerOrder(repeating: Self.noFrame)
        freeBlockCounts = PerOrder(repeating: 0)
    }

    /// Attaches the metadata buffer and the direct map; call once, before `addFreeRegion(_:)`.
    ///
    /// - Parameters:
    ///   - memoryEnd: the end of the highest range the allocator will manage; frames from
    ///     `memoryEnd` rounded down to a page upward are never managed.
    ///   - metadata: at least `metadataByteCount(frameCount: frameCount(memoryEnd:))` bytes;
    ///     they are cleared.
    ///   - directMapBase: the virtual address of physical address 0; a multiple of the largest
    ///     block size, so that virtual addresses share the blocks' natural alignment.
    ///
    /// - Safety: `metadata` must stay valid and be used by nothing else while the allocator
    ///   lives, and every physical range later added as free must be mapped writable at
    ///   `directMapBase + address` and belong to the allocator alone until allocated.
    @unsafe
    public mutating func configure(
        memoryEnd: UInt64,
        metadata: UnsafeMutableRawBufferPointer,
        directMapBase: UInt
    ) throws(MemoryError) {
        precondition(frameCount == 0, "PageAllocator configured twice")
        let frames = Self.frameCount(memoryEnd: memoryEnd)
        guard metadata.count >= Self.metadataByteCount(frameCount: frames) else {
            throw .metadataTooSmall
        }
        guard directMapBase % UInt(Self.pageSize << Self.maxOrder) == 0 else { throw .misaligned }
        guard UInt.max - directMapBase >= UInt(memoryEnd) else { throw .outOfRange }
        let used = unsafe UnsafeMutableRawBufferPointer(
            rebasing: metadata[0..<Self.metadataByteCount(frameCount: frames)])
        // SAFETY: `used` lies inside the buffer the caller lends us, and no record is live yet.
        unsafe used.initializeMemory(as: UInt8.self, repeating: FrameRecord.unmanaged.encoded.0)
        unsafe self.metadata = metadata
        self.directMapBase = directMapBase
        frameCount = frames
    }

    /// The end of the physical memory the allocator can manage (a multiple of the page size).
    public var memoryEnd: UInt64 { UInt64(frameCount) << Self.pageShift }

    /// The number of free blocks of `order` (in `0...maxOrder`).
    public func freeBlocks(order: Int) -> Int {
        freeBlockCounts[order]
    }

    /// Adds the free RAM in `region`, shrunk inward to whole pages, and coalesces it with
    /// free neighbours (regions may come in any order and touch each other).
    ///
    /// Throws `outOfRange` if the region reaches beyond `memoryEnd` and `overlapsManagedMemory`
    /// if any of its frames were already added; nothing is added then.
    ///
    /// - Safety: the region must be RAM, mapped as `configure` requires, and used by nothing
    ///   else: the allocator writes into it and hands it out.
    @unsafe
    public mutating func addFreeRegion(_ region: PhysicalRange) throws(MemoryError) {
        let pageMask = UInt64(Self.pageSize - 1)
        guard region.base <= UInt64.max - pageMask else { return }
        let first = (region.base + pageMask) >> Self.pageShift
        let end = region.end >> Self.pageShift
        guard first < end else { return }
        guard end <= UInt64(frameCount) else { throw .outOfRange }
        let frames = Int(first)..<Int(end)
        guard allUnmanaged(frames) else { throw .overlapsManagedMemory }
        markInterior(frames)
        totalPages += frames.count
        freePages += frames.count
        var frame = frames.lowerBound
        while frame < frames.upperBound {
            let fitting = Int.bitWidth - 1 - (frames.upperBound - frame).leadingZeroBitCount
            let order = min(Self.maxOrder, frame.trailingZeroBitCount, fitting)
            insertCoalescing(frame: frame, order: order)
            frame += 1 << order
        }
    }

    /// Allocates a block of `order` and marks it with `tag`.
    ///
    /// Returns its physical address, a multiple of `pageSize << order`, or `nil` if no block
    /// that large is free or `order` is outside `0...maxOrder`.
    public mutating func allocate(order: Int, tag: UInt8 = 0) -> UInt64? {
        guard order >= 0, order <= Self.maxOrder else { return nil }
        var found = order
        while freeListHeads[found] == Self.noFrame {
            guard found < Self.maxOrder else { return nil }
            found += 1
        }
        let frame = freeListHeads[found]
        unlink(frame: frame, order: found)
        // Split off upper halves until the block has the requested size.
        while found > order {
            found -= 1
            push(frame: frame + (1 << found), order: found)
        }
        setRecord(frame, FrameRecord(state: .allocatedHead, order: order, tag: tag))
        freePages -= 1 << order
        return UInt64(frame) << Self.pageShift
    }

    /// Frees the block of `order` at `address` and coalesces it with free buddies.
    ///
    /// Refuses, changing nothing, anything but the start of a live block of that order:
    /// `notAllocated` (double free, never allocated, outside managed memory), `wrongOrder`,
    /// `interiorPointer` (inside a live block), `misaligned`, `outOfRange`, `invalidOrder`.
    ///
    /// - Safety: nothing may use the block after it is freed.
    @unsafe
    public mutating func free(_ address: UInt64, order: Int) throws(MemoryError) {
        guard order >= 0, order <= Self.maxOrder else { throw .invalidOrder }
        let head = try allocatedHead(at: address)
        guard head.record.order == order else { throw .wrongOrder }
        freePages += 1 << order
        insertCoalescing(frame: head.frame, order: order)
    }

    /// The live block that contains `address`, or `nil` if the address is in a free block or
    /// not in managed memory.
    public func allocatedBlock(containing address: UInt64) -> AllocatedBlock? {
        guard address < memoryEnd else { return nil }
        let frame = Int(address >> Self.pageShift)
        // Blocks are naturally aligned, so the head of the block holding `frame` is `frame`
        // rounded down to the block's order; every candidate below that order is inside it.
        for order in 0...Self.maxOrder {
            let head = frame & ~((1 << order) - 1)
            let record = record(head)
            switch record.state {
            case .interior:
                continue
            case .allocatedHead:
                return AllocatedBlock(
                    address: UInt64(head) << Self.pageShift, order: record.order, tag: record.tag)
            case .unmanaged, .freeHead:
                return nil
            }
        }
        return nil
    }

    /// The head frame of the live block starting at `address`.
    private func allocatedHead(at address: UInt64) throws(MemoryError) -> (
        frame: Int, record: FrameRecord
    ) {
        guard address & UInt64(Self.pageSize - 1) == 0 else { throw .misaligned }
        guard address < memoryEnd else { throw .outOfRange }
        let frame = Int(address >> Self.pageShift)
        let record = record(frame)
        switch record.state {
        case .allocatedHead:
            return (frame, record)
        case .interior where allocatedBlock(containing: address) != nil:
            throw .interiorPointer
        case .interior, .unmanaged, .freeHead:
            throw .notAllocated
        }
    }

    /// Puts a free block on its list after merging it with every free buddy.
    private mutating func insertCoalescing(frame: Int, order: Int) {
        var frame = frame
        var order = order
        while order < Self.maxOrder {
            let buddy = frame ^ (1 << order)
            guard buddy < frameCount else { break }
            let buddyRecord = record(buddy)
            guard buddyRecord.state == .freeHead, buddyRecord.order == order else { break }
            unlink(frame: buddy, order: order)
            setRecord(max(frame, buddy), .interior)
            frame = min(frame, buddy)
            order += 1
        }
        push(frame: frame, order: order)
    }

    private mutating func push(frame: Int, order: Int) {
        let head = freeListHeads[order]
        setLinks(frame, FreeLinks(next: head, previous: Self.noFrame))
        if head != Self.noFrame {
            var headLinks = links(head)
            headLinks.previous = frame
            setLinks(head, headLinks)
        }
        freeListHeads[order] = frame
        freeBlockCounts[order] += 1
        setRecord(frame, FrameRecord(state: .freeHead, order: order, tag: 0))
    }

    private mutating func unlink(frame: Int, order: Int) {
        let frameLinks = links(frame)
        if frameLinks.previous == Self.noFrame {
            freeListHeads[order] = frameLinks.next
        } else {
            var previousLinks = links(frameLinks.previous)
            previousLinks.next = frameLinks.next
            setLinks(frameLinks.previous, previousLinks)
        }
        if frameLinks.next != Self.noFrame {
            var nextLinks = links(frameLinks.next)
            nextLinks.previous = frameLinks.previous
            setLinks(frameLinks.next, nextLinks)
        }
        freeBlockCounts[order] -= 1
    }

    /// Whether every frame in `frames` is unmanaged. Unmanaged records are all-zero bytes, so this
    /// checks eight bytes at a time: adding gigabytes of RAM at boot must not cost seconds.
    private func allUnmanaged(_ frames: Range<Int>) -> Bool {
        precondition(frames.lowerBound >= 0 && frames.upperBound <= frameCount)
        var offset = frames.lowerBound * FrameRecord.byteCount
        let end = frames.upperBound * FrameRecord.byteCount
        while offset + 8 <= end {
            // SAFETY: [offset, offset + 8) lies in the records of `frames`, inside the metadata.
            if unsafe metadata.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != 0 { return false }
            offset += 8
        }
        while offset < end {
            // SAFETY: as above.
            if unsafe metadata[offset] != 0 { return false }
            offset += 1
        }
        return true
    }

    /// Marks every frame in `frames` interior, four records (eight bytes) at a time.
    private mutating func markInterior(_ frames: Range<Int>) {
        precondition(frames.lowerBound >= 0 && frames.upperBound <= frameCount)
        let record = FrameRecord.interior.encoded
        let pair = UInt64(record.0) | UInt64(record.1) << 8
        let word = pair | pair << 16 | pair << 32 | pair << 48
        var frame = frames.lowerBound
        while frame + 4 <= frames.upperBound {
            // SAFETY: the four records of frames [frame, frame + 4) lie inside the metadata.
            unsafe metadata.storeBytes(of: word, toByteOffset: frame * FrameRecord.byteCount, as: UInt64.self)
            frame += 4
        }
        while frame < frames.upperBound {
            setRecord(frame, .interior)
            frame += 1
        }
    }

    private func record(_ frame: Int) -> FrameRecord {
        precondition(frame >= 0 && frame < frameCount)
        let offset = frame * FrameRecord.byteCount
        // SAFETY: `frame < frameCount`, so both bytes lie in the metadata buffer that
        // `configure` checked is large enough and that only this allocator uses.
        return unsafe FrameRecord(encoded: (metadata[offset], metadata[offset + 1]))
    }

    private mutating func setRecord(_ frame: Int, _ record: FrameRecord) {
        precondition(frame >= 0 && frame < frameCount)
        let offset = frame * FrameRecord.byteCount
        let encoded = record.encoded
        // SAFETY: as in `record(_:)`.
        unsafe metadata[offset] = encoded.0
        // SAFETY: as in `record(_:)`.
        unsafe metadata[offset + 1] = encoded.1
    }

    /// The links stored in the first bytes of the free block headed by `frame`.
    private func links(_ frame: Int) -> FreeLinks {
        // SAFETY: only heads of free blocks have links; they are managed frames, which the
        // caller of `configure` mapped writable at the direct map, page aligned, and gave to us.
        unsafe linkPointer(frame).load(as: FreeLinks.self)
    }

    private func setLinks(_ frame: Int, _ links: FreeLinks) {
        // SAFETY: as in `links(_:)`; the block is free, so no one else uses its bytes.
        unsafe linkPointer(frame).storeBytes(of: links, as: FreeLinks.self)
    }

    @unsafe
    private func linkPointer(_ frame: Int) -> UnsafeMutableRawPointer {
        unsafe UnsafeMutableRawPointer(bitPattern: directMapBase + UInt(frame) << Self.pageShift)!
    }
}

/// The links of a free block on its order's list: frame numbers, or `noFrame`.
private struct FreeLinks {
    var next: Int
    var previous: Int
}

/// What the metadata records about one frame.
private struct FrameRecord {
    enum State: UInt8 {
        /// Not RAM given to the allocator (a hole, or memory the kernel kept).
        case unmanaged
        /// Inside a block, not its first frame.
        case interior
        /// The first frame of a free block.
        case freeHead
        /// The first frame of an allocated block.
        case allocatedHead
    }

    static var byteCount: Int { 2 }
    static var unmanaged: FrameRecord { FrameRecord(state: .unmanaged, order: 0, tag: 0) }
    static var interior: FrameRecord { FrameRecord(state: .interior, order: 0, tag: 0) }

    var state: State
    /// The block order; meaningful for heads only.
    var order: Int
    /// The owner's tag; meaningful for allocated heads only.
    var tag: UInt8

    init(state: State, order: Int, tag: UInt8) {
        self.state = state
        self.order = order
        self.tag = tag
    }

    /// Byte 0 holds the state in bits 0-1 and the order in bits 2-7; byte 1 holds the tag.
    init(encoded: (UInt8, UInt8)) {
        state = State(rawValue: encoded.0 & 0b11)!
        order = Int(encoded.0 >> 2)
        tag = encoded.1
    }

    var encoded: (UInt8, UInt8) {
        (state.rawValue | UInt8(order) << 2, tag)
    }
}
