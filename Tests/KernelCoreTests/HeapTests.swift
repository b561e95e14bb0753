// SPDX-License-Identifier: GPL-2.0-only
// Tests of the kernel heap's size classes, alignment, slab recycling and pointer checks.

import KernelCore
import XCTest

private let mib: UInt64 = 1 << 20

final class HeapTests: XCTestCase {
    private var memory: SimulatedPhysicalMemory!
    private var heap = Heap()

    override func setUpWithError() throws {
        memory = try SimulatedPhysicalMemory(
            memoryEnd: 64 * mib, freeRegions: [PhysicalRange(base: 1 * mib, end: 63 * mib)])
        heap = Heap()
    }

    override func tearDown() {
        memory = nil
    }

    // The helpers deal in addresses, so that only they touch pointers.

    private func allocate(_ size: Int, alignment: Int = 16) -> UInt? {
        let pointer = unsafe heap.allocate(size: size, alignment: alignment, pages: &memory.pages)
        return unsafe pointer.map { UInt(bitPattern: $0) }
    }

    private func pointer(_ address: UInt) -> UnsafeMutableRawPointer {
        unsafe UnsafeMutableRawPointer(bitPattern: address)!
    }

    private func free(_ address: UInt) throws {
        try unsafe heap.free(pointer(address), pages: &memory.pages)
    }

    private func usableSize(_ address: UInt) throws -> Int {
        try unsafe heap.usableSize(of: pointer(address), pages: memory.pages)
    }

    /// Writes `pattern + offset` into each of the `count` bytes at `address`.
    private func fill(_ address: UInt, count: Int, pattern: UInt8) {
        let bytes = unsafe UnsafeMutableRawBufferPointer(start: pointer(address), count: count)
        for offset in 0..<count {
            unsafe bytes[offset] = pattern &+ UInt8(truncatingIfNeeded: offset)
        }
    }

    /// The first offset at which `fill` no longer holds, or `nil`.
    private func firstDamagedOffset(_ address: UInt, count: Int, pattern: UInt8) -> Int? {
        let bytes = unsafe UnsafeRawBufferPointer(start: pointer(address), count: count)
        return (0..<count).first { unsafe bytes[$0] != pattern &+ UInt8(truncatingIfNeeded: $0) }
    }

    private func expectFreeFails(_ address: UInt, _ error: MemoryError, line: UInt = #line) {
        XCTAssertThrowsError(try usableSize(address), line: line) {
            XCTAssertEqual($0 as? MemoryError, error, line: line)
        }
        XCTAssertThrowsError(try free(address), line: line) {
            XCTAssertEqual($0 as? MemoryError, error, line: line)
        }
    }

    /// Every class size, and the statistics of every class.
    private var classSizes: [Int] {
        (0..<Heap.sizeClassCount).map { heap.statistics(ofClass: $0).objectSize }
    }

    private var objectsInUse: Int {
        (0..<Heap.sizeClassCount).reduce(0) { $0 + heap.statistics(ofClass: $1).objectsInUse }
    }

    func testSizeClassesAndSlabGeometry() throws {
        XCTAssertEqual(
            classSizes, [16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048])
        XCTAssertEqual(Heap.largestSizeClass, 2048)
        for (index, size) in classSizes.enumerated() {
            XCTAssertEqual(heap.statistics(ofClass: index).slabs, 0)
            let pointer = try XCTUnwrap(allocate(size))
            let statistics = heap.statistics(ofClass: index)
            XCTAssertEqual(statistics.slabs, 1)
            XCTAssertEqual(statistics.objectsInUse, 1)
            // Slabs are at most 32 KiB and leave less than an eighth of themselves unused.
            let slabBytes = statistics.pages * 4096
            XCTAssertTrue([4096, 8192, 16384, 32768].contains(slabBytes))
            XCTAssertLessThan((slabBytes - statistics.objectsPerSlab * size) * 8, slabBytes)
            try free(pointer)
        }
    }

    func testEveryClassIsNaturallyAlignedAndUsable() throws {
        for size in classSizes {
            let pointer = try XCTUnwrap(allocate(size))
            let alignment = size & -size
            XCTAssertEqual(pointer % UInt(alignment), 0, "size \(size)")
            XCTAssertEqual(try usableSize(pointer), size)
            fill(pointer, count: size, pattern: 0xA5)
            try free(pointer)
        }
        // Every request lands in the smallest class that holds it.
        for size in 0...2048 {
            let pointer = try XCTUnwrap(allocate(size))
            let usable = try usableSize(pointer)
            XCTAssertEqual(usable, classSizes.first { $0 >= max(size, 1) }, "size \(size)")
            try free(pointer)
        }
        XCTAssertEqual(objectsInUse, 0)
    }

