// SPDX-License-Identifier: GPL-2.0-only
// Virtually contiguous kernel memory (Linux's vmalloc): single page frames mapped one after another in
// the vmalloc area, each area followed by an unmapped guard page.
import KernelCore
import KernelSupport

enum VmallocArea {
    /// Page-allocator tag of the frames behind vmalloc areas (the heap uses 0x40…0x4F).
    static let frameTag: UInt8 = 0x31

    private struct Area {
        var start: UInt64
        /// Mapped pages; one more (the guard) is reserved.
        var pages: Int
    }

    private struct State {
        var ranges = VirtualRangeAllocator(base: UInt64(VMALLOC_AREA_BASE),
                                           pageCount: Int(UInt64(VMALLOC_AREA_SIZE) / PageSize.small.rawValue))
        var areas: [Area] = []
    }
    nonisolated(unsafe) private static var state = State()
    /// Also serialises the mapping of new pages (the area's page tables are only built under it); taken
    /// before the page allocator's lock, never the other way round.
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// Maps `size` bytes (rounded up to pages) of fresh frames, zeroed when asked; nil when out of
    /// memory or address space.
    static func allocate(size: Int, zeroed: Bool) -> UInt64? {
        guard size > 0, size <= Int(UInt64(VMALLOC_AREA_SIZE) / 2) else { return nil }
        let pages = (size + 4095) / 4096
        let tables = KernelMemory.kernelTables
        let start = withState { state -> UInt64? in
            guard let start = state.ranges.allocate(pages: pages + 1) else { return nil }
            var mapped = 0
            while mapped < pages {
                guard let frame = PhysicalMemory.allocate(order: 0, tag: frameTag) else { break }
                if zeroed {
                    // SAFETY: the frame was just allocated to us and lies in the direct map.
                    unsafe PhysicalMemory.pointer(to: frame).initializeMemory(as: UInt8.self, repeating: 0, count: 4096)
                }
                do throws(MappingError) {
                    try tables.map(virtual: start + UInt64(mapped) * 4096, physical: frame, size: .small,
                                   flags: .kernelData)
                } catch {
                    try? PhysicalMemory.free(frame, order: 0)
                    break
                }
                mapped += 1
            }
            guard mapped == pages else {
                // Nothing was used yet, so no CPU can hold a TLB entry: clear the entries without a
                // shootdown (which must not run under a SpinLock).
                for page in 0..<mapped {
                    let virtual = start + UInt64(page) * 4096
                    if let (frame, _) = tables.translate(virtual) {
                        _ = tables.replaceSmallPage(virtual: virtual, physical: 0, flags: [])
                        try? PhysicalMemory.free(frame, order: 0)
                    }
                }
                try? state.ranges.release(start, pages: pages + 1)
                return nil
            }
            state.areas.append(Area(start: start, pages: pages))
            return start
        }
        return start
    }

    /// Unmaps and frees the area starting at `address`; false when no area starts there. Sends TLB
    /// shootdowns: never call it holding a SpinLock.
    static func free(_ address: UInt64) -> Bool {
        guard let area = withState({ state -> Area? in
            guard let index = state.areas.firstIndex(where: { $0.start == address }) else { return nil }
            return state.areas.remove(at: index)
        }) else { return false }
        let tables = KernelMemory.kernelTables
        for page in 0..<area.pages {
            let virtual = area.start + UInt64(page) * 4096
            guard let (frame, _) = tables.translate(virtual) else { continue }
            tables.unmap(virtual: virtual)
            do {
                try PhysicalMemory.free(frame, order: 0)
            } catch {
                log(.error, "vmalloc: a frame behind a vmalloc area was refused by the page allocator")
            }
        }
        withState { state in
            do throws(MemoryError) {
                try state.ranges.release(area.start, pages: area.pages + 1)
            } catch {
                log(.error, "vmalloc: the range allocator refused a released area")
            }
        }
        return true
    }

    /// The mapped size in bytes of the area starting at `address`, or 0.
    static func size(of address: UInt64) -> Int {
        withState { state in
            (state.areas.first { $0.start == address }?.pages ?? 0) * 4096
        }
    }

    /// The physical address behind `address` in the vmalloc area, or nil when it is not mapped.
    static func physicalAddress(of address: UInt64) -> UInt64? {
        guard address >= UInt64(VMALLOC_AREA_BASE), address < UInt64(VMALLOC_AREA_BASE) + UInt64(VMALLOC_AREA_SIZE)
        else { return nil }
        return KernelMemory.kernelTables.translate(address)?.physical
    }
}
