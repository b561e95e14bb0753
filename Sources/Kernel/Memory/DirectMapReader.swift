// SPDX-License-Identifier: GPL-2.0-only
// Reads firmware structures (boot information, ACPI tables) out of physical memory through the direct map,
// refusing ranges that are not mapped instead of faulting on a bad pointer from firmware.
import KernelCore

struct DirectMapReader: PhysicalMemoryReader {
    static let maximumRead = 16 << 20

    func read(physicalAddress address: UInt64, count: Int) -> ByteReader? {
        guard count >= 0, count <= Self.maximumRead, address <= UInt64.max - UInt64(count) - (1 << 47) else {
            return nil
        }
        guard count > 0 else { return ByteReader([]) }
        let tables = PageTables.active
        var page = address & ~0xFFF
        while page < address + UInt64(count) {
            guard tables.translate(PhysicalMemory.virtualAddress(of: page)) != nil else { return nil }
            page += 0x1000
        }
        // SAFETY: every page of the range was just found mapped in the direct map; the bytes are
        // copied, so later changes by firmware or devices cannot race the parser.
        return unsafe ByteReader(copying: UnsafeRawBufferPointer(start: PhysicalMemory.pointer(to: address), count: count))
    }
}