    func testPowerOfTwoSizesAreNaturallyAligned() throws {
        var live: [UInt] = []
        for shift in 4...14 {
            for _ in 0..<5 {
                let pointer = try XCTUnwrap(allocate(1 << shift, alignment: 8))
                XCTAssertEqual(pointer % UInt(1 << shift), 0, "size \(1 << shift)")
                live.append(pointer)
            }
        }
        for pointer in live {
            try free(pointer)
        }
    }

    func testAlignmentsUpToAndBeyondAPage() throws {
        for shift in 0...16 {
            let alignment = 1 << shift
            for size in [1, 24, 100, 700, 3000, 5000] {
                let pointer = try XCTUnwrap(allocate(size, alignment: alignment))
                XCTAssertEqual(
                    pointer % UInt(alignment), 0, "size \(size) align \(alignment)")
                XCTAssertGreaterThanOrEqual(try usableSize(pointer), size)
                fill(pointer, count: size, pattern: 0x5A)
                try free(pointer)
            }
        }
        XCTAssertNil(allocate(16, alignment: 0))
        XCTAssertNil(allocate(16, alignment: 48))
        XCTAssertNil(allocate(-1))
        XCTAssertNil(allocate(Int.max))
        XCTAssertNil(allocate(16, alignment: 8 << 20))
    }

    func testFreedObjectIsReused() throws {
        let first = try XCTUnwrap(allocate(64))
        let second = try XCTUnwrap(allocate(64))
        XCTAssertNotEqual(first, second)
        try free(first)
        XCTAssertEqual(allocate(64), first)
        try free(first)
        try free(second)
    }

    func testEmptySlabsGoBackToThePageAllocator() throws {
        let initialFree = memory.pages.freePages
        var live: [UInt] = []
        for size in [16, 100, 512, 2048] {
            for _ in 0..<1000 {
                live.append(try XCTUnwrap(allocate(size)))
            }
        }
        let heldPages = (0..<Heap.sizeClassCount).reduce(0) {
            $0 + heap.statistics(ofClass: $1).pages
        }
        XCTAssertEqual(memory.pages.freePages, initialFree - heldPages)
        XCTAssertEqual(heap.statistics(ofClass: 0).objectsInUse, 1000)
        XCTAssertEqual(heap.statistics(ofClass: 0).slabs, 4)  // 252 objects each
        for pointer in live {
            try free(pointer)
        }
        // At most one empty slab per class is kept.
        for index in 0..<Heap.sizeClassCount {
            XCTAssertLessThanOrEqual(heap.statistics(ofClass: index).slabs, 1)
        }
        XCTAssertEqual(objectsInUse, 0)
        let kept = (0..<Heap.sizeClassCount).reduce(0) { $0 + heap.statistics(ofClass: $1).pages }
        XCTAssertEqual(memory.pages.freePages, initialFree - kept)
        XCTAssertEqual(heap.releaseCachedSlabs(pages: &memory.pages), kept)
        XCTAssertEqual(memory.pages.freePages, initialFree)
        XCTAssertEqual(memory.pages.freeBlocks(order: PageAllocator.maxOrder), 14)
    }

    func testLargeAllocationsUsePageBlocks() throws {
        let initialFree = memory.pages.freePages
        let pointer = try XCTUnwrap(allocate(5000))
        XCTAssertEqual(pointer % 4096, 0)
        XCTAssertEqual(try usableSize(pointer), 8192)
        XCTAssertEqual(heap.largeAllocations, 1)
        XCTAssertEqual(heap.largeAllocationPages, 2)
        let huge = try XCTUnwrap(allocate(4 << 20))
        XCTAssertEqual(try usableSize(huge), 4 << 20)
        XCTAssertEqual(heap.largeAllocationPages, 1026)
        XCTAssertEqual(memory.pages.freePages, initialFree - 1026)
        XCTAssertNil(allocate((4 << 20) + 1))
        try free(pointer)
        try free(huge)
        XCTAssertEqual(heap.largeAllocations, 0)
        XCTAssertEqual(heap.largeAllocationPages, 0)
        XCTAssertEqual(memory.pages.freePages, initialFree)
    }

