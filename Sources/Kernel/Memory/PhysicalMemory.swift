// SPDX-License-Identifier: GPL-2.0-only
// The kernel's physical page allocator (KernelCore's buddy allocator, behind an interrupt-safe lock)
// and the direct map that reaches every physical page.
import KernelCore
import KernelSupport

enum PhysicalMemory {
    nonisolated(unsafe) private static var allocator = PageAllocator()
    /// Guards the allocator and the heap built on it (KernelHeap takes no lock of its own).
    private static let lock = SpinLock()

    /// The one access path to the allocator (the heap shares it, so one lock covers both).
    static func withAllocator<Result, Failure: Error>(
        _ body: (inout PageAllocator) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // SAFETY: `lock` serialises every access to `allocator`, on every CPU.
        try lock.withLock { () throws(Failure) -> Result in try unsafe body(&allocator) }
    }

    /// Where physical address `physical` appears in the direct map.
    static func virtualAddress(of physical: UInt64) -> UInt64 { UInt64(DIRECT_MAP_BASE) + physical }

    /// The direct-map pointer to physical address `physical`.
    static func pointer(to physical: UInt64) -> UnsafeMutableRawPointer {
        // SAFETY: forming the address is harmless; callers only pass RAM addresses, which the direct
        // map covers (KernelMemory.mapDirectMap).
        unsafe UnsafeMutableRawPointer(bitPattern: UInt(virtualAddress(of: physical)))!
    }

    /// The physical address of a direct-map pointer.
    static func physicalAddress(of pointer: UnsafeRawPointer) -> UInt64 {
        UInt64(UInt(bitPattern: pointer) - UInt(DIRECT_MAP_BASE))
    }

    @unsafe
    static func configure(memoryEnd: UInt64, metadata: UnsafeMutableRawBufferPointer) {
        do {
            // SAFETY: the caller lends RAM that nothing else uses; free ranges added later are mapped
            // at DIRECT_MAP_BASE (boot tables below 4 GiB, kernel tables everywhere).
            try withAllocator { allocator throws(MemoryError) in
                try unsafe allocator.configure(memoryEnd: memoryEnd, metadata: metadata,
                                               directMapBase: UInt(DIRECT_MAP_BASE))
            }
        } catch {
            panic("page allocator configuration rejected")
        }
    }

    static func addFree(_ range: PhysicalRange) {
        withAllocator { (allocator: inout PageAllocator) throws(Never) in
            do throws(MemoryError) {
                // SAFETY: the range is usable RAM nothing else owns, mapped in the direct map.
                try unsafe allocator.addFreeRegion(range)
            } catch {
                log(.error) { line in
                    line.write("mm: usable range ")
                    line.writeHex(range.base)
                    line.write("-")
                    line.writeHex(range.end)
                    line.write(" rejected by the page allocator")
                }
            }
        }
    }

    /// A block of 2^order pages, naturally aligned, or nil when memory is exhausted.
    static func allocate(order: Int, tag: UInt8 = 0) -> UInt64? {
        withAllocator { $0.allocate(order: order, tag: tag) }
    }

    static func free(_ physical: UInt64, order: Int) throws(MemoryError) {
        // SAFETY: callers free only blocks they allocated and no longer use.
        try withAllocator { (allocator: inout PageAllocator) throws(MemoryError) in
            try unsafe allocator.free(physical, order: order)
        }
    }

    /// One zero-filled 4 KiB frame.
    static func allocateZeroedFrame() -> UInt64? {
        guard let frame = allocate(order: 0) else { return nil }
        // SAFETY: the frame was just allocated to us and is mapped in the direct map.
        unsafe pointer(to: frame).initializeMemory(as: UInt8.self, repeating: 0, count: 4096)
        return frame
    }

    /// Counters for `meminfo`.
    static var statistics: (totalPages: Int, freePages: Int) {
        withAllocator { ($0.totalPages, $0.freePages) }
    }

    static func freeBlocks(order: Int) -> Int {
        withAllocator { $0.freeBlocks(order: order) }
    }
}
