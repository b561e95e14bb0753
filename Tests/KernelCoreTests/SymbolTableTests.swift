// SPDX-License-Identifier: GPL-2.0-only
// Tests the symbol-table encoder and reader, corrupted-table rejection and llvm-nm listing parsing.

import KernelCore
import XCTest

final class SymbolTableTests: XCTestCase {
    private func symbol(_ address: UInt64, _ size: UInt64, _ name: String) -> SymbolTableEncoder.Symbol {
        SymbolTableEncoder.Symbol(address: address, size: size, name: Array(name.utf8))
    }

    /// The name and offset `lookup` reports for `address`, as text (`name+0x12`), or nil.
    private func lookup<Bytes>(_ table: SymbolTable<Bytes>, _ address: UInt64) -> String? {
        guard let (symbol, offset) = table.lookup(address) else { return nil }
        return String(decoding: Array(symbol.name), as: UTF8.self) + "+0x" + String(offset, radix: 16)
    }

    /// A table with a gap after `beta`, an unsized symbol before `delta` and an unsized last one.
    private var sample: [UInt8] {
        SymbolTableEncoder.encode([
            symbol(0x1000_0300, 0x40, "delta"),
            symbol(0x1000_0000, 0x100, "alpha"),
            symbol(0x1000_0100, 0x80, "beta"),
            symbol(0x1000_0200, 0, "gamma (unsized)"),
            symbol(0x1000_0400, 0, "last (unsized)"),
        ])
    }

    func testRoundTrip() throws {
        let table = try XCTUnwrap(SymbolTable(bytes: sample))
        XCTAssertEqual(table.count, 5)
        XCTAssertEqual((0..<table.count).map { table[$0].address },
                       [0x1000_0000, 0x1000_0100, 0x1000_0200, 0x1000_0300, 0x1000_0400])
        XCTAssertEqual(String(decoding: Array(table[1].name), as: UTF8.self), "beta")
        XCTAssertEqual(table[0].size, 0x100)
    }

    func testLookup() throws {
        let table = try XCTUnwrap(SymbolTable(bytes: sample))
        XCTAssertNil(lookup(table, 0), "before the first symbol")
        XCTAssertNil(lookup(table, 0x0FFF_FFFF))
        XCTAssertEqual(lookup(table, 0x1000_0000), "alpha+0x0")
        XCTAssertEqual(lookup(table, 0x1000_0042), "alpha+0x42")
        XCTAssertEqual(lookup(table, 0x1000_00FF), "alpha+0xff")
        XCTAssertEqual(lookup(table, 0x1000_0100), "beta+0x0")
        XCTAssertEqual(lookup(table, 0x1000_017F), "beta+0x7f")
        XCTAssertNil(lookup(table, 0x1000_0180), "in the gap after a sized symbol")
        XCTAssertNil(lookup(table, 0x1000_01FF))
        XCTAssertEqual(lookup(table, 0x1000_0200), "gamma (unsized)+0x0")
        XCTAssertEqual(lookup(table, 0x1000_02FF), "gamma (unsized)+0xff", "unsized: up to the next symbol")
        XCTAssertEqual(lookup(table, 0x1000_0300), "delta+0x0")
        XCTAssertNil(lookup(table, 0x1000_0340))
        XCTAssertNil(lookup(table, 0x1000_0400), "the last symbol has no known end")
        XCTAssertNil(lookup(table, UInt64.max), "after the last symbol")
    }

    func testLookupInEveryByteOfManySymbols() throws {
        var symbols: [SymbolTableEncoder.Symbol] = []
        for index in 0..<300 {
            symbols.append(symbol(0xFFFF_FFFF_8000_0000 + UInt64(index) * 16, UInt64(index % 3 == 0 ? 16 : 8), "f\(index)"))
        }
        let table = try XCTUnwrap(SymbolTable(bytes: SymbolTableEncoder.encode(symbols.reversed())))
        for index in 0..<300 {
            for offset in 0..<16 {
                let expected = offset < (index % 3 == 0 ? 16 : 8) ? "f\(index)+0x\(String(offset, radix: 16))" : nil
                XCTAssertEqual(lookup(table, 0xFFFF_FFFF_8000_0000 + UInt64(index * 16 + offset)), expected)
            }
        }
    }

    func testEmptyTable() throws {
        let table = try XCTUnwrap(SymbolTable(bytes: SymbolTableEncoder.encode([])))
        XCTAssertEqual(table.count, 0)
        XCTAssertNil(table.lookup(0x1000))
    }

