// SPDX-License-Identifier: GPL-2.0-only
// Tests of the buddy page allocator over simulated physical memory.

import KernelCore
import XCTest

private let page = UInt64(PageAllocator.pageSize)
private let mib: UInt64 = 1 << 20
private let gib: UInt64 = 1 << 30
private let maxBlock = page << UInt64(PageAllocator.maxOrder)

final class PageAllocatorTests: XCTestCase {
    /// Everything a failed call must leave unchanged.
    private struct Counters: Equatable {
        var total: Int
        var free: Int
        var blocks: [Int]

        init(_ memory: SimulatedPhysicalMemory) {
            total = memory.pages.totalPages
            free = memory.pages.freePages
            blocks = memory.freeBlocksPerOrder
        }
    }

    func testUnconfiguredAllocatorHasNothing() {
        var pages = PageAllocator()
        XCTAssertNil(pages.allocate(order: 0))
        XCTAssertEqual(pages.totalPages, 0)
        XCTAssertEqual(pages.freePages, 0)
        XCTAssertEqual(pages.memoryEnd, 0)
        XCTAssertNil(pages.allocatedBlock(containing: 0))
    }

    func testMetadataSizing() throws {
        XCTAssertEqual(PageAllocator.maxOrder, 10)
        XCTAssertEqual(PageAllocator.frameCount(memoryEnd: 64 * mib + 4095), 16384)
        XCTAssertEqual(PageAllocator.metadataByteCount(frameCount: 16384), 32768)
        XCTAssertEqual(PageAllocator.order(forByteCount: 0), 0)
        XCTAssertEqual(PageAllocator.order(forByteCount: 4096), 0)
        XCTAssertEqual(PageAllocator.order(forByteCount: 4097), 1)
        XCTAssertEqual(PageAllocator.order(forByteCount: Int(maxBlock)), 10)
        XCTAssertNil(PageAllocator.order(forByteCount: Int(maxBlock) + 1))

        let metadata = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 16)
        defer { unsafe metadata.deallocate() }
        var pages = PageAllocator()
        XCTAssertThrowsError(
            try unsafe pages.configure(memoryEnd: 64 * mib, metadata: metadata, directMapBase: 0)
        ) { XCTAssertEqual($0 as? MemoryError, .metadataTooSmall) }
        XCTAssertThrowsError(
            try unsafe pages.configure(
                memoryEnd: 50 * page, metadata: metadata, directMapBase: 4096)
        ) { XCTAssertEqual($0 as? MemoryError, .misaligned) }
    }

    func testEveryOrderIsNaturallyAligned() throws {
        let memory = try SimulatedPhysicalMemory(
            memoryEnd: 64 * mib, freeRegions: [PhysicalRange(base: 0, end: 64 * mib)])
        XCTAssertEqual(memory.pages.totalPages, 16384)
        XCTAssertEqual(memory.freeBlocksPerOrder, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16])
        var live: [(UInt64, Int)] = []
        for order in 0...PageAllocator.maxOrder {
            for _ in 0..<3 {
                let address = try XCTUnwrap(memory.pages.allocate(order: order))
                XCTAssertEqual(address % (page << UInt64(order)), 0, "order \(order)")
                XCTAssertLessThan(address, 64 * mib)
                XCTAssertEqual(
                    memory.pages.allocatedBlock(containing: address),
                    PageAllocator.AllocatedBlock(address: address, order: order, tag: 0))
                live.append((address, order))
            }
        }
        XCTAssertNil(memory.pages.allocate(order: PageAllocator.maxOrder + 1))
        XCTAssertNil(memory.pages.allocate(order: -1))
        let used = live.reduce(0) { $0 + 1 << $1.1 }
        XCTAssertEqual(memory.pages.freePages, 16384 - used)
        XCTAssertEqual(memory.freePagesFromBlocks, memory.pages.freePages)
        for (address, order) in live {
            try unsafe memory.pages.free(address, order: order)
        }
        XCTAssertEqual(memory.pages.freePages, 16384)
        XCTAssertEqual(memory.freeBlocksPerOrder, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16])
    }

    func testExhaustionReturnsNil() throws {
        let memory = try SimulatedPhysicalMemory(
            memoryEnd: 8 * mib, freeRegions: [PhysicalRange(base: 2 * mib, end: 3 * mib)])
        var seen = Set<UInt64>()
        while let address = memory.pages.allocate(order: 0) {
            XCTAssertTrue(seen.insert(address).inserted)
            XCTAssertTrue((2 * mib..<3 * mib).contains(address))
        }
        XCTAssertEqual(seen.count, 256)
        XCTAssertEqual(memory.pages.freePages, 0)
        XCTAssertNil(memory.pages.allocate(order: 1))
        XCTAssertEqual(memory.freeBlocksPerOrder, Array(repeating: 0, count: 11))
        for address in seen {
            try unsafe memory.pages.free(address, order: 0)
        }
        // 1 MiB at a 1 MiB boundary is one order-8 block again.
        XCTAssertEqual(memory.freeBlocksPerOrder, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0])
    }

    func testFragmentationCoalescesBackToMaximalBlocks() throws {
        let memory = try SimulatedPhysicalMemory(
            memoryEnd: 16 * mib, freeRegions: [PhysicalRange(base: 8 * mib, end: 16 * mib)])
        let initial = memory.freeBlocksPerOrder
        XCTAssertEqual(initial, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
        var frames: [UInt64] = []
        while let address = memory.pages.allocate(order: 0) {
            frames.append(address)
        }
        XCTAssertEqual(frames.count, 2048)
        // Freeing every other frame leaves nothing to merge.
        let even = frames.filter { ($0 / page) % 2 == 0 }
        for address in even {
            try unsafe memory.pages.free(address, order: 0)
        }
        XCTAssertEqual(memory.freeBlocksPerOrder, [1024, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        var random = SimulatedPhysicalMemory.Random(seed: 7)
        for address in frames.filter({ ($0 / page) % 2 == 1 }).shuffled(using: &random) {
            try unsafe memory.pages.free(address, order: 0)
        }
        XCTAssertEqual(memory.freeBlocksPerOrder, initial)
        XCTAssertEqual(memory.pages.freePages, 2048)
    }

    func testRegionsWithHolesAndOddBoundaries() throws {
        let regions = [
            PhysicalRange(base: 0x1234, end: 0x9_FC00),  // low memory, unaligned both ends
            PhysicalRange(base: 0x10_0000, end: 0x7F_E123),
            PhysicalRange(base: 0x80_0001, end: 0x80_2FFF),  // one whole page inside
            PhysicalRange(base: 0x90_0000, end: 0x90_0FFF),  // no whole page
            PhysicalRange(base: 0xC0_3000, end: 0x1FF_F000),
        ]
        let memory = try SimulatedPhysicalMemory(memoryEnd: 32 * mib, freeRegions: regions)
        let wholePages = regions.map { region -> Int in
            let first = (region.base + page - 1) / page
            let end = region.end / page
            return end > first ? Int(end - first) : 0
        }
        XCTAssertEqual(memory.pages.totalPages, wholePages.reduce(0, +))
        XCTAssertEqual(memory.pages.freePages, memory.pages.totalPages)
        XCTAssertEqual(memory.freePagesFromBlocks, memory.pages.totalPages)
        var count = 0
        while let address = memory.pages.allocate(order: 0) {
            XCTAssertTrue(
                regions.contains { $0.base <= address && address + page <= $0.end },
                "page \(address) outside every region")
            count += 1
        }
        XCTAssertEqual(count, memory.pages.totalPages)
    }

    func testAdjacentRegionsMerge() throws {
        // Three adjacent pieces of 4...12 MiB, added out of order, with a boundary mid-block.
        let memory = try SimulatedPhysicalMemory(
            memoryEnd: 16 * mib,
            freeRegions: [
                PhysicalRange(base: 6 * mib + 5 * page, end: 12 * mib),
                PhysicalRange(base: 4 * mib, end: 6 * mib),
                PhysicalRange(base: 6 * mib, end: 6 * mib + 5 * page),
            ])
        XCTAssertEqual(memory.freeBlocksPerOrder, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
        XCTAssertEqual(memory.pages.totalPages, 2048)
    }

    func testBadRegionsAreRejected() throws {
        let memory = try SimulatedPhysicalMemory(
            memoryEnd: 16 * mib, freeRegions: [PhysicalRange(base: 4 * mib, end: 8 * mib)])
        let before = Counters(memory)
        XCTAssertThrowsError(
            try unsafe memory.pages.addFreeRegion(PhysicalRange(base: 7 * mib, end: 9 * mib))
        ) { XCTAssertEqual($0 as? MemoryError, .overlapsManagedMemory) }
        XCTAssertThrowsError(
            try unsafe memory.pages.addFreeRegion(PhysicalRange(base: 12 * mib, end: 17 * mib))
        ) { XCTAssertEqual($0 as? MemoryError, .outOfRange) }
        // Empty after page alignment: accepted, adds nothing.
        try unsafe memory.pages.addFreeRegion(PhysicalRange(base: 9 * mib + 1, end: 9 * mib + 4097))
        try unsafe memory.pages.addFreeRegion(PhysicalRange(base: UInt64.max - 10, end: UInt64.max))
        XCTAssertEqual(Counters(memory), before)
    }

    func testInvalidFreesAreRejectedWithoutChangingAnything() throws {
        let memory = try SimulatedPhysicalMemory(
            memoryEnd: 32 * mib,
            freeRegions: [
                PhysicalRange(base: 0, end: 8 * mib), PhysicalRange(base: 12 * mib, end: 16 * mib),
            ])
        let block = try XCTUnwrap(memory.pages.allocate(order: 3))
        let single = try XCTUnwrap(memory.pages.allocate(order: 0))
        let freed = try XCTUnwrap(memory.pages.allocate(order: 2))
        try unsafe memory.pages.free(freed, order: 2)
        let before = Counters(memory)

        func expect(_ address: UInt64, order: Int, _ error: MemoryError, line: UInt = #line) {
            XCTAssertThrowsError(try unsafe memory.pages.free(address, order: order), line: line) {
                XCTAssertEqual($0 as? MemoryError, error, line: line)
            }
            XCTAssertEqual(Counters(memory), before, line: line)
        }
        expect(freed, order: 2, .notAllocated)  // double free
        expect(block, order: 2, .wrongOrder)
        expect(block, order: 4, .wrongOrder)
        expect(single, order: 1, .wrongOrder)
        expect(block + 3 * page, order: 0, .interiorPointer)
        expect(block + 8, order: 3, .misaligned)
        expect(10 * mib, order: 0, .notAllocated)  // hole, never managed
        expect(20 * mib, order: 0, .notAllocated)  // beyond the regions
        expect(32 * mib, order: 0, .outOfRange)
        expect(block, order: 11, .invalidOrder)
        expect(block, order: -1, .invalidOrder)
        // A frame merged into a larger free block is no block start either.
        expect(freed + page, order: 0, .notAllocated)

        try unsafe memory.pages.free(block, order: 3)
        try unsafe memory.pages.free(single, order: 0)
        XCTAssertEqual(memory.pages.freePages, memory.pages.totalPages)
        XCTAssertEqual(memory.freeBlocksPerOrder, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3])
    }

    func testAllocatedBlockLookupAndTags() throws {
        let memory = try SimulatedPhysicalMemory(
            memoryEnd: 8 * mib, freeRegions: [PhysicalRange(base: 0, end: 8 * mib)])
        let address = try XCTUnwrap(memory.pages.allocate(order: 3, tag: 0x2A))
        let expected = PageAllocator.AllocatedBlock(address: address, order: 3, tag: 0x2A)
        for offset in [0, 1, page - 1, page, 5 * page + 17, 8 * page - 1] {
            XCTAssertEqual(memory.pages.allocatedBlock(containing: address + offset), expected)
        }
        XCTAssertNotEqual(
            memory.pages.allocatedBlock(containing: address + 8 * page)?.address, address)
        try unsafe memory.pages.free(address, order: 3)
        XCTAssertNil(memory.pages.allocatedBlock(containing: address + page))
        // A block's tag is reset when it is handed out again.
        let again = try XCTUnwrap(memory.pages.allocate(order: 3))
        XCTAssertEqual(memory.pages.allocatedBlock(containing: again)?.tag, 0)
    }

    func testRandomisedSequenceAgainstModel() throws {
        let regions = [
            PhysicalRange(base: 0x5000, end: 0x9_F000),
            PhysicalRange(base: 0x10_0000, end: 0xA3_3000),
            PhysicalRange(base: 0xB0_0000, end: 0xC0_0000),
            PhysicalRange(base: 0xC0_0000, end: 0x140_8000),
        ]
        let memory = try SimulatedPhysicalMemory(memoryEnd: 24 * mib, freeRegions: regions)
        let initial = Counters(memory)
        let frameCount = Int(24 * mib / page)
        // The model: which live block (index into `live`) owns each frame, or -1.
        var owner = [Int](repeating: -1, count: frameCount)
        var live: [(address: UInt64, order: Int)] = []
        var livePages = 0
        var random = SimulatedPhysicalMemory.Random(seed: 0xA95)

        func checkCounters() {
            XCTAssertEqual(memory.pages.freePages, initial.total - livePages)
            XCTAssertEqual(memory.freePagesFromBlocks, memory.pages.freePages)
        }

        for step in 0..<20_000 {
            if live.isEmpty || random.next() % 100 < 55 {
                // Mostly small orders, sometimes large ones.
                let order = Int(random.next() % 8 == 0 ? random.next() % 11 : random.next() % 3)
                guard let address = memory.pages.allocate(order: order) else {
                    for larger in order...PageAllocator.maxOrder {
                        XCTAssertEqual(memory.pages.freeBlocks(order: larger), 0, "step \(step)")
                    }
                    continue
                }
                XCTAssertEqual(address % (page << UInt64(order)), 0)
                let first = Int(address / page)
                for frame in first..<first + 1 << order {
                    guard owner[frame] == -1 else {
                        return XCTFail("step \(step): frame \(frame) handed out twice")
                    }
                    owner[frame] = live.count
                }
                XCTAssertTrue(
                    regions.contains {
                        $0.base <= address && address + page << UInt64(order) <= $0.end
                    })
                live.append((address, order))
                livePages += 1 << order
            } else {
                let index = Int(random.next() % UInt64(live.count))
                let victim = live[index]
                try unsafe memory.pages.free(victim.address, order: victim.order)
                let first = Int(victim.address / page)
                for frame in first..<first + 1 << victim.order {
                    owner[frame] = -1
                }
                live.swapAt(index, live.count - 1)
                live.removeLast()
                if index < live.count {
                    let moved = Int(live[index].address / page)
                    for frame in moved..<moved + 1 << live[index].order {
                        owner[frame] = index
                    }
                }
                livePages -= 1 << victim.order
            }
            if step % 97 == 0 {
                checkCounters()
            }
        }
        checkCounters()
        for block in live {
            try unsafe memory.pages.free(block.address, order: block.order)
        }
        XCTAssertEqual(Counters(memory), initial)
    }

    func testLargeMachineWithHolesAndReservedRanges() throws {
        // 16 GiB of RAM: low memory, 1 MiB...3 GiB minus a PCI hole, 4...17 GiB; the kernel
        // image, the allocator metadata and a boot module are reserved.
        let memoryEnd = 17 * gib
        let firmwareRegions = [
            PhysicalRange(base: 0, end: 0x9_FC00),
            PhysicalRange(base: 1 * mib, end: 3 * gib - 0x2_0000),
            PhysicalRange(base: 4 * gib, end: memoryEnd),
        ]
        let metadataBytes = UInt64(
            PageAllocator.metadataByteCount(
                frameCount: PageAllocator.frameCount(memoryEnd: memoryEnd)))
        XCTAssertEqual(metadataBytes, 17 * gib / page * 2)
        let reserved = [
            PhysicalRange(base: 0, end: page),  // keep physical 0 out
            PhysicalRange(base: 1 * mib, end: 3 * mib + 0x345),  // kernel image
            PhysicalRange(base: 16 * mib, end: 16 * mib + metadataBytes),  // metadata
            PhysicalRange(base: 40 * mib, end: 41 * mib),  // boot module
        ]
        var usable: [PhysicalRange] = []
        for region in firmwareRegions {
            region.forEachPiece(excluding: reserved.span) { usable.append($0) }
        }
        XCTAssertEqual(
            usable,
            [
                PhysicalRange(base: page, end: 0x9_FC00),
                PhysicalRange(base: 3 * mib + 0x345, end: 16 * mib),
                PhysicalRange(base: 16 * mib + metadataBytes, end: 40 * mib),
                PhysicalRange(base: 41 * mib, end: 3 * gib - 0x2_0000),
                PhysicalRange(base: 4 * gib, end: memoryEnd),
            ])
        let memory = try SimulatedPhysicalMemory(memoryEnd: memoryEnd, freeRegions: usable)
        let expectedPages =
            (0x9_F000 / page - 1) + (16 * mib / page - 769) + (40 * mib - 16 * mib - metadataBytes)
            / page
            + (3 * gib - 0x2_0000 - 41 * mib) / page + 13 * gib / page
        XCTAssertEqual(UInt64(memory.pages.totalPages), expectedPages)
        XCTAssertEqual(memory.freePagesFromBlocks, memory.pages.totalPages)
        let maximalBlocks = memory.pages.freeBlocks(order: PageAllocator.maxOrder)
        XCTAssertGreaterThanOrEqual(maximalBlocks, Int(13 * gib / maxBlock))

        var blocks: [UInt64] = []
        while let address = memory.pages.allocate(order: PageAllocator.maxOrder) {
            for range in reserved {
                XCTAssertFalse(address < range.end && range.base < address + maxBlock)
            }
            blocks.append(address)
        }
        XCTAssertEqual(blocks.count, maximalBlocks)
        for address in blocks {
            try unsafe memory.pages.free(address, order: PageAllocator.maxOrder)
        }
        XCTAssertEqual(memory.pages.freePages, memory.pages.totalPages)
    }
}
