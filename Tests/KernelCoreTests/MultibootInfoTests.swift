// SPDX-License-Identifier: GPL-2.0-only
// Tests of the multiboot2 boot information parser on realistic and corrupted blobs.

import KernelCore
import XCTest

final class MultibootInfoTests: XCTestCase {
    /// What GRUB hands over on a SeaBIOS QEMU boot with 128 MiB, plus extras.
    private func biosBlob() -> MultibootBuilder {
        var builder = MultibootBuilder()
        builder.string(1, "loglevel=7 ktest=mm,boot")
        builder.string(2, "GRUB 2.06")
        builder.module(start: 0x20_0000, end: 0x20_4000, "/boot/initrd fast")
        builder.module(start: 0x30_0000, end: 0x30_0000, "empty")
        builder.basicMemoryInfo(lower: 639, upper: 129_920)
        var device: [UInt8] = []
        device.append32(0xE0)
        device.append32(0xFFFF_FFFF)
        device.append32(0xFFFF_FFFF)
        builder.tag(5, device)
        builder.memoryMap([
            (0, 0x9_FC00, 1), (0x9_FC00, 0x400, 2), (0xF_0000, 0x1_0000, 2),
            (0x10_0000, 0x7EE_0000, 1), (0x7FE_0000, 0x2_0000, 2), (0xFFFC_0000, 0x4_0000, 2),
        ])
        builder.tag(10, [UInt8](repeating: 0, count: 12))  // APM: known to the spec, unused here
        builder.framebuffer(address: 0xFD00_0000, pitch: 4096, width: 1024, height: 768, bpp: 32, type: 1,
                            colorInfo: [16, 8, 8, 8, 0, 8])
        builder.tag(14, ACPITableBuilder.rsdp(revision: 0, rsdt: 0x7FE_1000))
        builder.u32Tag(21, 0x10_0000)
        return builder
    }

    func testRealisticBIOSBoot() throws {
        let info = MultibootInfo(parsing: ByteReader(biosBlob().build()))
        XCTAssertEqual(info.diagnostics.count, 0, "\(info.diagnostics.map { "\($0.reason)" })")
        XCTAssertEqual(info.commandLine, Array("loglevel=7 ktest=mm,boot".utf8))
        XCTAssertEqual(info.bootLoaderName, Array("GRUB 2.06".utf8))
        XCTAssertEqual(info.modules.count, 2)
        XCTAssertEqual(info.modules[0].start, 0x20_0000)
        XCTAssertEqual(info.modules[0].end, 0x20_4000)
        XCTAssertEqual(info.modules[0].string, Array("/boot/initrd fast".utf8))
        XCTAssertEqual(info.basicMemoryInfo?.upperKiB, 129_920)
        XCTAssertEqual(info.bootDevice?.biosDevice, 0xE0)
        XCTAssertEqual(info.memoryMapEntries?.count, 6)
        XCTAssertEqual(info.imageLoadBase, 0x10_0000)
        XCTAssertEqual(info.rsdpV1?.count, 20)
        XCTAssertNil(info.rsdpV2)
        XCTAssertEqual(info.rsdpBytes, info.rsdpV1)
        XCTAssertFalse(info.efiBootServicesActive)

        let framebuffer = try XCTUnwrap(info.framebuffer)
        XCTAssertEqual(framebuffer.address, 0xFD00_0000)
        XCTAssertEqual(framebuffer.byteCount, 4096 * 768)
        guard case .rgb(let red, let green, let blue) = framebuffer.format else { return XCTFail("not RGB") }
        XCTAssertEqual(red, .init(position: 16, size: 8))
        XCTAssertEqual(green, .init(position: 8, size: 8))
        XCTAssertEqual(blue, .init(position: 0, size: 8))

        XCTAssertEqual(info.tags.map(\.type), [1, 2, 3, 3, 4, 5, 6, 10, 8, 14, 21, 0])
        XCTAssertEqual(info.tags.filter { $0.disposition == .unknown }.map(\.type), [10])

        let map = info.memoryMap
        XCTAssertEqual(map.source, .multibootMemoryMap)
        XCTAssertEqual(map.regions, [
            .init(base: 0, end: 0x9_FC00, kind: .usable),
            .init(base: 0x9_FC00, end: 0xA_0000, kind: .reserved),
            .init(base: 0xF_0000, end: 0x10_0000, kind: .reserved),
            .init(base: 0x10_0000, end: 0x7FE_0000, kind: .usable),
            .init(base: 0x7FE_0000, end: 0x800_0000, kind: .reserved),
            .init(base: 0xFFFC_0000, end: 0x1_0000_0000, kind: .reserved),
        ])
        XCTAssertEqual(map.usableBytes, 0x9_FC00 + 0x7EE_0000)
        XCTAssertEqual(map.kind(at: 0x50_0000), .usable)
        XCTAssertNil(map.kind(at: 0xA_0000))
    }

