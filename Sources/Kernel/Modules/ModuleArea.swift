// SPDX-License-Identifier: GPL-2.0-only
// The module area (MODULE_AREA_BASE, 1 GiB): address ranges for module images, each followed by an
// unmapped guard page, and mapping an image there with one protection per region (W^X).
import KernelCore
import KernelSupport

enum ModuleArea {
    static let base = UInt64(MODULE_AREA_BASE)
    static let end = UInt64(MODULE_AREA_BASE) + UInt64(MODULE_AREA_SIZE)
    private static let page = PageSize.small.rawValue

    private struct State {
        /// Free address ranges, sorted and coalesced.
        var free: [(base: UInt64, end: UInt64)] = [(ModuleArea.base, ModuleArea.end)]
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    static func contains(_ address: UInt64) -> Bool { address >= base && address < end }

    /// Reserves `size` bytes (a page multiple) plus a guard page; nil when the area is full.
    static func reserve(size: Int) -> UInt64? {
        let length = UInt64(size) + page
        return withState { state in
            guard let index = state.free.firstIndex(where: { $0.end - $0.base >= length }) else { return nil }
            let start = state.free[index].base
            if state.free[index].end - start == length {
                state.free.remove(at: index)
            } else {
                state.free[index].base = start + length
            }
            return start
        }
    }

    /// Returns a range from `reserve` (its pages must be unmapped already).
    static func release(_ start: UInt64, size: Int) {
        let end = start + UInt64(size) + page
        withState { state in
            let index = state.free.firstIndex { $0.base > start } ?? state.free.count
            state.free.insert((start, end), at: index)
            if index + 1 < state.free.count, state.free[index + 1].base == end {
                state.free[index].end = state.free[index + 1].end
                state.free.remove(at: index + 1)
            }
            if index > 0, state.free[index - 1].end == start {
                state.free[index - 1].end = state.free[index].end
                state.free.remove(at: index)
            }
        }
    }

    /// Copies `module.image` into fresh frames and maps them at `module.base`: text read-only and
    /// executable, read-only data NX, data and bss writable NX. On failure nothing stays mapped.
    static func map(_ module: LinkedModule) -> Bool {
        let tables = KernelMemory.kernelTables
        for region in module.layout.regions {
            let flags: PageFlags = switch region.protection {
            case .text: .kernelText
            case .readOnly: .kernelReadOnly
            case .data: .kernelData
            }
            var offset = region.offset
            while offset < region.offset + region.size {
                guard let frame = PhysicalMemory.allocate(order: 0) else {
                    unmap(base: module.base, size: offset)
                    return false
                }
                // SAFETY: the frame was just allocated to us and is reachable through the direct map; the
                // image holds `layout.size` bytes, a page multiple, so the page at `offset` is inside it.
                unsafe module.image.withUnsafeBytes { image in
                    unsafe PhysicalMemory.pointer(to: frame).copyMemory(from: image.baseAddress! + offset, byteCount: Int(page))
                }
                do {
                    try tables.map(virtual: module.base + UInt64(offset), physical: frame, size: .small, flags: flags)
                } catch {
                    freeFrame(frame)
                    unmap(base: module.base, size: offset)
                    return false
                }
                offset += Int(page)
            }
        }
        return true
    }

    /// Unmaps `size` bytes at `base` and frees their frames. Never call it holding a SpinLock (TLB shootdown).
    static func unmap(base: UInt64, size: Int) {
        let tables = KernelMemory.kernelTables
        var address = base
        while address < base + UInt64(size) {
            if let (physical, _) = tables.translate(address) {
                tables.unmap(virtual: address)
                freeFrame(physical & ~(page - 1))
            }
            address += page
        }
    }

    private static func freeFrame(_ frame: UInt64) {
        do {
            try PhysicalMemory.free(frame, order: 0)
        } catch {
            log(.error, "modules: the page allocator refused to take back a module page")
        }
    }
}
