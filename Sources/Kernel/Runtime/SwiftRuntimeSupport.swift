// SPDX-License-Identifier: GPL-2.0-only
// The kernel services behind the C library entry points the Embedded Swift runtime imports (lib/runtime.c).
import KernelSupport

@_cdecl("apus_console_putchar")
func consolePutchar(_ c: CInt) {
    SerialConsole.put(UInt8(truncatingIfNeeded: c))
}

@_cdecl("apus_heap_allocate")
func heapAllocate(_ size: Int, _ alignment: Int) -> UnsafeMutableRawPointer? {
    unsafe KernelHeap.allocate(size: size, alignment: alignment)
}

@_cdecl("apus_heap_free")
func heapFree(_ pointer: UnsafeMutableRawPointer) {
    unsafe KernelHeap.free(pointer)
}
