// SPDX-License-Identifier: GPL-2.0-only
// Tests of the \_Sx package lookup on AML compiled by iasl (fixtures) and on hand-made byte streams.

import KernelCore
import XCTest

final class ACPISleepTypeTests: XCTestCase {
    /// Compiled AML fixtures and the \_S5 lookup each must give; a captured DSDT is one more line.
    private let expectations: [(fixture: String, s5: Result<SleepType, SleepType.LookupError>)] = [
        ("s5-standard.aml", .success(SleepType(a: 5, b: 5))),
        ("s5-zero.aml", .success(SleepType(a: 0, b: 0))),
        ("s5-word.aml", .success(SleepType(a: 5, b: 7))),
        ("s5-large.aml", .success(SleepType(a: 6, b: 3))),
        ("s5-missing.aml", .failure(.notFound)),
        // Captured from QEMU 7.2 by scripts/capture-fixtures; `iasl -d` shows Package (4) {Zero, Zero, Zero, Zero}.
        ("qemu-pc-seabios-DSDT.dat", .success(SleepType(a: 0, b: 0))),
        ("qemu-q35-ovmf-DSDT.dat", .success(SleepType(a: 0, b: 0))),
    ]

    private func lookup(_ aml: [UInt8], state: UInt8 = 5) -> Result<SleepType, SleepType.LookupError> {
        do {
            return .success(try SleepType.find(sleepState: state, inAML: ByteReader(aml)))
        } catch {
            return .failure(error)
        }
    }

    func testCompiledFixtures() throws {
        for (fixture, expected) in expectations {
            let table = try ACPITable(bytes: ByteReader(try BootFixtures.bytes(fixture)))
            XCTAssertEqual(lookup(table.body.allBytes), expected, fixture)
        }
        let standard = try ACPITable(bytes: ByteReader(try BootFixtures.bytes("s5-standard.aml")))
        XCTAssertEqual(lookup(standard.body.allBytes, state: 3), .success(SleepType(a: 1, b: 1)))
        XCTAssertEqual(lookup(standard.body.allBytes, state: 4), .failure(.notFound))
        XCTAssertEqual(lookup(standard.body.allBytes, state: 9), .failure(.notFound))
    }

    func testEveryAMLFixtureIsAValidTableAndSurvivesTruncation() throws {
        let names = BootFixtures.names(endingWith: ".aml")
        XCTAssertGreaterThanOrEqual(names.count, expectations.filter { $0.fixture.hasSuffix(".aml") }.count)
        for name in names {
            let body = try ACPITable(bytes: ByteReader(try BootFixtures.bytes(name))).body.allBytes
            let full = lookup(body)
            for length in 0..<body.count {
                let result = lookup(Array(body.prefix(length)))
                if case .success(let found) = result, case .success(let expected) = full {
                    XCTAssertEqual(found, expected, "\(name) cut at \(length)")
                }
            }
        }
    }

    func testTruncatedPackagesAreReported() throws {
        let body = try ACPITable(bytes: ByteReader(try BootFixtures.bytes("s5-zero.aml"))).body.allBytes
        let name = Array("_S5_".utf8)
        let at = try XCTUnwrap((0...(body.count - 4)).first { Array(body[$0..<($0 + 4)]) == name })
        XCTAssertEqual(lookup(Array(body.prefix(at + 4))), .failure(.truncated))
        XCTAssertEqual(lookup(Array(body.prefix(at + 5))), .failure(.truncated))
        XCTAssertEqual(lookup(Array(body.prefix(at + 7))), .failure(.truncated))

        let large = try ACPITable(bytes: ByteReader(try BootFixtures.bytes("s5-large.aml"))).body.allBytes
        XCTAssertEqual(lookup(Array(large.prefix(large.count - 1))), .failure(.malformedPackage), "the decoy's error")
    }

