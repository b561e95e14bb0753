// SPDX-License-Identifier: GPL-2.0-only
// The kernel heap behind malloc/free (and so behind every Swift object): the early arena until the page
// allocator exists, then KernelCore's size-class heap on pages from the direct map.
import KernelCore
import KernelSupport

enum KernelHeap {
    private struct State {
        var heap = Heap()
        var pageBacked = false
        var arenaUsed = 0
        /// Refused frees (double, interior or foreign pointers).
        var rejectedFrees = 0
    }
    nonisolated(unsafe) private static var state = State()

    /// The one access path to `state`; the page allocator is locked too, since the heap draws on it.
    private static func withState<Result, Failure: Error>(
        _ body: (inout State, inout PageAllocator) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // SAFETY: the allocator's lock (held inside withAllocator) serialises every access to `state`.
        try PhysicalMemory.withAllocator { (pages: inout PageAllocator) throws(Failure) -> Result in
            try unsafe body(&state, &pages)
        }
    }

    static var rejectedFrees: Int { withState { state, _ in state.rejectedFrees } }

    /// Every allocation must stay below this address: Embedded Swift uses bit 63 of class references.
    static let swiftObjectLimit = UInt(LOWER_HALF_END)

    static func enablePageBackedAllocation() {
        withState { state, _ in state.pageBacked = true }
    }

    static func allocate(size: Int, alignment: Int) -> UnsafeMutableRawPointer? {
        let pointer = unsafe withState { state, pages -> UnsafeMutableRawPointer? in
            if state.pageBacked {
                return unsafe state.heap.allocate(size: size, alignment: alignment, pages: &pages)
            }
            return unsafe allocateFromArena(&state, size: size, alignment: alignment)
        }
        if let pointer = unsafe pointer, UInt(bitPattern: pointer) + UInt(max(size, 1)) > swiftObjectLimit {
            panic("heap returned memory above the lower half, where Swift objects break")
        }
        return unsafe pointer
    }

    static func free(_ pointer: UnsafeMutableRawPointer) {
        if unsafe isInArena(pointer) { return }                // early allocations live forever
        let refused = withState { (state: inout State, pages: inout PageAllocator) throws(Never) -> Bool in
            do throws(MemoryError) {
                // SAFETY: callers give up the memory (C free(), and the tests' own allocations).
                try unsafe state.heap.free(pointer, pages: &pages)
            } catch {
                state.rejectedFrees += 1
                return true
            }
            return false
        }
        if refused {
            log(.error) { line in
                line.write("mm: free of ")
                line.writeHex(UInt64(UInt(bitPattern: pointer)))
                line.write(" refused: not the start of a live heap allocation")
            }
        }
    }

    /// The bytes usable at `pointer` (at least the size asked for), or nil when it is not the start of
    /// a live page-backed heap allocation (early-arena allocations included: their size is not kept).
    static func usableSize(of pointer: UnsafeRawPointer) -> Int? {
        withState { (state: inout State, pages: inout PageAllocator) throws(Never) -> Int? in
            do throws(MemoryError) {
                return try unsafe state.heap.usableSize(of: pointer, pages: pages)
            } catch {
                return nil
            }
        }
    }

    static func statistics(ofClass index: Int) -> Heap.SizeClassStatistics {
        withState { state, _ in state.heap.statistics(ofClass: index) }
    }

    static var largeAllocations: (count: Int, pages: Int) {
        withState { state, _ in (state.heap.largeAllocations, state.heap.largeAllocationPages) }
    }

    static var arenaBytesUsed: Int { withState { state, _ in state.arenaUsed } }

    private static func allocateFromArena(_ state: inout State, size: Int, alignment: Int) -> UnsafeMutableRawPointer? {
        let start = UInt(early_arena_start())
        let aligned = (start + UInt(state.arenaUsed) + UInt(alignment) - 1) & ~(UInt(alignment) - 1)
        let end = aligned + UInt(max(size, 1))
        guard end <= start + UInt(EARLY_ARENA_SIZE) else { return nil }
        state.arenaUsed = Int(end - start)
        // SAFETY: [aligned, end) lies inside the static early arena and was never handed out before.
        return unsafe UnsafeMutableRawPointer(bitPattern: aligned)
    }

    private static func isInArena(_ pointer: UnsafeMutableRawPointer) -> Bool {
        let address = UInt64(UInt(bitPattern: pointer))
        return address >= early_arena_start() && address < early_arena_start() + UInt64(EARLY_ARENA_SIZE)
    }
}