    func testAdjacentUnsortedEntriesAreSortedAndMerged() {
        var builder = MultibootBuilder()
        builder.memoryMap([(0x2000, 0x1000, 1), (0, 0x1000, 1), (0x1000, 0x1000, 1), (0x3000, 0x1000, 7), (0x4000, 0x1000, 2)])
        let map = MultibootInfo(parsing: ByteReader(builder.build())).memoryMap
        XCTAssertEqual(map.regions, [
            .init(base: 0, end: 0x3000, kind: .usable),
            .init(base: 0x3000, end: 0x5000, kind: .reserved),
        ])
    }

    func testEFIBootUsesEFIMapWhenNoMultibootMap() {
        var builder = MultibootBuilder()
        builder.u64Tag(12, 0x7F9_E000)
        builder.tag(15, ACPITableBuilder.rsdp(revision: 2, rsdt: 0x7FB_7000, xsdt: 0x7FB_70E8))
        let writeBack: UInt64 = 0x8
        builder.efiMemoryMap([
            (7, 0, 0x9F, writeBack),           // conventional
            (3, 0x10_0000, 0x100, writeBack),  // boot services code
            (2, 0x20_0000, 0x10, writeBack),   // loader data
            (7, 0x21_0000, 0x10, 0),           // conventional, not write-back: reserved
            (9, 0x30_0000, 2, writeBack),      // ACPI reclaim
            (10, 0x30_2000, 1, writeBack),     // ACPI NVS
            (8, 0x40_0000, 1, writeBack),      // unusable
            (11, 0xFEC0_0000, 1, 1),           // MMIO
            (7, 0xFFFF_FFFF_FFFF_F000, 0x10, writeBack),  // wraps: clamped
        ])
        builder.u64Tag(20, 0x7E0_0000)
        let info = MultibootInfo(parsing: ByteReader(builder.build()))
        XCTAssertEqual(info.diagnostics.count, 0)
        XCTAssertEqual(info.efiSystemTable, 0x7F9_E000)
        XCTAssertEqual(info.efiImageHandle, 0x7E0_0000)
        XCTAssertEqual(info.rsdpBytes?.count, 36)
        XCTAssertEqual(info.efiMemoryMap?.descriptors.count, 9)
        XCTAssertEqual(info.efiMemoryMap?.descriptorSize, 48)

        let map = info.memoryMap
        XCTAssertEqual(map.source, .efiMemoryMap)
        XCTAssertEqual(map.kind(at: 0x1000), .usable)
        XCTAssertEqual(map.kind(at: 0x10_0000), .usable)
        XCTAssertEqual(map.kind(at: 0x20_0000), .usable)
        XCTAssertEqual(map.kind(at: 0x21_0000), .reserved)
        XCTAssertEqual(map.kind(at: 0x30_0000), .acpiReclaimable)
        XCTAssertEqual(map.kind(at: 0x30_2000), .acpiNVS)
        XCTAssertEqual(map.kind(at: 0x40_0000), .bad)
        XCTAssertEqual(map.kind(at: 0xFEC0_0000), .reserved)
        XCTAssertEqual(map.regions.last?.end, UInt64.max)

        var active = builder
        active.tag(18, [])
        let activeInfo = MultibootInfo(parsing: ByteReader(active.build()))
        XCTAssertTrue(activeInfo.efiBootServicesActive)
        XCTAssertEqual(activeInfo.memoryMap.kind(at: 0x10_0000), .reserved, "boot services memory is in use")
    }

