// SPDX-License-Identifier: GPL-2.0-only
// Tests of PCI configuration-header decoding, BAR sizing math, capability walks (with malicious lists),
// MSI/MSI-X decoding and PCI address parsing.

import KernelCore
import XCTest

final class PCIConfigTests: XCTestCase {
    /// A 4 KiB configuration space with the given header fields; everything else zero.
    private func config(vendor: UInt16 = 0x8086, device: UInt16 = 0x10D3, classWord: UInt32 = 0x0200_0000,
                        headerType: UInt8 = 0, status: UInt16 = 0, capabilities: UInt8 = 0) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 4096)
        bytes.put32(UInt32(device) << 16 | UInt32(vendor), at: 0)
        bytes.put32(UInt32(status) << 16 | 0x0007, at: 4)
        bytes.put32(classWord, at: 8)
        bytes[0x0E] = headerType
        bytes[0x34] = capabilities
        return bytes
    }

    // MARK: - Header

    func testEndpointHeader() throws {
        var bytes = config(classWord: 0x0200_0003, headerType: 0x80, status: 0x10, capabilities: 0xC8)
        bytes.put32(0x0000_8086, at: 0x2C)
        bytes[0x3C] = 11
        bytes[0x3D] = 1
        let header = try XCTUnwrap(PCIHeader(ByteReader(bytes)))
        XCTAssertEqual(header.vendorID, 0x8086)
        XCTAssertEqual(header.deviceID, 0x10D3)
        XCTAssertEqual(header.classCode, 0x02)
        XCTAssertEqual(header.subclass, 0x00)
        XCTAssertEqual(header.revision, 0x03)
        XCTAssertEqual(header.classWord, 0x0200)
        XCTAssertEqual(header.layout, .general)
        XCTAssertTrue(header.isMultiFunction)
        XCTAssertEqual(header.barCount, 6)
        XCTAssertEqual(header.capabilitiesPointer, 0xC8)
        XCTAssertEqual(header.subsystemVendorID, 0x8086)
        XCTAssertEqual(header.interruptLine, 11)
        XCTAssertEqual(header.interruptPin, 1)
    }

    func testBridgeHeader() throws {
        var bytes = config(vendor: 0x1B36, device: 0x000C, classWord: 0x0604_0000, headerType: 0x01)
        bytes[0x18] = 0; bytes[0x19] = 1; bytes[0x1A] = 3
        let header = try XCTUnwrap(PCIHeader(ByteReader(bytes)))
        XCTAssertEqual(header.layout, .bridge)
        XCTAssertTrue(header.isPCIBridge)
        XCTAssertEqual(header.barCount, 2)
        XCTAssertEqual([header.primaryBus, header.secondaryBus, header.subordinateBus], [0, 1, 3])
        XCTAssertNil(header.capabilitiesPointer, "no capability list without status bit 4")
    }

    func testAbsentOrShortFunctions() {
        XCTAssertNil(PCIHeader(ByteReader([UInt8](repeating: 0xFF, count: 256))), "all ones is an absent function")
        XCTAssertNil(PCIHeader(ByteReader(config(vendor: 0))))
        XCTAssertNil(PCIHeader(ByteReader(Array(config()[0..<63]))))
        let odd = config(headerType: 0x7F)
        XCTAssertEqual(PCIHeader(ByteReader(odd))?.layout, .unknown(0x7F))
        XCTAssertEqual(PCIHeader(ByteReader(odd))?.barCount, 0)
    }

    // MARK: - BARs

    func testBARSizing() throws {
        // e1000: 128 KiB non-prefetchable 32-bit memory.
        let memory = try XCTUnwrap(PCIBAR.decode(index: 0, original: 0xFEBC_0000, sizing: 0xFFFE_0000))
        XCTAssertEqual(memory, PCIBAR(index: 0, kind: .memory32, address: 0xFEBC_0000, size: 0x2_0000, prefetchable: false))
        // I/O, 64 ports (upper 16 bits read back as 0 on some devices).
        let io = try XCTUnwrap(PCIBAR.decode(index: 1, original: 0xC001, sizing: 0x0000_FFC1))
        XCTAssertEqual(io, PCIBAR(index: 1, kind: .io, address: 0xC000, size: 64, prefetchable: false))
        let io32 = try XCTUnwrap(PCIBAR.decode(index: 1, original: 0xC001, sizing: 0xFFFF_FFE1))
        XCTAssertEqual(io32.size, 32)
        // 64-bit prefetchable, 16 KiB above 4 GiB.
        let wide = try XCTUnwrap(PCIBAR.decode(index: 4, original: 0x0000_000C, sizing: 0xFFFF_C00C,
                                               originalHigh: 0x0000_0008, sizingHigh: 0xFFFF_FFFF))
        XCTAssertEqual(wide, PCIBAR(index: 4, kind: .memory64, address: 0x8_0000_0000, size: 0x4000, prefetchable: true))
        XCTAssertTrue(PCIBAR.is64Bit(0x0000_000C))
        XCTAssertFalse(PCIBAR.is64Bit(0x0000_0001))
        // A 64-bit BAR of 8 GiB: the size comes from the high half.
        let huge = try XCTUnwrap(PCIBAR.decode(index: 0, original: 0x4, sizing: 0x4, originalHigh: 0x10, sizingHigh: 0xFFFF_FFFE))
        XCTAssertEqual(huge.size, 8 << 30)
        // Unimplemented BARs read back 0.
        XCTAssertNil(PCIBAR.decode(index: 2, original: 0, sizing: 0))
        XCTAssertNil(PCIBAR.decode(index: 2, original: 1, sizing: 1))
        // Garbage with holes in the mask still gives a power of two (the lowest writable bit).
        let holes = try XCTUnwrap(PCIBAR.decode(index: 0, original: 0, sizing: 0xF0F0_1000))
        XCTAssertEqual(holes.size, 0x1000)
        XCTAssertEqual(PCIBAR.decode(index: 0, original: 0x2, sizing: 0xFFF0_0002)?.kind, .memoryBelow1M)
    }

    // MARK: - Capabilities

    func testCapabilityWalk() {
        var bytes = config(status: 0x10, capabilities: 0xC8)
        bytes[0xC8] = 0x01; bytes[0xC9] = 0xD0        // PM → D0
        bytes[0xD0] = 0x05; bytes[0xD1] = 0xE0        // MSI → E0
        bytes[0xE0] = 0x10; bytes[0xE1] = 0xA0        // Express → A0
        bytes[0xA0] = 0x11; bytes[0xA1] = 0x00        // MSI-X, end
        let header = PCIHeader(ByteReader(bytes))
        let walk = PCICapabilities.walk(ByteReader(bytes), from: header?.capabilitiesPointer)
        XCTAssertNil(walk.problem)
        XCTAssertEqual(walk.entries.map(\.id), [0x01, 0x05, 0x10, 0x11])
        XCTAssertEqual(walk.entries.map(\.offset), [0xC8, 0xD0, 0xE0, 0xA0])
        XCTAssertEqual(PCICapability.name(of: 0x11).map { "\($0)" }, "MSI-X")
    }

    func testCapabilityWalkSurvivesMaliciousLists() {
        var loop = config(status: 0x10, capabilities: 0x40)
        loop[0x40] = 0x01; loop[0x41] = 0x50
        loop[0x50] = 0x05; loop[0x51] = 0x40          // back to the first
        let looped = PCICapabilities.walk(ByteReader(loop), from: 0x40)
        XCTAssertEqual(looped.entries.count, 2)
        XCTAssertNotNil(looped.problem)

        var selfLoop = config()
        selfLoop[0x40] = 0x09; selfLoop[0x41] = 0x43  // low bits ignored: points to itself
        XCTAssertEqual(PCICapabilities.walk(ByteReader(selfLoop), from: 0x40).entries.count, 1)

        var intoHeader = config()
        intoHeader[0x40] = 0x01; intoHeader[0x41] = 0x10
        let header = PCICapabilities.walk(ByteReader(intoHeader), from: 0x40)
        XCTAssertEqual(header.entries.count, 1)
        XCTAssertNotNil(header.problem)

        // Only the 256 bytes the port mechanism reads: a pointer past them stops the walk.
        let short = ByteReader(Array(config()[0..<0x80]))
        XCTAssertNotNil(PCICapabilities.walk(short, from: 0xF0).problem)
        XCTAssertNotNil(PCICapabilities.walk(ByteReader([UInt8](repeating: 0xFF, count: 256)), from: 0xFF).problem)

        // Every possible chain of random bytes terminates with at most 48 entries.
        var random = SplitMix64(state: 0x9C1)
        for _ in 0..<500 {
            var bytes = (0..<256).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes[0x34] |= 0x40
            let walk = PCICapabilities.walk(ByteReader(bytes), from: bytes[0x34])
            XCTAssertLessThanOrEqual(walk.entries.count, 48)
        }
    }

    func testExtendedCapabilityWalk() {
        var bytes = config()
        bytes.put32(0x1400_0001 | 0x0001_0000, at: 0x100)   // AER v1 → 0x140
        bytes.put32(0x0000_0003 | 0x0001_0000, at: 0x140)   // DSN v1, end
        let walk = PCICapabilities.walkExtended(ByteReader(bytes))
        XCTAssertNil(walk.problem)
        XCTAssertEqual(walk.entries, [PCIExtendedCapability(id: 1, version: 1, offset: 0x100),
                                      PCIExtendedCapability(id: 3, version: 1, offset: 0x140)])

        var loop = config()
        loop.put32(0x1400_0001, at: 0x100)
        loop.put32(0x1000_0002, at: 0x140)                  // back to 0x100
        let looped = PCICapabilities.walkExtended(ByteReader(loop))
        XCTAssertEqual(looped.entries.count, 2)
        XCTAssertNotNil(looped.problem)

        var low = config()
        low.put32(0x0400_0001, at: 0x100)                   // next = 0x40: not extended space
        XCTAssertNotNil(PCICapabilities.walkExtended(ByteReader(low)).problem)

        XCTAssertTrue(PCICapabilities.walkExtended(ByteReader(Array(config()[0..<256]))).entries.isEmpty)
        XCTAssertTrue(PCICapabilities.walkExtended(ByteReader([UInt8](repeating: 0xFF, count: 4096))).entries.isEmpty)

        var random = SplitMix64(state: 0xEC)
        for _ in 0..<100 {
            let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            XCTAssertLessThanOrEqual(PCICapabilities.walkExtended(ByteReader(bytes)).entries.count, 960)
        }
    }

    // MARK: - MSI and MSI-X

    func testMSIDecoding() throws {
        var bytes = config()
        bytes[0x50] = 0x05; bytes[0x51] = 0
        bytes[0x52] = 0x86; bytes[0x53] = 0x01              // 64-bit, per-vector masking, 8 vectors capable
        let msi = try XCTUnwrap(PCIMSICapability(ByteReader(bytes), offset: 0x50))
        XCTAssertTrue(msi.is64Bit)
        XCTAssertTrue(msi.hasPerVectorMasking)
        XCTAssertEqual(msi.vectorsCapable, 8)
        XCTAssertEqual(msi.vectorsEnabled, 1)
        XCTAssertEqual(msi.dataOffset, 0x5C)
        XCTAssertEqual(msi.maskOffset, 0x60)
        XCTAssertFalse(msi.isEnabled)

        bytes[0x52] = 0x00; bytes[0x53] = 0x00
        let plain = try XCTUnwrap(PCIMSICapability(ByteReader(bytes), offset: 0x50))
        XCTAssertEqual(plain.dataOffset, 0x58)
        XCTAssertNil(plain.addressHighOffset)
        XCTAssertNil(plain.maskOffset)
        XCTAssertNil(PCIMSICapability(ByteReader(bytes), offset: 0x40), "not an MSI capability")
        XCTAssertNil(PCIMSICapability(ByteReader(Array(bytes[0..<0x54])), offset: 0x50), "truncated")
    }

    func testMSIXDecoding() throws {
        var bytes = config()
        bytes[0xA0] = 0x11
        bytes[0xA2] = 0x04; bytes[0xA3] = 0x00              // 5 entries
        bytes.put32(0x0000_0003, at: 0xA4)                   // table in BAR 3 at 0
        bytes.put32(0x0000_2003, at: 0xA8)                   // PBA in BAR 3 at 0x2000
        let msix = try XCTUnwrap(PCIMSIXCapability(ByteReader(bytes), offset: 0xA0))
        XCTAssertEqual(msix.tableSize, 5)
        XCTAssertEqual(msix.tableBAR, 3)
        XCTAssertEqual(msix.tableOffset, 0)
        XCTAssertEqual(msix.pendingBAR, 3)
        XCTAssertEqual(msix.pendingOffset, 0x2000)
        XCTAssertEqual(msix.tableLength, 80)
        XCTAssertFalse(msix.isEnabled)
        bytes.put32(0x0000_1007, at: 0xA4)                   // BIR 7 is reserved
        XCTAssertNil(PCIMSIXCapability(ByteReader(bytes), offset: 0xA0))
    }

    func testMSIMessage() {
        XCTAssertEqual(PCIMSIMessage.fixed(vector: 0x50, apicID: 0), PCIMSIMessage(address: 0xFEE0_0000, data: 0x50))
        XCTAssertEqual(PCIMSIMessage.fixed(vector: 0x51, apicID: 3)?.address, 0xFEE0_3000)
        XCTAssertNil(PCIMSIMessage.fixed(vector: 0x51, apicID: 256))
        XCTAssertNil(PCIMSIMessage.fixed(vector: 0x0E, apicID: 0))
    }

    // MARK: - Addresses

    func testAddressParsing() throws {
        let address = try XCTUnwrap(PCIAddress.parse(Array("00:1f.3".utf8)))
        XCTAssertEqual(address, PCIAddress(bus: 0, device: 0x1F, function: 3))
        XCTAssertEqual(PCIAddress.parse(Array("0000:02:00.0".utf8)), PCIAddress(bus: 2, device: 0, function: 0))
        XCTAssertEqual(PCIAddress.parse(Array("1:2.0".utf8)), PCIAddress(bus: 1, device: 2, function: 0))
        for bad in ["", "00:20.0", "00:02.8", "00:02", "02.0", "x0:02.0", "000:00:00:00.0", "00:02.0.1", "100:00.0"] {
            XCTAssertNil(PCIAddress.parse(Array(bad.utf8)), "accepted \(bad)")
        }
        var line = LineBuffer<32>()
        line.write(PCIAddress(bus: 0, device: 2, function: 0)!)
        XCTAssertEqual(String(decoding: Array(line), as: UTF8.self), "00:02.0")
        line.removeAll()
        line.write(PCIAddress(segment: 1, bus: 0xAB, device: 0x1F, function: 7)!)
        XCTAssertEqual(String(decoding: Array(line), as: UTF8.self), "0001:ab:1f.7")
    }
}