    func testInvalidFreesAreRejected() throws {
        let object = try XCTUnwrap(allocate(64))
        let neighbour = try XCTUnwrap(allocate(64))
        let large = try XCTUnwrap(allocate(10_000))
        let foreignPage = try XCTUnwrap(memory.pages.allocate(order: 0))
        let statistics = heap.statistics(ofClass: 3)
        let freePages = memory.pages.freePages

        expectFreeFails(object + 16, .interiorPointer)
        expectFreeFails(object + 1, .interiorPointer)
        expectFreeFails(large + 4096, .interiorPointer)
        expectFreeFails(large + 8, .interiorPointer)
        // The slab header, and an object never handed out.
        expectFreeFails(object & ~UInt(4095), .notAllocated)
        expectFreeFails(neighbour + 64, .notAllocated)
        // A free page, a page another user of the page allocator holds, and addresses outside
        // the direct map.
        expectFreeFails(memory.directMapBase + 50 << 20, .notAllocated)
        expectFreeFails(memory.directMapBase + UInt(foreignPage), .foreignPointer)
        expectFreeFails(memory.directMapBase - 4096, .foreignPointer)
        expectFreeFails(memory.directMapBase + 64 << 20, .foreignPointer)
        XCTAssertEqual(heap.statistics(ofClass: 3), statistics)
        XCTAssertEqual(heap.largeAllocations, 1)
        XCTAssertEqual(memory.pages.freePages, freePages)

        try free(object)
        expectFreeFails(object, .notAllocated)  // double free
        try free(large)
        expectFreeFails(large, .notAllocated)
        XCTAssertEqual(heap.statistics(ofClass: 3).objectsInUse, statistics.objectsInUse - 1)
        XCTAssertEqual(memory.pages.freePages, freePages + 4)
        try free(neighbour)
        try unsafe memory.pages.free(foreignPage, order: 0)
    }

    func testExhaustionReturnsNilAndRecovers() throws {
        let small = try SimulatedPhysicalMemory(
            memoryEnd: 4 * mib, freeRegions: [PhysicalRange(base: 1 * mib, end: 1 * mib + 65536)])
        memory = small
        var live: [UInt] = []
        while let pointer = allocate(256) {
            live.append(pointer)
        }
        XCTAssertEqual(live.count, 16 * 15)
        XCTAssertEqual(memory.pages.freePages, 0)
        XCTAssertNil(allocate(5000))
        for pointer in live {
            try free(pointer)
        }
        // The kept empty slab of another class is given back when pages run out.
        let cached = try XCTUnwrap(allocate(16))
        try free(cached)
        XCTAssertEqual(heap.statistics(ofClass: 7).slabs, 1)
        let big = try XCTUnwrap(allocate(60_000))
        XCTAssertEqual(heap.statistics(ofClass: 7).slabs, 0)
        XCTAssertEqual(heap.statistics(ofClass: 0).slabs, 0)
        try free(big)
        XCTAssertEqual(memory.pages.freePages, 16)
    }

    func testRandomisedStressKeepsAllocationsApart() throws {
        let initialFree = memory.pages.freePages
        var random = SimulatedPhysicalMemory.Random(seed: 0x5EED)
        var live: [(pointer: UInt, size: Int, pattern: UInt8, isLarge: Bool)] = []

        func verifyAndFree(_ index: Int) throws {
            let allocation = live[index]
            if let offset = firstDamagedOffset(
                allocation.pointer, count: allocation.size, pattern: allocation.pattern)
            {
                return XCTFail("allocation of \(allocation.size) overwritten at \(offset)")
            }
            try free(allocation.pointer)
            live.swapAt(index, live.count - 1)
            live.removeLast()
        }

        for step in 0..<40_000 {
            if live.isEmpty || random.next() % 100 < 52 {
                let roll = random.next() % 100
                let size =
                    roll < 85
                    ? Int(random.next() % 300)
                    : roll < 98 ? Int(random.next() % 2100) : Int(random.next() % 40_000)
                let alignment = random.next() % 10 == 0 ? 1 << Int(random.next() % 13) : 16
                guard let pointer = allocate(size, alignment: alignment) else {
                    return XCTFail(
                        "step \(step): heap exhausted with \(live.count) live allocations")
                }
                XCTAssertEqual(pointer % UInt(alignment), 0)
                XCTAssertGreaterThanOrEqual(try usableSize(pointer), size)
                let pattern = UInt8(truncatingIfNeeded: random.next())
                fill(pointer, count: size, pattern: pattern)
                live.append((pointer, size, pattern, size > 2048 || alignment > 2048))
            } else {
                try verifyAndFree(Int(random.next() % UInt64(live.count)))
            }
            if step % 1000 == 0 {
                let smallLive = live.filter { !$0.isLarge }.count
                XCTAssertEqual(objectsInUse, smallLive)
                XCTAssertEqual(heap.largeAllocations, live.count - smallLive)
            }
        }
        while !live.isEmpty {
            try verifyAndFree(live.count - 1)
        }
        XCTAssertEqual(objectsInUse, 0)
        XCTAssertEqual(heap.largeAllocationPages, 0)
        heap.releaseCachedSlabs(pages: &memory.pages)
        for index in 0..<Heap.sizeClassCount {
            XCTAssertEqual(heap.statistics(ofClass: index).slabs, 0)
        }
        XCTAssertEqual(memory.pages.freePages, initialFree)
    }
}