    func testHandMadeEncodings() {
        let nameOp: [UInt8] = [0x08] + Array("_S5_".utf8)
        XCTAssertEqual(lookup(nameOp + [0x12, 0x0C, 0x02, 0x0C, 0x07, 0, 0, 0, 0x0C, 0x02, 0, 0, 0]), .success(SleepType(a: 7, b: 2)))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x14, 0x02, 0x0E, 3, 0, 0, 0, 0, 0, 0, 0, 0x0E, 4, 0, 0, 0, 0, 0, 0, 0]),
                       .success(SleepType(a: 3, b: 4)))
        XCTAssertEqual(lookup([0x08, 0x5E, 0x5E] + Array("_S5_".utf8) + [0x12, 0x04, 0x02, 0x01, 0x00]), .success(SleepType(a: 1, b: 0)))
        XCTAssertEqual(lookup([0x08, 0x5C] + Array("_S5_".utf8) + [0x12, 0x04, 0x02, 0x01, 0x01]), .success(SleepType(a: 1, b: 1)))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x04, 0x02, 0xFF, 0x00]), .failure(.valueOutOfRange))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x05, 0x02, 0x0A, 0x08, 0x00]), .failure(.valueOutOfRange))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x02, 0x00]), .failure(.malformedPackage))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x01]), .failure(.malformedPackage))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x04, 0x02, 0x0D, 0x41, 0x00]), .failure(.unsupportedElement))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x04, 0x02, 0x0A]), .failure(.truncated))
        XCTAssertEqual(lookup(nameOp + [0x12, 0x03, 0x02, 0x0A, 0x05]), .failure(.malformedPackage), "elements past the package")
        XCTAssertEqual(lookup(nameOp + [0x12, 0xC4, 0xFF, 0xFF, 0xFF, 0x02, 0, 0]), .failure(.truncated), "4-byte PkgLength")
        XCTAssertEqual(lookup(nameOp + [0x0A, 0x05]), .failure(.malformedPackage), "not a package")
        XCTAssertEqual(lookup([0x14] + Array("_S5_".utf8) + [0x12, 0x04, 0x02, 0x01, 0x01]), .failure(.notFound), "MethodOp")
        XCTAssertEqual(lookup(Array("_S5_".utf8) + [0x12, 0x04, 0x02, 0x01, 0x01]), .failure(.notFound), "no NameOp")
        XCTAssertEqual(lookup([]), .failure(.notFound))
    }

    func testRandomMutationsNeverTrap() throws {
        let body = try ACPITable(bytes: ByteReader(try BootFixtures.bytes("s5-large.aml"))).body.allBytes
        var random = SplitMix64(state: 99)
        for _ in 0..<20_000 {
            var mutated = body
            for _ in 0..<(1 + random.below(3)) {
                mutated[random.below(mutated.count)] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = lookup(mutated)
        }
    }

    func testS5SearchesSSDTsAfterTheDSDT() throws {
        var memory = BlobPhysicalMemory()
        memory.place(try BootFixtures.bytes("s5-missing.aml"), at: 0x10_0000)
        memory.place(try BootFixtures.bytes("s5-word.aml"), at: 0x11_0000)
        var fadtBody = [UInt8](repeating: 0, count: 80)
        fadtBody.replaceSubrange(4..<8, with: [0, 0, 0x10, 0])
        memory.place(ACPITableBuilder.table("FACP", revision: 1, body: fadtBody), at: 0x12_0000)
        memory.place(ACPITableBuilder.rsdt([0x12_0000, 0x11_0000]), at: 0x13_0000)
        let rsdp = try RSDP(bytes: ByteReader(ACPITableBuilder.rsdp(revision: 0, rsdt: 0x13_0000)))
        let directory = try ACPITableDirectory(rsdp: rsdp, memory: memory)
        XCTAssertEqual(directory.diagnostics.count, 0)
        XCTAssertEqual(try SleepType.s5(in: directory), SleepType(a: 5, b: 7))
    }
}