    func testAliasesKeepTheLargestSymbol() throws {
        let bytes = SymbolTableEncoder.encode([
            symbol(0x2000, 0, "marker"),
            symbol(0x2000, 0x20, "function"),
            symbol(0x2000, 0x20, "alias"),
        ])
        let table = try XCTUnwrap(SymbolTable(bytes: bytes))
        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(lookup(table, 0x2010), "function+0x10")
    }

    func testNamesAreCutAtCharacterBoundaries() throws {
        // "é" is 2 bytes. With a 12-byte limit, 9 bytes of text remain before "...".
        let split = String(repeating: "x", count: 8) + "é" + String(repeating: "y", count: 10)
        let whole = String(repeating: "x", count: 7) + "é" + "zzzz"
        let bytes = SymbolTableEncoder.encode(
            [symbol(0x10, 1, split), symbol(0x20, 1, whole), symbol(0x30, 1, "short"), symbol(0x40, 1, "nul\u{0}inside")],
            maximumNameLength: 12)
        let table = try XCTUnwrap(SymbolTable(bytes: bytes))
        XCTAssertEqual(lookup(table, 0x10), "xxxxxxxx...+0x0", "the 9th byte would split é: cut before it")
        XCTAssertEqual(lookup(table, 0x20), "xxxxxxxé...+0x0")
        XCTAssertEqual(lookup(table, 0x30), "short+0x0")
        XCTAssertEqual(lookup(table, 0x40), "nul?inside+0x0")
    }

    func testTableInsideLargerBlob() throws {
        let blob = [UInt8](repeating: 0xEE, count: 13) + sample + [UInt8](repeating: 0, count: 64)
        let table = try XCTUnwrap(SymbolTable(bytes: blob[13...]), "slice with a non-zero start, trailing padding")
        XCTAssertEqual(lookup(table, 0x1000_0105), "beta+0x5")
    }

    func testReadsThroughImageBytes() {
        let bytes = sample
        // SAFETY: `raw` stays valid and unchanged for the closure, the only place the view is used.
        unsafe bytes.withUnsafeBytes { raw in
            let image = unsafe ImageBytes(start: raw.baseAddress!, count: raw.count)
            guard let table = SymbolTable(bytes: image) else { return XCTFail("valid table rejected") }
            var sink = CapturingTextSink()
            if let (symbol, offset) = table.lookup(0x1000_0302) {
                sink.write(contentsOf: symbol.name)
                sink.write("+")
                sink.writeHex(offset, digits: 1)
            }
            XCTAssertEqual(sink.text, "delta+0x2")
            XCTAssertNil(SymbolTable(bytes: image.prefix(40)), "a truncated view is rejected")
        }
    }

    func testEveryTruncationIsRejected() {
        let bytes = sample
        for length in 0..<bytes.count {
            XCTAssertNil(SymbolTable(bytes: Array(bytes[..<length])), "truncated to \(length) bytes")
        }
    }

