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
