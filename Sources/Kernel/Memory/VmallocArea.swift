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
    /// before the page allocator's lock (map allocates table frames), never the other way round.
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// Maps `size` bytes (rounded up to pages) of fresh frames, zeroed when asked; nil when out of
    /// memory or address space. The lock is held only to take the range and to map each page, never
    /// while frames are zeroed, so interrupts stay off for short stretches even for large areas.
    static func allocate(size: Int, zeroed: Bool) -> UInt64? {
        guard size > 0, size <= Int(UInt64(VMALLOC_AREA_SIZE) / 2) else { return nil }
        let pages = (size + 4095) / 4096
        let tables = KernelMemory.kernelTables
        guard let start = withState({ $0.ranges.allocate(pages: pages + 1) }) else { return nil }
        var mapped = 0
        while mapped < pages {
            guard let frame = PhysicalMemory.allocate(order: 0, tag: frameTag) else { break }
            if zeroed {
                // SAFETY: the frame was just allocated to us and lies in the direct map.
                unsafe PhysicalMemory.pointer(to: frame).initializeMemory(as: UInt8.self, repeating: 0, count: 4096)
            }
            let virtual = start + UInt64(mapped) * 4096
            let done = withState { _ -> Bool in
                do throws(MappingError) {
                    try tables.map(virtual: virtual, physical: frame, size: .small, flags: .kernelData)
                    return true
                } catch {
                    return false
                }
            }
            guard done else {
                try? PhysicalMemory.free(frame, order: 0)
                break
            }
            mapped += 1
        }
        guard mapped == pages else {
            release(start: start, mappedPages: mapped, reservedPages: pages + 1)
            return nil
        }
        withState { $0.areas.append(Area(start: start, pages: pages)) }
        return start
    }

    /// Unmaps and frees the area starting at `address`; false when no area starts there. Sends TLB
    /// shootdowns: never call it holding a SpinLock.
    static func free(_ address: UInt64) -> Bool {
        guard let area = withState({ state -> Area? in
            guard let index = state.areas.firstIndex(where: { $0.start == address }) else { return nil }
            return state.areas.remove(at: index)
        }) else { return false }
        release(start: area.start, mappedPages: area.pages, reservedPages: area.pages + 1)
        return true
    }

    /// Unmaps `mappedPages` pages at `start` (TLB shootdowns: no lock held), frees their frames and gives
    /// the `reservedPages` of address space back.
    private static func release(start: UInt64, mappedPages: Int, reservedPages: Int) {
        let tables = KernelMemory.kernelTables
        for page in 0..<mappedPages {
            let virtual = start + UInt64(page) * 4096
            guard let (frame, _) = tables.translate(virtual) else { continue }
            tables.unmap(virtual: virtual)
            do throws(MemoryError) {
                try PhysicalMemory.free(frame, order: 0)
            } catch {
                log(.error, "vmalloc: a frame behind a vmalloc area was refused by the page allocator")
            }
        }
        withState { state in
            do throws(MemoryError) {
                try state.ranges.release(start, pages: reservedPages)
            } catch {
                log(.error, "vmalloc: the range allocator refused a released area")
            }
        }
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
