// SPDX-License-Identifier: GPL-2.0-only
// The `boot` suite: the Multiboot2 information as received, and what the kernel made of it.
import KernelCore

enum BootTests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "boot", cases: [
            KernelTestCase(name: "tags_as_received", run: tagsAsReceived),
            KernelTestCase(name: "memory_map_has_usable_ram", run: memoryMapHasRAM),
            KernelTestCase(name: "command_line_reached_the_kernel", run: commandLineReached),
            KernelTestCase(name: "rsdp_from_the_boot_loader", run: rsdpPresent),
            KernelTestCase(name: "boot_information_unchanged_in_memory", run: infoUnchanged),
        ])
    }

    private static func tagsAsReceived(_ t: inout TestContext) {
        guard let info = BootInfo.info else {
            t.expect(false, "no boot information kept")
            return
        }
        for tag in info.tags {
            t.note { out in
                out.write("tag type "); out.writeDecimal(tag.type)
                out.write(" size "); out.writeDecimal(tag.size)
                out.write(" at "); out.writeDecimal(tag.offset)
                switch tag.disposition {
                case .parsed: out.write(" parsed")
                case .unknown: out.write(" unknown")
                case .malformed: out.write(" MALFORMED")
                case .duplicate: out.write(" duplicate")
                }
            }
        }
        t.expect(info.diagnostics.isEmpty, "the boot loader's information has malformed tags")
        t.expect(info.tags.last?.type == 0, "the tag list does not end with the end tag")
        t.expect(info.bootLoaderName != nil, "no boot loader name tag")
    }

    private static func memoryMapHasRAM(_ t: inout TestContext) {
        guard let info = BootInfo.info else { return t.skip("no boot information") }
        let map = info.memoryMap
        t.expect(!map.regions.isEmpty, "empty memory map")
        t.expect(map.usableBytes >= 32 << 20, "less than 32 MiB of usable RAM reported")
        let managed = UInt64(PhysicalMemory.statistics.totalPages) * 4096
        t.expect(managed <= map.usableBytes && managed + (16 << 20) >= map.usableBytes) { out in
            out.write("the page allocator manages "); out.writeDecimal(managed)
            out.write(" bytes of "); out.writeDecimal(map.usableBytes); out.write(" usable")
        }
    }

    private static func commandLineReached(_ t: inout TestContext) {
        t.expect(BootInfo.commandLine.contains("ktest"), "the command line that started this test is missing")
    }

    private static func rsdpPresent(_ t: inout TestContext) {
        guard let bytes = BootInfo.info?.rsdpBytes else {
            t.expect(false, "no ACPI RSDP tag")
            return
        }
        t.expect((try? RSDP(bytes: ByteReader(bytes))) != nil, "the RSDP copy fails validation")
        t.expect(ACPI.fadt != nil, "no FADT found through the RSDP")
    }

    private static func infoUnchanged(_ t: inout TestContext) {
        guard let info = BootInfo.info,
              let again = MultibootInfo.read(at: BootInfo.physicalAddress, from: DirectMapReader()) else {
            t.expect(false, "cannot re-read the boot information")
            return
        }
        t.expect(again.totalSize == info.totalSize && again.tags.count == info.tags.count,
                 "the boot information changed in memory (was it handed out as free?)")
    }
}