    func testCorruptionsAreRejected() {
        let good = sample
        XCTAssertNotNil(SymbolTable(bytes: good))
        func corrupted(_ change: (inout [UInt8]) -> Void) -> [UInt8] {
            var bytes = good
            change(&bytes)
            return bytes
        }
        func put32(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (index * 8)) }
        }
        let entry = { (index: Int) in 16 + index * 16 }
        let stringsSize = Int(good[12]) | Int(good[13]) << 8
        XCTAssertNil(SymbolTable(bytes: corrupted { $0[0] = 0x58 }), "magic")
        XCTAssertNil(SymbolTable(bytes: corrupted { put32(2, at: 4, in: &$0) }), "version")
        XCTAssertNil(SymbolTable(bytes: corrupted { put32(6, at: 8, in: &$0) }), "count too large for the bytes")
        XCTAssertNil(SymbolTable(bytes: corrupted { put32(UInt32.max, at: 8, in: &$0) }), "count overflows")
        XCTAssertNil(SymbolTable(bytes: corrupted { put32(UInt32.max, at: 12, in: &$0) }), "string table too large")
        XCTAssertNil(SymbolTable(bytes: corrupted { put32(UInt32(stringsSize), at: entry(2) + 12, in: &$0) }),
                     "name offset at the end of the string table")
        XCTAssertNil(SymbolTable(bytes: corrupted { put32(0xFFFF_0000, at: entry(4) + 12, in: &$0) }), "name offset far out")
        XCTAssertNil(SymbolTable(bytes: corrupted { $0[$0.count - 1] = 0x41 }), "last name not NUL-terminated")
        XCTAssertNil(SymbolTable(bytes: corrupted { bytes in
            let first = Array(bytes[entry(0)..<entry(1)])
            bytes.replaceSubrange(entry(0)..<entry(1), with: bytes[entry(1)..<entry(2)])
            bytes.replaceSubrange(entry(1)..<entry(2), with: first)
        }), "entries out of order")
        XCTAssertNil(SymbolTable(bytes: corrupted { bytes in
            bytes.replaceSubrange(entry(1)..<(entry(1) + 8), with: bytes[entry(0)..<(entry(0) + 8)])
        }), "duplicate start address")
        XCTAssertNil(SymbolTable(bytes: corrupted { bytes in
            for index in 0..<8 { bytes[entry(4) + index] = 0xFF }
            put32(0x10, at: entry(4) + 8, in: &bytes)
        }), "symbol wraps past the end of the address space")
    }

    func testRandomCorruptionNeverTraps() {
        let good = sample
        var random = SplitMix64(state: 0x5EED)
        var accepted = 0
        for _ in 0..<5_000 {
            var bytes = good
            for _ in 0..<(1 + random.below(4)) {
                bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
            }
            guard let table = SymbolTable(bytes: bytes) else { continue }
            accepted += 1
            for _ in 0..<8 {
                _ = table.lookup(0x1000_0000 + UInt64(random.below(0x500)))
                _ = table.lookup(random.next())
            }
        }
        XCTAssertGreaterThan(accepted, 0, "some mutations (in names, sizes) keep the table valid")
    }

    // MARK: llvm-nm listings

    /// `Fixtures/nm-linked-swift-c.txt` is `llvm-nm --defined-only --print-size --numeric-sort`
    /// of an ELF linked at 1 MiB by ld.lld from an assembly entry point, a C file (a weak function,
    /// data, bss) and an Embedded Swift file (which brings the runtime's weak functions).
    func testParsesCapturedListing() throws {
        let listing = try BootFixtures.bytes("nm-linked-swift-c.txt")
        let symbols = NMListing.parse(listing)
        XCTAssertEqual(symbols.count, 60)
        XCTAssertEqual(symbols.first?.address, 0x10_0000)
        XCTAssertEqual(String(decoding: symbols[3].name, as: UTF8.self), "t")
        XCTAssertEqual(symbols[3].size, 0xB)
        XCTAssertEqual(symbols[3].type, UInt8(ascii: "T"))

        let functions = NMListing.functionSymbols(symbols)
        let names = functions.map { String(decoding: $0.name, as: UTF8.self) }
        XCTAssertTrue(names.contains("w"), "weak function in the text range")
        XCTAssertTrue(names.contains("swift_retain"))
        XCTAssertTrue(names.contains("$e1n1PV1xSivM.resume.0"))
        for dataSymbol in ["data1", "rodata_sym", "$e1n5tableSaySiGvp", "$es16_emptyBoxStorageSi_Sitvp", "$e1n5table_Wz"] {
            XCTAssertFalse(names.contains(dataSymbol), dataSymbol)
        }
        XCTAssertEqual(functions.map(\.address), functions.map(\.address).sorted())
        let strongFirst = try XCTUnwrap(names.firstIndex(of: "$e1n1gySbx_xtSQRzlF"))
        XCTAssertEqual(names[strongFirst + 1], "_swift_dead_method_stub", "global before local alias")

        let table = try XCTUnwrap(SymbolTable(bytes: SymbolTableEncoder.encode(functions.map {
            SymbolTableEncoder.Symbol(address: $0.address, size: $0.size, name: $0.name)
        })))
        XCTAssertEqual(lookup(table, 0x10_0013), "t+0x3")
        XCTAssertEqual(lookup(table, 0x10_0506), "$e1n1gySbx_xtSQRzlF+0x3")
        XCTAssertEqual(lookup(table, 0x10_0008), "local_label_nosize+0x2", "unsized assembly label")
        XCTAssertEqual(lookup(table, 0x10_0268), "swift_retain+0x2")
        XCTAssertNil(lookup(table, 0x10_052E + 4), "past _etext")
    }

    func testParsesLineVariants() {
        let text = Array("""
            kernel.o:
            ffffffff81000000 0000000000000010 T with_size\r
            ffffffff81000010 t no_size_column
                             U undefined_symbol
            ffffffff81000020 0000000000000004 W name with spaces
            zzzz 0000000000000004 T bad_address

            ffffffff81000030 0000000000000004 TT bad_type
            """.utf8)
        let symbols = NMListing.parse(text)
        XCTAssertEqual(symbols.map { String(decoding: $0.name, as: UTF8.self) },
                       ["with_size", "no_size_column", "name with spaces"])
        XCTAssertEqual(symbols.map(\.size), [0x10, 0, 4])
        XCTAssertEqual(symbols.map(\.address), [0xFFFF_FFFF_8100_0000, 0xFFFF_FFFF_8100_0010, 0xFFFF_FFFF_8100_0020])
    }
}
