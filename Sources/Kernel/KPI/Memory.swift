// SPDX-License-Identifier: GPL-2.0-only
// LinuxKPI's bridge section "memory": kmalloc's heap (LinuxKPI/include/apus/bridge.h). The heap never
// sleeps and takes an interrupt-safe lock, so every entry here may be called in atomic context.
import KernelCore
import KernelSupport

@_cdecl("apus_mem_alloc")
func kpiMemAlloc(_ size: Int, _ alignment: Int) -> UnsafeMutableRawPointer? {
    guard size >= 0, alignment > 0, alignment & (alignment - 1) == 0 else { return nil }
    return unsafe KernelHeap.allocate(size: size, alignment: alignment)
}

@_cdecl("apus_mem_free")
func kpiMemFree(_ pointer: UnsafeMutableRawPointer?) {
    // SAFETY: slab.c frees only what the caller got from kmalloc and gives up (kfree's contract); the
    // heap refuses and logs pointers that are not live allocations.
    if let pointer = unsafe pointer { unsafe KernelHeap.free(pointer) }
}

@_cdecl("apus_mem_usable_size")
func kpiMemUsableSize(_ pointer: UnsafeRawPointer?) -> Int {
    guard let pointer = unsafe pointer else { return 0 }
    return unsafe KernelHeap.usableSize(of: pointer) ?? 0
}

/// Page-allocator tag of LinuxKPI's alloc_pages blocks (the heap uses 0x40…0x4F, vmalloc 0x31).
private let kpiPageTag: UInt8 = 0x30

@_cdecl("apus_pages_alloc")
func kpiPagesAlloc(_ order: CUnsignedInt, _ limit: UInt64, _ physical: UnsafeMutablePointer<UInt64>?) -> Bool {
    guard let physical = unsafe physical, Int(order) <= PageAllocator.maxOrder else { return false }
    let size = UInt64(PageAllocator.pageSize) << UInt64(order)
    // The buddy allocator knows no zones: blocks above the limit are held back and retried a few times
    // (each retry gets another block), then all given back.
    var rejected: [UInt64] = []
    defer {
        for block in rejected { try? PhysicalMemory.free(block, order: Int(order)) }
    }
    for _ in 0..<16 {
        guard let block = PhysicalMemory.allocate(order: Int(order), tag: kpiPageTag) else { return false }
        if limit == 0 || block + size <= limit {
            // SAFETY: apus_pages_alloc's caller passes the address of its variable.
            unsafe physical.pointee = block
            return true
        }
        rejected.append(block)
    }
    return false
}

@_cdecl("apus_pages_free")
func kpiPagesFree(_ physical: UInt64, _ order: CUnsignedInt) {
    let owned = PhysicalMemory.withAllocator { allocator in
        allocator.allocatedBlock(containing: physical).map {
            $0.address == physical && $0.tag == kpiPageTag && $0.order == Int(order)
        } ?? false
    }
    guard owned else {
        log(.error) { line in
            line.write("mm: __free_pages of ")
            line.writeHex(physical)
            line.write(" order ")
            line.writeDecimal(Int(order))
            line.write(" refused: not a live alloc_pages block of that order")
        }
        return
    }
    try? PhysicalMemory.free(physical, order: Int(order))
}

@_cdecl("apus_vmalloc")
func kpiVmalloc(_ size: Int, _ zeroed: Bool) -> UnsafeMutableRawPointer? {
    guard let address = VmallocArea.allocate(size: size, zeroed: zeroed) else { return nil }
    return unsafe UnsafeMutableRawPointer(bitPattern: UInt(address))
}

@_cdecl("apus_vfree")
func kpiVfree(_ address: UnsafeRawPointer?) -> Bool {
    guard let address = unsafe address else { return false }
    return VmallocArea.free(UInt64(UInt(bitPattern: address)))
}

@_cdecl("apus_vmalloc_size")
func kpiVmallocSize(_ address: UnsafeRawPointer?) -> Int {
    guard let address = unsafe address else { return 0 }
    return VmallocArea.size(of: UInt64(UInt(bitPattern: address)))
}

@_cdecl("apus_vmalloc_to_phys")
func kpiVmallocToPhys(_ address: UnsafeRawPointer?) -> UInt64 {
    guard let address = unsafe address else { return ~0 }
    return VmallocArea.physicalAddress(of: UInt64(UInt(bitPattern: address))) ?? ~0
}

@_cdecl("apus_mem_total_pages")
func kpiMemTotalPages() -> UInt {
    UInt(PhysicalMemory.statistics.totalPages)
}
