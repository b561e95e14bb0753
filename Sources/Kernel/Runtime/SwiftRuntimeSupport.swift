// SPDX-License-Identifier: GPL-2.0-only
// The kernel services behind the C library entry points the Embedded Swift runtime imports (lib/runtime.c).
import KernelSupport

@_cdecl("apus_console_putchar")
func consolePutchar(_ c: CInt) {
    SerialPort.com1.putPolled(UInt8(truncatingIfNeeded: c))
}

@_cdecl("apus_heap_allocate")
func heapAllocate(_ size: Int, _ alignment: Int) -> UnsafeMutableRawPointer? {
    return nil
}

@_cdecl("apus_heap_free")
func heapFree(_ pointer: UnsafeMutableRawPointer?) {}