    func testMultibootMapPreferredOverEFIMap() {
        var builder = MultibootBuilder()
        builder.efiMemoryMap([(7, 0, 0x100, 0x8)])
        builder.memoryMap([(0, 0x8_0000, 1)])
        let map = MultibootInfo(parsing: ByteReader(builder.build())).memoryMap
        XCTAssertEqual(map.source, .multibootMemoryMap)
        XCTAssertEqual(map.regions, [.init(base: 0, end: 0x8_0000, kind: .usable)])
    }

    func testBasicMemoryInfoIsTheLastResort() {
        var builder = MultibootBuilder()
        builder.basicMemoryInfo(lower: 639, upper: 1024)
        let map = MultibootInfo(parsing: ByteReader(builder.build())).memoryMap
        XCTAssertEqual(map.source, .basicMemoryInfo)
        XCTAssertEqual(map.regions, [
            .init(base: 0, end: 639 * 1024, kind: .usable),
            .init(base: 0x10_0000, end: 0x20_0000, kind: .usable),
        ])
        XCTAssertEqual(MultibootInfo(parsing: ByteReader(MultibootBuilder().build())).memoryMap.source, .none)
    }

    func testOverlappingRangesResolveToTheMostRestrictiveKind() {
        let map = FirmwareMemoryMap(ranges: [
            .init(base: 0x1000, end: 0x9000, kind: .usable),
            .init(base: 0x4000, end: 0x5000, kind: .reserved),
            .init(base: 0x0, end: 0x2000, kind: .usable),
            .init(base: 0x8000, end: 0xA000, kind: .acpiNVS),
            .init(base: 0x7000, end: 0x7000, kind: .bad),
            .init(base: 0x4800, end: 0x4900, kind: .bad),
            .init(base: 0xA000, end: 0xB000, kind: .usable),
        ], source: .none)
        XCTAssertEqual(map.regions, [
            .init(base: 0, end: 0x4000, kind: .usable),
            .init(base: 0x4000, end: 0x4800, kind: .reserved),
            .init(base: 0x4800, end: 0x4900, kind: .bad),
            .init(base: 0x4900, end: 0x5000, kind: .reserved),
            .init(base: 0x5000, end: 0x8000, kind: .usable),
            .init(base: 0x8000, end: 0xA000, kind: .acpiNVS),
            .init(base: 0xA000, end: 0xB000, kind: .usable),
        ])
    }

    func testIndexedAndTextFramebuffers() {
        var builder = MultibootBuilder()
        builder.framebuffer(address: 0xA_0000, pitch: 320, width: 320, height: 200, bpp: 8, type: 0,
                            colorInfo: [2, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF])
        let indexed = MultibootInfo(parsing: ByteReader(builder.build()))
        guard case .indexed(let palette) = indexed.framebuffer?.format else { return XCTFail("not indexed") }
        XCTAssertEqual(palette, [.init(red: 0, green: 0, blue: 0), .init(red: 0xFF, green: 0xFF, blue: 0xFF)])

        var text = MultibootBuilder()
        text.framebuffer(address: 0xB_8000, pitch: 160, width: 80, height: 25, bpp: 16, type: 2, colorInfo: [])
        guard case .egaText = MultibootInfo(parsing: ByteReader(text.build())).framebuffer?.format else { return XCTFail("not text") }
    }

    func testReadThroughPhysicalMemory() {
        var memory = BlobPhysicalMemory()
        memory.place(biosBlob().build() + [UInt8](repeating: 0xAA, count: 64), at: 0x9000)
        let info = MultibootInfo.read(at: 0x9000, from: memory)
        XCTAssertEqual(info?.diagnostics.count, 0)
        XCTAssertEqual(info?.modules.count, 2)
        XCTAssertNil(MultibootInfo.read(at: 0x1_0000, from: memory))
    }

    // MARK: - Malformed input: reported, skipped, never trusted.

    private func reasons(_ info: MultibootInfo) -> [String] {
        info.diagnostics.map { "\($0.reason)" }
    }

