// SPDX-License-Identifier: GPL-2.0-only
// The bridge's "PCI and DMA" section, memory part: device registers mapped uncached (ioremap), coherent
// DMA buffers (physically contiguous, zeroed, below the device's mask), and bus addresses of kernel
// buffers. There is no IOMMU: a bus address is the physical address, and every one is checked against the
// device's DMA mask here.
import KernelCore
import KernelSupport

enum KPIDMA {
    /// Live ioremap mappings: virtual base (page-aligned) and page count, so iounmap knows the length.
    private struct Mappings {
        var entries: [(virtual: UInt64, pages: UInt64)] = []
    }
    nonisolated(unsafe) private static var mappings = Mappings()
    private static let lock = SpinLock()

    /// The one access path to `mappings`.
    private static func withMappings<Result>(_ body: (inout Mappings) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `mappings`, on every CPU.
        lock.withLock { unsafe body(&mappings) }
    }

    static func map(physical: UInt64, length: UInt64) -> UInt64? {
        guard length > 0, physical <= UInt64.max - length, physical + length <= 1 << 52 else { return nil }
        let virtual = KernelMemory.mapMMIO(physical: physical, length: length)
        let pages = ((physical & 0xFFF) + length + 0xFFF) >> 12
        withMappings { $0.entries.append((virtual & ~0xFFF, pages)) }
        return virtual
    }

    /// Unmaps an ioremap mapping given any address inside its first page; false when there is none.
    static func unmap(_ virtual: UInt64) -> Bool {
        let base = virtual & ~0xFFF
        let found = withMappings { mappings -> UInt64? in
            guard let index = mappings.entries.firstIndex(where: { $0.virtual == base }) else { return nil }
            return mappings.entries.remove(at: index).pages
        }
        guard let pages = found else { return false }
        // Outside any SpinLock: unmapping shoots the page down on every CPU.
        for page in 0..<pages { _ = KernelMemory.kernelTables.unmap(virtual: base + page << 12) }
        return true
    }

    static let noAddress = UInt64.max

    /// The bus address of `length` bytes at kernel address `virtual`: every page mapped, physically
    /// contiguous and ending at or below `mask`; `noAddress` otherwise.
    static func busAddress(_ virtual: UInt64, length: UInt64, mask: UInt64) -> UInt64 {
        guard length > 0, virtual <= UInt64.max - length, let first = KernelMemory.kernelTables.translate(virtual)
        else { return noAddress }
        var page = (virtual & ~0xFFF) + 0x1000
        while page < virtual + length {
            guard let next = KernelMemory.kernelTables.translate(page), next.physical == first.physical + (page - virtual)
            else { return noAddress }
            page += 0x1000
        }
        guard first.physical <= UInt64.max - (length - 1), first.physical + (length - 1) <= mask else { return noAddress }
        return first.physical
    }

    static func order(of length: UInt64) -> Int {
        var order = 0
        while (UInt64(0x1000) << order) < length { order += 1 }
        return order
    }

    /// A zeroed, physically contiguous block of at least `length` bytes ending at or below `mask`, as its
    /// direct-map address and physical address. The buddy allocator has no zones, so blocks above the mask
    /// are held aside while trying again (a bounded number of times) and then returned.
    /// The page allocator tag of coherent DMA blocks ("D").
    static let blockTag: UInt8 = 0x44

    static func allocate(length: UInt64, mask: UInt64) -> (virtual: UInt64, physical: UInt64)? {
        let order = order(of: length)
        guard length > 0, order <= 10 else { return nil }
        var rejected: [UInt64] = []
        defer { for block in rejected { try? PhysicalMemory.free(block, order: order) } }
        for _ in 0..<16 {
            guard let physical = PhysicalMemory.allocate(order: order, tag: blockTag) else { return nil }
            if physical + (UInt64(0x1000) << order) - 1 <= mask {
                // SAFETY: the block was just allocated to us and lies in the direct map.
                unsafe PhysicalMemory.pointer(to: physical).initializeMemory(as: UInt8.self, repeating: 0,
                                                                             count: 0x1000 << order)
                return (PhysicalMemory.virtualAddress(of: physical), physical)
            }
            rejected.append(physical)
        }
        return nil
    }
}

/// Maps `size` bytes of device memory at `physical` uncached (also for ioremap_wc: no PAT yet); NULL
/// for an empty or impossible range.
@_cdecl("apus_ioremap")
func apus_ioremap(_ physical: UInt64, _ size: Int) -> UnsafeMutableRawPointer? {
    guard size > 0, let virtual = KPIDMA.map(physical: physical, length: UInt64(size)) else { return nil }
    // SAFETY: forms the address of the mapping just made.
    return unsafe UnsafeMutableRawPointer(bitPattern: UInt(virtual))
}

/// Unmaps what apus_ioremap returned; false when `virtual` is no such mapping.
@_cdecl("apus_iounmap")
func apus_iounmap(_ virtual: UnsafeMutableRawPointer?) -> Bool {
    let address = UInt64(UInt(bitPattern: virtual))
    return address != 0 && KPIDMA.unmap(address)
}

/// The physical address behind a kernel virtual address, or ~0 when it is not mapped.
@_cdecl("apus_virt_to_phys")
func apus_virt_to_phys(_ virtual: UnsafeRawPointer?) -> UInt64 {
    KernelMemory.kernelTables.translate(UInt64(UInt(bitPattern: virtual)))?.physical ?? KPIDMA.noAddress
}

/// The bus address for DMA to `size` bytes at `virtual`: ~0 unless mapped, physically contiguous and
/// within `mask`.
@_cdecl("apus_dma_map")
func apus_dma_map(_ virtual: UnsafeRawPointer?, _ size: Int, _ mask: UInt64) -> UInt64 {
    guard size > 0 else { return KPIDMA.noAddress }
    return KPIDMA.busAddress(UInt64(UInt(bitPattern: virtual)), length: UInt64(size), mask: mask)
}

/// A zeroed, physically contiguous buffer of `size` bytes (rounded up to a power-of-two number of pages,
/// at most 4 MiB) whose bus address (stored in `bus`) ends within `mask`; NULL when none can be found.
@_cdecl("apus_dma_alloc")
func apus_dma_alloc(_ size: Int, _ mask: UInt64, _ bus: UnsafeMutablePointer<UInt64>) -> UnsafeMutableRawPointer? {
    guard size > 0, let block = KPIDMA.allocate(length: UInt64(size), mask: mask) else { return nil }
    // SAFETY: a valid out-pointer from the C caller; the address is the direct-map view of the new block.
    unsafe bus.pointee = block.physical
    return unsafe UnsafeMutableRawPointer(bitPattern: UInt(block.virtual))
}

/// Frees what apus_dma_alloc returned for `size`.
@_cdecl("apus_dma_free")
func apus_dma_free(_ virtual: UnsafeMutableRawPointer?, _ size: Int) {
    let address = UInt64(UInt(bitPattern: virtual))
    guard address >= UInt64(DIRECT_MAP_BASE), size > 0 else { return }
    let physical = address - UInt64(DIRECT_MAP_BASE)
    do throws(MemoryError) {
        try PhysicalMemory.free(physical, order: KPIDMA.order(of: UInt64(size)))
    } catch {
        log(.error) { line in
            line.write("dma: dma_free_coherent of ")
            line.writeHex(physical)
            line.write(" refused by the page allocator")
        }
    }
}
