// SPDX-License-Identifier: GPL-2.0-only
// Kernel stacks: each in its own slot of the stack area, with unmapped guard pages below it.
import KernelSupport
import Synchronization

enum KernelStacks {
    static let stackPages: UInt64 = 16                  // 64 KiB
    static let slotPages: UInt64 = 32                   // the rest of each slot is guard
    private static let slotSize = slotPages * PageSize.small.rawValue
    private static let areaBase = UInt64(STACK_AREA_BASE)

    /// Slots handed out so far; stacks are never freed yet.
    private static let slotsUsed = Atomic<UInt64>(0)
    private static var nextSlot: UInt64 { slotsUsed.load(ordering: .acquiring) }

    /// Maps a new stack and returns its top (the initial stack pointer), or nil without memory.
    static func allocate() -> UInt64? {
        let slot = slotsUsed.add(1, ordering: .acquiringAndReleasing).oldValue
        let top = areaBase + (slot + 1) * slotSize
        let bottom = top - stackPages * PageSize.small.rawValue
        var page = bottom
        while page < top {
            guard let frame = PhysicalMemory.allocateZeroedFrame() else { return nil }
            do {
                try KernelMemory.kernelTables.map(virtual: page, physical: frame, size: .small, flags: .kernelData)
            } catch {
                return nil
            }
            page += PageSize.small.rawValue
        }
        return top
    }

    /// Whether `address` lies in the unmapped guard part of a stack slot.
    static func isGuardPage(_ address: UInt64) -> Bool {
        guard address >= areaBase, address < areaBase + nextSlot * slotSize else { return false }
        let pageInSlot = (address - areaBase) % slotSize / PageSize.small.rawValue
        return pageInSlot < slotPages - stackPages
    }

    /// Whether `[address, address + length)` lies inside one mapped kernel stack (the boot stack,
    /// an exception stack, or an allocated one): the panic path checks this before following a frame
    /// pointer.
    static func contains(_ address: UInt64, length: UInt64) -> Bool {
        guard address <= UInt64.max - length else { return false }
        let end = address + length
        let inBootStack = address >= boot_stack_bottom_address()
            && end <= boot_stack_top_address()
        let exceptionStacksStart = cpu_boot_exception_stack_top(0) - UInt64(EXCEPTION_STACK_SIZE)
        let inExceptionStacks = address >= exceptionStacksStart && end <= cpu_boot_exception_stack_top(2)
        let inStackArea = address >= areaBase && end <= areaBase + nextSlot * slotSize
            && !isGuardPage(address) && !isGuardPage(end - 1)
        guard inBootStack || inExceptionStacks || inStackArea else { return false }
        return PageTables.active.translate(address) != nil && PageTables.active.translate(end - 1) != nil
    }
}
