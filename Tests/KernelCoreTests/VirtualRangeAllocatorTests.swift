// SPDX-License-Identifier: GPL-2.0-only
// Tests of the vmalloc area's range allocator: first fit, coalescing, and refused releases.

import KernelCore
import XCTest

final class VirtualRangeAllocatorTests: XCTestCase {
    private let base: UInt64 = 0x7000_0000_0000
    private let page: UInt64 = 4096

    func testAllocatesFirstFitInAddressOrder() throws {
        var ranges = VirtualRangeAllocator(base: base, pageCount: 16)
        XCTAssertEqual(ranges.allocate(pages: 3), base)
        XCTAssertEqual(ranges.allocate(pages: 2), base + 3 * page)
        XCTAssertEqual(ranges.freePages, 11)
        try ranges.release(base, pages: 3)
        // The hole at the start is reused for what fits, larger requests go after it.
        XCTAssertEqual(ranges.allocate(pages: 4), base + 5 * page)
        XCTAssertEqual(ranges.allocate(pages: 2), base)
        XCTAssertEqual(ranges.allocate(pages: 1), base + 2 * page)
    }

    func testExhaustionAndZeroPages() {
        var ranges = VirtualRangeAllocator(base: base, pageCount: 4)
        XCTAssertNil(ranges.allocate(pages: 5))
        XCTAssertNil(ranges.allocate(pages: 0))
        XCTAssertEqual(ranges.allocate(pages: 4), base)
        XCTAssertNil(ranges.allocate(pages: 1))
    }

    func testReleaseCoalescesBothNeighbours() throws {
        var ranges = VirtualRangeAllocator(base: base, pageCount: 8)
        let a = try XCTUnwrap(ranges.allocate(pages: 2))
        let b = try XCTUnwrap(ranges.allocate(pages: 2))
        let c = try XCTUnwrap(ranges.allocate(pages: 2))
        try ranges.release(a, pages: 2)
        try ranges.release(c, pages: 2)
        XCTAssertNil(ranges.allocate(pages: 5), "free space is split around b")
        try ranges.release(b, pages: 2)
        XCTAssertEqual(ranges.freePages, 8)
        XCTAssertEqual(ranges.allocate(pages: 8), base, "all runs merged into one")
    }

    func testRefusesBadReleases() throws {
        var ranges = VirtualRangeAllocator(base: base, pageCount: 8)
        let a = try XCTUnwrap(ranges.allocate(pages: 2))
        XCTAssertThrowsError(try ranges.release(a + 1, pages: 1)) { XCTAssertEqual($0 as? MemoryError, .misaligned) }
        XCTAssertThrowsError(try ranges.release(base - page, pages: 1)) { XCTAssertEqual($0 as? MemoryError, .outOfRange) }
        XCTAssertThrowsError(try ranges.release(base + 7 * page, pages: 2)) { XCTAssertEqual($0 as? MemoryError, .outOfRange) }
        XCTAssertThrowsError(try ranges.release(a + page, pages: 2)) { XCTAssertEqual($0 as? MemoryError, .notAllocated) }
        try ranges.release(a, pages: 2)
        XCTAssertThrowsError(try ranges.release(a, pages: 2)) { XCTAssertEqual($0 as? MemoryError, .notAllocated) }
        XCTAssertEqual(ranges.freePages, 8)
    }
}