    func testTotalSizeLargerThanBufferIsReportedAndBufferWalked() {
        let blob = biosBlob().build(totalSize: 0x10_0000)
        let info = MultibootInfo(parsing: ByteReader(blob))
        XCTAssertEqual(reasons(info), ["total_size exceeds the buffer"])
        XCTAssertEqual(info.modules.count, 2)

        let truncated = MultibootInfo(parsing: ByteReader(Array(biosBlob().build().prefix(100))))
        XCTAssertTrue(reasons(truncated).contains("total_size exceeds the buffer"))
        XCTAssertTrue(reasons(truncated).contains("no end tag"))
        XCTAssertEqual(truncated.commandLine, Array("loglevel=7 ktest=mm,boot".utf8))
    }

    func testHeaderProblems() {
        XCTAssertEqual(reasons(MultibootInfo(parsing: ByteReader([8, 0, 0]))), ["shorter than the 8-byte header"])
        XCTAssertEqual(reasons(MultibootInfo(parsing: ByteReader([4, 0, 0, 0, 0, 0, 0, 0]))), ["total_size smaller than the header"])
        let huge = MultibootInfo(parsing: ByteReader(biosBlob().build(totalSize: UInt32.max)))
        XCTAssertEqual(huge.totalSize, UInt32.max)
        XCTAssertEqual(huge.modules.count, 2)
        var memory = BlobPhysicalMemory()
        memory.place(biosBlob().build(totalSize: UInt32.max), at: 0)
        XCTAssertNil(MultibootInfo.read(at: 0, from: memory), "cannot read 1 MiB from a small blob")
    }

    func testTagSizeBelowEightStopsTheWalk() {
        for size: UInt32 in [0, 4, 7] {
            var builder = MultibootBuilder()
            builder.string(1, "first")
            builder.tag(2, [0, 0, 0, 0], size: size)
            builder.string(2, "never reached")
            let info = MultibootInfo(parsing: ByteReader(builder.build()))
            XCTAssertEqual(info.commandLine, Array("first".utf8))
            XCTAssertNil(info.bootLoaderName)
            XCTAssertEqual(reasons(info), ["tag size below 8; walk stopped", "no end tag"])
        }
    }

    func testTagPastTheEndStopsTheWalk() {
        var builder = MultibootBuilder()
        builder.string(1, "first")
        builder.tag(2, Array("abc\0".utf8), size: 0x1000)
        let info = MultibootInfo(parsing: ByteReader(builder.build()))
        XCTAssertEqual(reasons(info), ["tag runs past total_size; walk stopped", "no end tag"])
        XCTAssertEqual(info.tags.last?.disposition, .malformed)
        XCTAssertNil(info.bootLoaderName)
    }

    func testBadMemoryMapsAreSkipped() {
        let cases: [(MultibootBuilder) -> MultibootBuilder] = [
            { var b = $0; b.memoryMap([(0, 0x1000, 1)], entrySize: 0); return b },
            { var b = $0; b.memoryMap([(0, 0x1000, 1)], entrySize: 16); return b },
            { var b = $0; b.memoryMap([(0, 0x1000, 1)], entrySize: 28); return b },
            { var b = $0; b.memoryMap([(0, 0x1000, 1)], entrySize: 24, extraBytes: 8); return b },
            { var b = $0; b.tag(6, [24, 0, 0, 0]); return b },
        ]
        for make in cases {
            var builder = make(MultibootBuilder())
            builder.string(2, "after")
            let info = MultibootInfo(parsing: ByteReader(builder.build()))
            XCTAssertNil(info.memoryMapEntries)
            XCTAssertEqual(info.diagnostics.count, 1)
            XCTAssertEqual(info.diagnostics.first?.tagType, 6)
            XCTAssertEqual(info.diagnostics.first?.offset, 8)
            XCTAssertEqual(info.bootLoaderName, Array("after".utf8), "the walk continues after a malformed tag")
        }
        var wide = MultibootBuilder()
        wide.memoryMap([(0, 0x1000, 1), (0x1000, 0x1000, 3)], entrySize: 32)
        XCTAssertEqual(MultibootInfo(parsing: ByteReader(wide.build())).memoryMapEntries?.count, 2, "a larger entry_size is fine")
    }

