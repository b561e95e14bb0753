// SPDX-License-Identifier: GPL-2.0-only
// Tests of the RSDP, the common table header, the root table directory, FADT, HPET and MCFG.

import KernelCore
import XCTest

final class ACPITableTests: XCTestCase {
    private func acpiError<T>(_ body: () throws(ACPIError) -> T) -> ACPIError? {
        do { _ = try body(); return nil } catch { return error }
    }

    // MARK: - RSDP

    func testRSDPVersions() throws {
        let v1 = try RSDP(bytes: ByteReader(ACPITableBuilder.rsdp(revision: 0, rsdt: 0x7FE_1000)))
        XCTAssertEqual(v1.revision, 0)
        XCTAssertEqual(v1.rsdtAddress, 0x7FE_1000)
        XCTAssertNil(v1.xsdtAddress)
        XCTAssertEqual(v1.oemID, Array("APUS  ".utf8))

        let v2 = try RSDP(bytes: ByteReader(ACPITableBuilder.rsdp(revision: 2, rsdt: 0x7FE_1000, xsdt: 0x1_0000_2000)))
        XCTAssertEqual(v2.xsdtAddress, 0x1_0000_2000)
    }

    func testRSDPRejections() {
        var badV1 = ACPITableBuilder.rsdp(revision: 0, rsdt: 0x1000)
        badV1[16] &+= 1
        XCTAssertEqual(acpiError { () throws(ACPIError) in try RSDP(bytes: ByteReader(badV1)) }, .badChecksum)

        var badExtended = ACPITableBuilder.rsdp(revision: 2, rsdt: 0x1000, xsdt: 0x2000)
        badExtended[33] = 1  // reserved byte, only under the extended checksum
        XCTAssertEqual(acpiError { () throws(ACPIError) in try RSDP(bytes: ByteReader(badExtended)) }, .badChecksum)

        var badSignature = ACPITableBuilder.rsdp(revision: 0, rsdt: 0x1000)
        badSignature[0] = UInt8(ascii: "X")
        XCTAssertEqual(acpiError { () throws(ACPIError) in try RSDP(bytes: ByteReader(badSignature)) }, .badSignature)

        let v2 = ACPITableBuilder.rsdp(revision: 2, rsdt: 0x1000, xsdt: 0x2000)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try RSDP(bytes: ByteReader(Array(v2.prefix(20)))) }, .truncated)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try RSDP(bytes: ByteReader(Array(v2.prefix(19)))) }, .truncated)

        var shortLength = v2
        shortLength.put32(20, at: 20)
        ACPITableBuilder.fixChecksum(&shortLength, at: 32, over: 0..<36)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try RSDP(bytes: ByteReader(shortLength)) }, .badLength)
    }

    func testRSDPFoundInBIOSArea() {
        var memory = BlobPhysicalMemory()
        var area = [UInt8](repeating: 0, count: 0x2_0000)
        var decoy = ACPITableBuilder.rsdp(revision: 0, rsdt: 0xDEAD)
        decoy[8] &+= 1
        area.replaceSubrange(0x100..<0x114, with: decoy)
        let offset = 0xF_F5A0 - 0xE_0000
        area.replaceSubrange(offset..<(offset + 20), with: ACPITableBuilder.rsdp(revision: 0, rsdt: 0x7FE_1000))
        memory.place([0, 0], at: 0x40E)
        memory.place(area, at: 0xE_0000)
        XCTAssertEqual(RSDP.findInBIOSArea(memory)?.rsdtAddress, 0x7FE_1000)
        XCTAssertNil(RSDP.findInBIOSArea(BlobPhysicalMemory()))
    }

    // MARK: - Common header

    func testTableHeaderAndChecksum() throws {
        let bytes = ACPITableBuilder.table("SSDT", revision: 2, body: [1, 2, 3])
        let table = try ACPITable(bytes: ByteReader(bytes + [9, 9]), physicalAddress: 0x1234)
        XCTAssertEqual(table.signature, .ssdt)
        XCTAssertEqual(table.length, 39)
        XCTAssertEqual(table.bytes.count, 39, "trailing bytes are not part of the table")
        XCTAssertEqual(table.body.allBytes, [1, 2, 3])
        XCTAssertEqual(table.revision, 2)
        XCTAssertEqual(table.oemTableID, Array("TESTTABL".utf8))
        XCTAssertEqual(table.signature.bytes, Array("SSDT".utf8))

        let corrupt = ACPITableBuilder.table("SSDT", body: [1, 2, 3], corrupt: true)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try ACPITable(bytes: ByteReader(corrupt)) }, .badChecksum)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try ACPITable(bytes: ByteReader(Array(bytes.prefix(38)))) }, .truncated)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try ACPITable(bytes: ByteReader(Array(bytes.prefix(30)))) }, .truncated)
        var short = bytes
        short.put32(20, at: 4)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try ACPITable(bytes: ByteReader(short)) }, .badLength)
        var huge = bytes
        huge.put32(UInt32.max, at: 4)
        XCTAssertEqual(acpiError { () throws(ACPIError) in try ACPITable(bytes: ByteReader(huge)) }, .badLength)
    }

    // MARK: - Directory

    /// A small machine: RSDP at 0xF0000, tables above 0x7FE0000.
    private func machine(rsdpRevision: UInt8 = 2, corruptXSDT: Bool = false) -> (BlobPhysicalMemory, RSDP) {
        var memory = BlobPhysicalMemory()
        let dsdt = ACPITableBuilder.table("DSDT", revision: 2, body: [0x08, 0x5F, 0x53, 0x35, 0x5F, 0x12, 0x06, 0x02, 0x0A, 0x05, 0x0A, 0x05])
        memory.place(dsdt, at: 0x7FE_0000)
        memory.place(fadt(dsdt32: 0x7FE_0000, xDSDT: 0), at: 0x7FE_1000)
        memory.place(ACPITableBuilder.table("APIC", body: madtBody()), at: 0x7FE_2000)
        memory.place(ACPITableBuilder.table("HPET", body: [1, 2, 3], corrupt: true), at: 0x7FE_3000)
        memory.place(ACPITableBuilder.table("SSDT", body: [0x10]), at: 0x7FE_4000)
        memory.place(ACPITableBuilder.rsdt([0x7FE_1000, 0x7FE_4000]), at: 0x7FE_5000)
        memory.place(ACPITableBuilder.xsdt([0x7FE_1000, 0x7FE_2000, 0x7FE_3000, 0, 0x9999_0000], corrupt: corruptXSDT), at: 0x7FE_6000)
        let rsdp = try! RSDP(bytes: ByteReader(ACPITableBuilder.rsdp(revision: rsdpRevision, rsdt: 0x7FE_5000, xsdt: 0x7FE_6000)))
        return (memory, rsdp)
    }

    private func madtBody() -> [UInt8] {
        var body: [UInt8] = []
        body.append32(0xFEE0_0000)
        body.append32(1)
        body.append(contentsOf: [0, 8, 0, 0, 1, 0, 0, 0])
        return body
    }

    func testXSDTPreferredFromRevision2() throws {
        let (memory, rsdp) = machine()
        let directory = try ACPITableDirectory(rsdp: rsdp, memory: memory)
        XCTAssertEqual(directory.root.signature, .xsdt)
        XCTAssertEqual(directory.tables.map(\.signature), [.fadt, .madt, .dsdt])
        XCTAssertNil(directory.table(.ssdt), "the SSDT is only in the RSDT")
        XCTAssertNil(directory.table(.hpet), "bad checksum: rejected")
        XCTAssertEqual(directory.diagnostics.map { "\($0.reason)" }, ["bad checksum", "null table address", "memory not readable"])
        XCTAssertEqual(directory.diagnostics.first?.signature, .hpet)
        XCTAssertEqual(directory.diagnostics.first?.address, 0x7FE_3000)
        XCTAssertEqual(directory.diagnostics[1].offset, 36 + 24)
        XCTAssertEqual(directory.table(.dsdt)?.physicalAddress, 0x7FE_0000)
        XCTAssertEqual(try SleepType.s5(in: directory), SleepType(a: 5, b: 5))
    }

    func testRSDTUsedBeforeRevision2AndAsFallback() throws {
        let (memory, rsdp) = machine(rsdpRevision: 0)
        let v1 = try ACPITableDirectory(rsdp: rsdp, memory: memory)
        XCTAssertEqual(v1.root.signature, .rsdt)
        XCTAssertEqual(v1.tables.map(\.signature), [.fadt, .ssdt, .dsdt])
        XCTAssertEqual(v1.diagnostics.count, 0)

        let (badMemory, badRSDP) = machine(corruptXSDT: true)
        let fallback = try ACPITableDirectory(rsdp: badRSDP, memory: badMemory)
        XCTAssertEqual(fallback.root.signature, .rsdt)
        XCTAssertEqual(fallback.diagnostics.map { "\($0.reason)" }, ["bad checksum", "falling back to the RSDT"])

        let nothing = try! RSDP(bytes: ByteReader(ACPITableBuilder.rsdp(revision: 2, rsdt: 0x10, xsdt: 0x20)))
        XCTAssertEqual(acpiError { () throws(ACPIError) in try ACPITableDirectory(rsdp: nothing, memory: memory) }, .noRootTable)
    }

    // MARK: - FADT

    /// A revision 6 FADT (276 bytes) as QEMU q35 lays it out, with `length` to cut it short.
    private func fadt(revision: UInt8 = 6, length: Int = 276, dsdt32: UInt32 = 0x7FE_0000, xDSDT: UInt64 = 0x7FE_0000,
                      xPM1a: UInt64 = 0x604, flags: UInt32 = 0x0000_05A5, bootArch: UInt16 = 0x0002) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 276)
        func put(_ value: UInt64, _ offset: Int, _ size: Int) {
            for index in 0..<size { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index)) }
        }
        put(UInt64(dsdt32), 40, 4)
        put(9, 46, 2)          // SCI_INT
        put(0xB2, 48, 4)       // SMI_CMD
        put(0xF1, 52, 1)       // ACPI_ENABLE
        put(0xF0, 53, 1)       // ACPI_DISABLE
        put(0x600, 56, 4)      // PM1a_EVT_BLK
        put(0x604, 64, 4)      // PM1a_CNT_BLK
        put(0x608, 76, 4)      // PM_TMR_BLK
        put(4, 88, 1)
        put(2, 89, 1)
        put(4, 91, 1)
        put(0x32, 108, 1)      // CENTURY
        put(UInt64(bootArch), 109, 2)
        put(UInt64(flags), 112, 4)
        bytes.replaceSubrange(116..<128, with: ACPITableBuilder.gas(space: 1, width: 8, access: 1, address: 0xCF9))
        put(0x06, 128, 1)      // RESET_VALUE
        put(xDSDT, 140, 8)
        bytes.replaceSubrange(148..<160, with: ACPITableBuilder.gas(space: 1, width: 32, address: 0x600))
        bytes.replaceSubrange(172..<184, with: ACPITableBuilder.gas(space: 1, width: 16, address: xPM1a))
        bytes.replaceSubrange(208..<220, with: ACPITableBuilder.gas(space: 1, width: 32, address: 0x608))
        return ACPITableBuilder.table("FACP", revision: revision, body: Array(bytes[36..<length]))
    }

    func testFADTPowerManagementFields() throws {
        let parsed = try FADT(table: ACPITable(bytes: ByteReader(fadt(xDSDT: 0x1_2345_0000))))
        XCTAssertEqual(parsed.dsdtAddress, 0x1_2345_0000, "X_DSDT preferred")
        XCTAssertEqual(parsed.sciInterrupt, 9)
        XCTAssertEqual(parsed.smiCommandPort, 0xB2)
        XCTAssertEqual(parsed.acpiEnableValue, 0xF1)
        XCTAssertEqual(parsed.acpiDisableValue, 0xF0)
        XCTAssertEqual(parsed.pm1aControlBlock, GenericAddress(addressSpace: .systemIO, bitWidth: 16, bitOffset: 0, accessSize: 0, address: 0x604))
        XCTAssertNil(parsed.pm1bControlBlock)
        XCTAssertNil(parsed.pm1bEventBlock)
        XCTAssertEqual(parsed.pm1aEventBlock?.address, 0x600)
        XCTAssertEqual(parsed.pmTimerBlock?.bitWidth, 32)
        XCTAssertEqual(parsed.resetRegister?.address, 0xCF9)
        XCTAssertEqual(parsed.resetRegister?.addressSpace, .systemIO)
        XCTAssertEqual(parsed.resetValue, 6)
        XCTAssertTrue(parsed.resetRegisterSupported)
        XCTAssertTrue(parsed.pmTimerIs32Bit)
        XCTAssertFalse(parsed.isHardwareReduced)
        XCTAssertTrue(parsed.has8042)
        XCTAssertFalse(parsed.hasLegacyDevices)
        XCTAssertFalse(parsed.vgaNotPresent)
        XCTAssertEqual(parsed.centuryIndex, 0x32)

        let reduced = try FADT(table: ACPITable(bytes: ByteReader(fadt(flags: 1 << 20, bootArch: 0x4))))
        XCTAssertTrue(reduced.isHardwareReduced)
        XCTAssertFalse(reduced.resetRegisterSupported)
        XCTAssertFalse(reduced.has8042)
        XCTAssertTrue(reduced.vgaNotPresent)
    }

    func testFADTFallsBackToLegacyFields() throws {
        let zeroX = try FADT(table: ACPITable(bytes: ByteReader(fadt(xDSDT: 0, xPM1a: 0))))
        XCTAssertEqual(zeroX.dsdtAddress, 0x7FE_0000)
        XCTAssertEqual(zeroX.pm1aControlBlock, GenericAddress(addressSpace: .systemIO, bitWidth: 16, bitOffset: 0, accessSize: 0, address: 0x604))

        let acpi1 = try FADT(table: ACPITable(bytes: ByteReader(fadt(revision: 1, length: 116, bootArch: 0))))
        XCTAssertEqual(acpi1.dsdtAddress, 0x7FE_0000)
        XCTAssertEqual(acpi1.pm1aControlBlock?.address, 0x604)
        XCTAssertEqual(acpi1.pmTimerBlock?.bitWidth, 32)
        XCTAssertNil(acpi1.resetRegister, "beyond a 116-byte table")
        XCTAssertFalse(acpi1.resetRegisterSupported)
        XCTAssertTrue(acpi1.has8042, "unknown before revision 2: assumed present")

        XCTAssertEqual(acpiError { () throws(ACPIError) in try FADT(table: ACPITable(bytes: ByteReader(self.fadt(length: 40)))) }, .truncated)
        let notFADT = try ACPITable(bytes: ByteReader(ACPITableBuilder.table("APIC", body: madtBody())))
        XCTAssertEqual(acpiError { () throws(ACPIError) in try FADT(table: notFADT) }, .badSignature)
    }

    // MARK: - HPET and MCFG

    func testHPET() throws {
        var body: [UInt8] = []
        body.append32(0x8086_A201)
        body.append(contentsOf: ACPITableBuilder.gas(space: 0, width: 64, address: 0xFED0_0000))
        body.append(0)
        body.append16(0x80)
        body.append(0)
        let hpet = try HPETTable(table: ACPITable(bytes: ByteReader(ACPITableBuilder.table("HPET", body: body))))
        XCTAssertEqual(hpet.baseAddress.address, 0xFED0_0000)
        XCTAssertEqual(hpet.comparatorCount, 3)
        XCTAssertTrue(hpet.counterIs64Bit)
        XCTAssertTrue(hpet.legacyReplacementCapable)
        XCTAssertEqual(hpet.minimumTick, 0x80)

        var ioSpace = body
        ioSpace[4] = 1
        let ioTable = try ACPITable(bytes: ByteReader(ACPITableBuilder.table("HPET", body: ioSpace)))
        XCTAssertEqual(acpiError { () throws(ACPIError) in try HPETTable(table: ioTable) }, .invalidField)
        let short = try ACPITable(bytes: ByteReader(ACPITableBuilder.table("HPET", body: Array(body.prefix(10)))))
        XCTAssertEqual(acpiError { () throws(ACPIError) in try HPETTable(table: short) }, .truncated)
    }

    func testMCFG() throws {
        func allocation(_ base: UInt64, _ segment: UInt16, _ start: UInt8, _ end: UInt8) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.append64(base)
            bytes.append16(segment)
            bytes.append(contentsOf: [start, end, 0, 0, 0, 0])
            return bytes
        }
        let body = [UInt8](repeating: 0, count: 8) + allocation(0xB000_0000, 0, 0, 0xFF) + allocation(0xC000_0000, 1, 5, 2)
            + allocation(0, 2, 0, 1) + [1, 2, 3]
        let mcfg = try MCFG(table: ACPITable(bytes: ByteReader(ACPITableBuilder.table("MCFG", body: body))))
        XCTAssertEqual(mcfg.allocations.count, 1)
        XCTAssertEqual(mcfg.allocations.first?.baseAddress, 0xB000_0000)
        XCTAssertEqual(mcfg.allocations.first?.endBus, 0xFF)
        XCTAssertEqual(mcfg.allocations.first?.configurationAddress(bus: 1, device: 2, function: 3), 0xB010_0000 + (2 << 15) + (3 << 12))
        XCTAssertNil(mcfg.allocations.first?.configurationAddress(bus: 0, device: 32, function: 0))
        XCTAssertEqual(mcfg.diagnostics.map { "\($0.reason)" }, [
            "partial allocation at the end of the table", "start bus after end bus", "impossible ECAM base address",
        ])
    }

    /// Captured tables (`*.dat`, one table each, e.g. `acpidump -b` of a QEMU guest) must validate
    /// and parse without diagnostics; add a file to test it.
    func testCapturedTableFixtures() throws {
        for name in BootFixtures.names(endingWith: ".dat") {
            let table = try ACPITable(bytes: ByteReader(try BootFixtures.bytes(name)))
            switch table.signature {
            case .fadt: _ = try FADT(table: table)
            case .madt: XCTAssertEqual(try MADT(table: table).diagnostics.count, 0, name)
            case .hpet: _ = try HPETTable(table: table)
            case .mcfg: XCTAssertEqual(try MCFG(table: table).diagnostics.count, 0, name)
            default: break
            }
        }
    }
}
