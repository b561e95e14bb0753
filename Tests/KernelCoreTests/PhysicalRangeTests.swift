// SPDX-License-Identifier: GPL-2.0-only
// Tests of the subtraction of reserved ranges from usable physical ranges.

import KernelCore
import XCTest

final class PhysicalRangeTests: XCTestCase {
    private func pieces(_ base: UInt64, _ end: UInt64, excluding reserved: [(UInt64, UInt64)])
        -> [PhysicalRange]
    {
        let ranges = reserved.map { PhysicalRange(base: $0.0, end: $0.1) }
        var result: [PhysicalRange] = []
        PhysicalRange(base: base, end: end).forEachPiece(excluding: ranges.span) {
            result.append($0)
        }
        return result
    }

    private func ranges(_ bounds: [(UInt64, UInt64)]) -> [PhysicalRange] {
        bounds.map { PhysicalRange(base: $0.0, end: $0.1) }
    }

    func testNothingReservedGivesTheWholeRange() {
        XCTAssertEqual(pieces(100, 200, excluding: []), ranges([(100, 200)]))
        XCTAssertEqual(
            pieces(100, 200, excluding: [(0, 100), (200, 300), (150, 150)]), ranges([(100, 200)]))
        XCTAssertEqual(pieces(200, 100, excluding: []), [])
    }

    func testReservedRangesCutPieces() {
        XCTAssertEqual(pieces(100, 200, excluding: [(120, 130)]), ranges([(100, 120), (130, 200)]))
        XCTAssertEqual(pieces(100, 200, excluding: [(50, 130)]), ranges([(130, 200)]))
        XCTAssertEqual(pieces(100, 200, excluding: [(150, 250)]), ranges([(100, 150)]))
        XCTAssertEqual(pieces(100, 200, excluding: [(50, 250)]), [])
        XCTAssertEqual(pieces(100, 200, excluding: [(100, 200)]), [])
    }

    func testUnsortedOverlappingAndAdjacentReservedRanges() {
        XCTAssertEqual(
            pieces(
                0, 1000,
                excluding: [
                    (700, 800), (100, 200), (150, 300), (300, 310), (990, 2000), (750, 760),
                ]),
            ranges([(0, 100), (310, 700), (800, 990)]))
    }
}
