// SPDX-License-Identifier: GPL-2.0-only
// Tests of the MADT parser: QEMU-like entries, interrupt routing, and truncated or short entries.

import KernelCore
import XCTest

final class ACPIMADTTests: XCTestCase {
    private func localAPIC(uid: UInt8, id: UInt8, flags: UInt32) -> [UInt8] {
        var entry: [UInt8] = [0, 8, uid, id]
        entry.append32(flags)
        return entry
    }

    private func override(source: UInt8, gsi: UInt32, flags: UInt16) -> [UInt8] {
        var entry: [UInt8] = [2, 10, 0, source]
        entry.append32(gsi)
        entry.append16(flags)
        return entry
    }

    /// The entries QEMU's pc machine produces for two CPUs, plus x2APIC and override entries.
    private func entries() -> [[UInt8]] {
        var ioAPIC: [UInt8] = [1, 12, 0, 0]
        ioAPIC.append32(0xFEC0_0000)
        ioAPIC.append32(0)
        var nmiSource: [UInt8] = [3, 8]
        nmiSource.append16(0xD)
        nmiSource.append32(23)
        var x2apic: [UInt8] = [9, 16, 0, 0]
        x2apic.append32(0x100)
        x2apic.append32(1)
        x2apic.append32(7)
        var x2nmi: [UInt8] = [10, 12]
        x2nmi.append16(5)
        x2nmi.append32(0xFFFF_FFFF)
        x2nmi.append(contentsOf: [1, 0, 0, 0])
        var addressOverride: [UInt8] = [5, 12, 0, 0]
        addressOverride.append64(0x1_FEE0_0000)
        return [
            localAPIC(uid: 0, id: 0, flags: 1), localAPIC(uid: 1, id: 1, flags: 2), ioAPIC,
            override(source: 0, gsi: 2, flags: 0), override(source: 5, gsi: 5, flags: 0xD), override(source: 9, gsi: 9, flags: 0xD),
            override(source: 10, gsi: 10, flags: 0xF), override(source: 11, gsi: 11, flags: 0x6),
            [4, 6, 0xFF, 0, 0, 1], nmiSource, x2apic, x2nmi, [0x7F, 4, 0, 0], addressOverride,
        ]
    }

    private func madt(_ entries: [[UInt8]], trailing: [UInt8] = []) throws -> MADT {
        var body: [UInt8] = []
        body.append32(0xFEE0_0000)
        body.append32(1)
        for entry in entries { body.append(contentsOf: entry) }
        body.append(contentsOf: trailing)
        return try MADT(table: ACPITable(bytes: ByteReader(ACPITableBuilder.table("APIC", revision: 3, body: body))))
    }

    func testEntries() throws {
        let madt = try madt(entries())
        XCTAssertEqual(madt.diagnostics.count, 0)
        XCTAssertTrue(madt.hasPCATCompat)
        XCTAssertEqual(madt.localAPICAddress, 0x1_FEE0_0000, "the 64-bit override wins")
        XCTAssertEqual(madt.localAPICs.map(\.apicID), [0, 1])
        XCTAssertEqual(madt.localAPICs.map(\.isEnabled), [true, false])
        XCTAssertTrue(madt.localAPICs[1].isOnlineCapable)
        XCTAssertEqual(madt.ioAPICs.first?.address, 0xFEC0_0000)
        XCTAssertEqual(madt.overrides.count, 5)
        XCTAssertEqual(madt.nmiSources.first?.gsi, 23)
        XCTAssertEqual(madt.localAPICNMIs.count, 2)
        XCTAssertTrue(madt.localAPICNMIs.allSatisfy(\.appliesToAllProcessors))
        XCTAssertEqual(madt.localAPICNMIs.map(\.lint), [1, 1])
        XCTAssertEqual(madt.localX2APICs.first?.x2apicID, 0x100)
        XCTAssertEqual(madt.localX2APICs.first?.processorUID, 7)
        XCTAssertEqual(madt.unknownEntryCount, 1)
    }

    func testISARouting() throws {
        let madt = try madt(entries())
        XCTAssertEqual(madt.route(isaIRQ: 0), .init(gsi: 2, polarity: .activeHigh, trigger: .edge))
        XCTAssertEqual(madt.route(isaIRQ: 1), .init(gsi: 1, polarity: .activeHigh, trigger: .edge))
        XCTAssertEqual(madt.route(isaIRQ: 9), .init(gsi: 9, polarity: .activeHigh, trigger: .level))
        XCTAssertEqual(madt.route(isaIRQ: 10), .init(gsi: 10, polarity: .activeLow, trigger: .level))
        XCTAssertEqual(madt.route(isaIRQ: 11), .init(gsi: 11, polarity: .activeHigh, trigger: .edge), "reserved encodings conform")
    }

    func testTruncatedAndShortEntries() throws {
        let truncated = try madt([localAPIC(uid: 0, id: 0, flags: 1)], trailing: [1, 12, 0, 0, 0, 0])
        XCTAssertEqual(truncated.localAPICs.count, 1)
        XCTAssertEqual(truncated.ioAPICs.count, 0)
        XCTAssertEqual(truncated.diagnostics.map { "\($0.reason)" }, ["entry runs past the table; walk stopped"])
        XCTAssertEqual(truncated.diagnostics.first?.offset, 52)

        let dangling = try madt([localAPIC(uid: 0, id: 0, flags: 1)], trailing: [0])
        XCTAssertEqual(dangling.diagnostics.map { "\($0.reason)" }, ["entry header runs past the table; walk stopped"])

        for length: UInt8 in [0, 1] {
            let stuck = try madt([[0, length, 0, 0, 0, 0, 0, 0], localAPIC(uid: 1, id: 1, flags: 1)])
            XCTAssertEqual(stuck.diagnostics.map { "\($0.reason)" }, ["entry length below 2; walk stopped"])
            XCTAssertEqual(stuck.localAPICs.count, 0)
        }

        let short = try madt([[1, 8, 0, 0, 0, 0, 0xC0, 0xFE], [2, 6, 0, 0, 2, 0], localAPIC(uid: 1, id: 1, flags: 1)])
        XCTAssertEqual(short.diagnostics.map { "\($0.reason)" }, ["entry too short for its type", "entry too short for its type"])
        XCTAssertEqual(short.localAPICs.count, 1, "the walk goes on after a short entry")
        XCTAssertEqual(short.ioAPICs.count, 0)
    }

    func testHeaderTooShort() throws {
        let table = try ACPITable(bytes: ByteReader(ACPITableBuilder.table("APIC", body: [0, 0, 0xE0, 0xFE])))
        XCTAssertThrowsError(try MADT(table: table))
    }

    func testRandomMutationsNeverTrap() throws {
        var body: [UInt8] = []
        body.append32(0xFEE0_0000)
        body.append32(1)
        for entry in entries() { body.append(contentsOf: entry) }
        var random = SplitMix64(state: 7)
        for _ in 0..<5_000 {
            var mutated = body
            for _ in 0..<(1 + random.below(3)) {
                mutated[random.below(mutated.count)] = UInt8(truncatingIfNeeded: random.next())
            }
            let cut = Array(mutated.prefix(random.below(mutated.count + 1)))
            if let table = try? ACPITable(bytes: ByteReader(ACPITableBuilder.table("APIC", body: cut))),
               let madt = try? MADT(table: table) {
                for irq in 0..<16 { _ = madt.route(isaIRQ: UInt8(irq)) }
            }
        }
    }
}