    func testHugeMemoryMapValuesAreClamped() {
        var builder = MultibootBuilder()
        builder.memoryMap([(0xFFFF_FFFF_FFFF_0000, 0xFFFF_FFFF_FFFF_FFFF, 1), (0x1000, 0, 1)])
        let map = MultibootInfo(parsing: ByteReader(builder.build())).memoryMap
        XCTAssertEqual(map.regions, [.init(base: 0xFFFF_FFFF_FFFF_0000, end: UInt64.max, kind: .usable)])
    }

    func testUnterminatedStringsAndBadModules() {
        var builder = MultibootBuilder()
        builder.string(1, "no nul", terminated: false)
        builder.string(2, "", terminated: false)
        builder.module(start: 0x5000, end: 0x4000, "backwards")
        builder.tag(3, [0, 0, 1, 0, 0, 0, 2, 0])  // no string at all
        builder.module(start: 0x4000, end: 0x5000, "good")
        let info = MultibootInfo(parsing: ByteReader(builder.build()))
        XCTAssertNil(info.commandLine)
        XCTAssertNil(info.bootLoaderName)
        XCTAssertEqual(info.modules.count, 1)
        XCTAssertEqual(info.modules.first?.string, Array("good".utf8))
        XCTAssertEqual(reasons(info), [
            "string not NUL-terminated inside the tag", "string not NUL-terminated inside the tag",
            "module start after module end", "string not NUL-terminated inside the tag",
        ])
        XCTAssertEqual(info.diagnostics.map(\.tagType), [1, 2, 3, 3])
    }

    func testShortFixedSizeTagsAndBadFramebuffers() {
        var builder = MultibootBuilder()
        builder.tag(4, [1, 2, 3, 4])
        builder.tag(5, [UInt8](repeating: 0, count: 8))
        builder.tag(12, [1, 2, 3, 4])
        builder.tag(14, [UInt8](repeating: 0, count: 19))
        builder.tag(15, [UInt8](repeating: 0, count: 20))
        builder.tag(17, [48, 0, 0, 0])
        builder.tag(20, [])
        builder.tag(21, [1])
        builder.framebuffer(address: 0xFD00_0000, pitch: 100, width: 1024, height: 768, bpp: 32, type: 1, colorInfo: [16, 8, 8, 8, 0, 8])
        builder.framebuffer(address: 0xFD00_0000, pitch: 4096, width: 1024, height: 768, bpp: 32, type: 1, colorInfo: [30, 8, 8, 8, 0, 8])
        builder.framebuffer(address: 0xFD00_0000, pitch: 4096, width: 1024, height: 768, bpp: 32, type: 1, colorInfo: [16, 8])
        builder.framebuffer(address: 0xFFFF_FFFF_FFFF_0000, pitch: 4096, width: 1024, height: 768, bpp: 32, type: 1, colorInfo: [16, 8, 8, 8, 0, 8])
        builder.framebuffer(address: 0xA_0000, pitch: 320, width: 320, height: 200, bpp: 8, type: 0, colorInfo: [0xFF, 0xFF, 1, 2, 3])
        builder.framebuffer(address: 0xA_0000, pitch: 320, width: 320, height: 200, bpp: 0, type: 2, colorInfo: [])
        builder.framebuffer(address: 0xA_0000, pitch: 320, width: 320, height: 200, bpp: 8, type: 7, colorInfo: [])
        builder.tag(8, [UInt8](repeating: 0, count: 20))
        builder.efiMemoryMap([(7, 0, 1, 8)], descriptorSize: 36)
        let info = MultibootInfo(parsing: ByteReader(builder.build()))
        XCTAssertEqual(info.diagnostics.count, 17, "\(reasons(info))")
        XCTAssertTrue(info.tags.dropLast().allSatisfy { $0.disposition == .malformed })
        XCTAssertNil(info.framebuffer)
        XCTAssertNil(info.basicMemoryInfo)
        XCTAssertNil(info.efiMemoryMap)
        XCTAssertNil(info.rsdpBytes)
    }

    func testDuplicatesKeepTheFirst() {
        var builder = MultibootBuilder()
        builder.string(1, "one")
        builder.string(1, "two")
        let info = MultibootInfo(parsing: ByteReader(builder.build()))
        XCTAssertEqual(info.commandLine, Array("one".utf8))
        XCTAssertEqual(reasons(info), ["duplicate tag; first one kept"])
        XCTAssertEqual(info.tags.map(\.disposition), [.parsed, .duplicate, .parsed])
    }

