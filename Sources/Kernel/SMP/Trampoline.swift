// SPDX-License-Identifier: GPL-2.0-only
// The application processors' start-up code, copied to a free page below 1 MiB and patched for that address.
import KernelCore
import KernelSupport

struct Trampoline {
    /// Physical (and, while installed, identity-mapped) address of the copy.
    let base: UInt64
    private let layout: ap_trampoline_layout

    /// The SIPI vector: the page number the APs start at.
    var startupVector: UInt8 { UInt8(base >> 12) }

    /// Copies and patches the code into a usable page below 1 MiB (which the page allocator never hands
    /// out) and maps it at its own address so the APs can turn paging on while executing it.
    static func install() -> Trampoline? {
        let layout = ap_trampoline_layout()
        guard layout.size <= 4096, let base = freeLowPage() else { return nil }
        let trampoline = Trampoline(base: base, layout: layout)
        // SAFETY: the page is usable RAM below 1 MiB that no allocator hands out; the source is the
        // trampoline's bytes in the image's read-only data.
        unsafe PhysicalMemory.pointer(to: base).copyMemory(
            from: UnsafeRawPointer(bitPattern: UInt(layout.code))!, byteCount: Int(layout.size))
        trampoline.store(UInt32(base + layout.protected_mode), at: layout.jump32)
        trampoline.store(UInt32(base + layout.long_mode), at: layout.jump64)
        trampoline.store(UInt32(base), at: layout.base_patch)
        trampoline.store(UInt32(base + layout.gdt), at: layout.gdt_pointer + 2)
        do {
            try KernelMemory.kernelTables.map(virtual: base, physical: base, size: .small, flags: .kernelText)
        } catch {
            return nil
        }
        return trampoline
    }

    /// Fills the parameter block for the next AP.
    func prepare(stack: UInt64, index: UInt64) {
        let parameters = layout.parameters
        store(PageTables.active.root, at: parameters + UInt64(AP_PARAM_CR3))
        store(CPU.features.noExecute ? UInt64(1 << 11) : 0, at: parameters + UInt64(AP_PARAM_EFER_EXTRA))
        store(stack, at: parameters + UInt64(AP_PARAM_STACK))
        store(index, at: parameters + UInt64(AP_PARAM_INDEX))
        store(ap_entry_address(), at: parameters + UInt64(AP_PARAM_ENTRY))
        store(UInt64(0), at: parameters + UInt64(AP_PARAM_STARTED))
    }

    /// Whether the AP reached 64-bit code and no longer needs the parameter block.
    var started: Bool {
        // SAFETY: the parameter block lies in the installed page; the AP writes it, so read it volatile.
        unsafe mmio_read64(PhysicalMemory.virtualAddress(of: base + layout.parameters + UInt64(AP_PARAM_STARTED))) != 0
    }

    func remove() {
        KernelMemory.kernelTables.unmap(virtual: base)
    }

    private func store<Value: FixedWidthInteger>(_ value: Value, at offset: UInt64) {
        precondition(offset + UInt64(MemoryLayout<Value>.size) <= 4096)
        // SAFETY: offset is inside the trampoline page (checked), which belongs to us while installed.
        unsafe PhysicalMemory.pointer(to: base + offset).storeBytes(of: value, as: Value.self)
    }

    /// The highest usable page below 1 MiB, above the real-mode interrupt table and BIOS data.
    private static func freeLowPage() -> UInt64? {
        guard let map = BootInfo.info?.memoryMap else { return nil }
        var page: UInt64 = 0x9F000
        while page >= 0x1000 {
            if map.kind(at: page) == .usable && map.kind(at: page + 0xFFF) == .usable { return page }
            page -= 0x1000
        }
        return nil
    }
}