    func testEveryTruncationAndRandomMutationIsSurvived() {
        let blob = biosBlob().build()
        for length in 0...blob.count {
            let info = MultibootInfo(parsing: ByteReader(Array(blob.prefix(length))))
            if length < blob.count { XCTAssertFalse(info.diagnostics.isEmpty, "prefix \(length)") }
            _ = info.memoryMap
        }
        var random = SplitMix64(state: 0x5EED)
        for _ in 0..<20_000 {
            var mutated = blob
            for _ in 0..<(1 + random.below(4)) {
                let index = random.below(mutated.count)
                mutated[index] = random.below(3) == 0 ? 0xFF : UInt8(truncatingIfNeeded: random.next())
            }
            _ = MultibootInfo(parsing: ByteReader(mutated)).memoryMap
        }
        for _ in 0..<2_000 {
            let noise = (0..<random.below(256)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            _ = MultibootInfo(parsing: ByteReader(noise))
        }
    }

    /// What GRUB 2.06 handed over on QEMU 7.2 with 256 MiB (scripts/capture-fixtures), as the kernel saw it.
    func testRealGRUBBlobFromSeaBIOS() throws {
        let info = MultibootInfo(parsing: ByteReader(try BootFixtures.bytes("qemu-pc-seabios.mb2")))
        XCTAssertEqual(reasons(info), [])
        XCTAssertEqual(info.bootLoaderName.map { Array($0.prefix(4)) }, Array("GRUB".utf8))
        XCTAssertNotNil(info.rsdpV1, "SeaBIOS has an ACPI 1.0 RSDP")
        XCTAssertNil(info.efiMemoryMap, "no EFI on SeaBIOS")
        XCTAssertEqual(info.memoryMap.source, .multibootMemoryMap)
        // 256 MiB less the BIOS area and SeaBIOS's tables at the top of low RAM.
        XCTAssertGreaterThan(info.memoryMap.usableBytes, 250 << 20)
        XCTAssertLessThanOrEqual(info.memoryMap.usableBytes, 256 << 20)
    }

    func testRealGRUBBlobFromOVMF() throws {
        let info = MultibootInfo(parsing: ByteReader(try BootFixtures.bytes("qemu-q35-ovmf.mb2")))
        XCTAssertEqual(reasons(info), [])
        XCTAssertNotNil(info.efiMemoryMap, "GRUB on UEFI passes the EFI memory map")
        XCTAssertNotNil(info.efiSystemTable)
        XCTAssertNotNil(info.rsdpV2 ?? info.rsdpV1)
        XCTAssertGreaterThan(info.memoryMap.usableBytes, 200 << 20)
        XCTAssertLessThanOrEqual(info.memoryMap.usableBytes, 256 << 20)
    }

    /// Every prefix of a real blob, and every single-byte change of it, parses without trapping.
    func testRealBlobsSurviveTruncationAndBitFlips() throws {
        for name in ["qemu-pc-seabios.mb2", "qemu-q35-ovmf.mb2"] {
            let bytes = try BootFixtures.bytes(name)
            for length in stride(from: 0, to: bytes.count, by: 7) {
                _ = MultibootInfo(parsing: ByteReader(Array(bytes.prefix(length)))).memoryMap
            }
            for offset in stride(from: 0, to: bytes.count, by: 3) {
                var flipped = bytes
                flipped[offset] ^= 0xFF
                _ = MultibootInfo(parsing: ByteReader(flipped)).memoryMap
            }
        }
    }

    /// Captured blobs (`*.mb2`, e.g. from a real QEMU boot) must parse cleanly; add a file to test it.
    func testCapturedFixturesParseCleanly() throws {
        XCTAssertGreaterThanOrEqual(BootFixtures.names(endingWith: ".mb2").count, 2, "the captured blobs are missing")
        for name in BootFixtures.names(endingWith: ".mb2") {
            let info = MultibootInfo(parsing: ByteReader(try BootFixtures.bytes(name)))
            XCTAssertEqual(reasons(info), [], name)
            XCTAssertGreaterThan(info.memoryMap.usableBytes, 0, name)
            XCTAssertEqual(info.tags.last?.type, 0, name)
        }
    }
}
