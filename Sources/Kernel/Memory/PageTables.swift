// SPDX-License-Identifier: GPL-2.0-only
// x86_64 4-level page tables: mapping 4 KiB and 2 MiB pages, translating, and unmapping.
import KernelSupport

/// Bits of a page-table entry.
struct PageFlags: OptionSet {
    let rawValue: UInt64
    static let present = PageFlags(rawValue: 1 << 0)
    static let writable = PageFlags(rawValue: 1 << 1)
    static let user = PageFlags(rawValue: 1 << 2)
    static let writeThrough = PageFlags(rawValue: 1 << 3)
    static let cacheDisable = PageFlags(rawValue: 1 << 4)
    static let huge = PageFlags(rawValue: 1 << 7)
    static let global = PageFlags(rawValue: 1 << 8)
    static let noExecute = PageFlags(rawValue: 1 << 63)

    /// Kernel data: read/write, never executed.
    static let kernelData: PageFlags = [.present, .writable, .noExecute]
    /// Kernel constants: read-only, never executed.
    static let kernelReadOnly: PageFlags = [.present, .noExecute]
    /// Kernel code: read-only, executable.
    static let kernelText: PageFlags = [.present]
    /// Device registers: uncached, never executed.
    static let mmio: PageFlags = [.present, .writable, .cacheDisable, .writeThrough, .noExecute]
    /// The PAT bit of a 4 KiB entry (the same bit means "huge" in a directory entry).
    static let attributeTable = PageFlags(rawValue: 1 << 7)
    /// Framebuffer memory in 4 KiB pages: PAT entry 4, write-combining once `PAT.configure()` ran; plain
    /// uncached device memory on a CPU without a PAT.
    static var framebuffer: PageFlags {
        PAT.available ? [.present, .writable, .attributeTable, .noExecute] : mmio
    }
}

enum PageSize: UInt64 {
    case small = 0x1000
    case large = 0x20_0000
}

enum MappingError: Error {
    case outOfMemory
    case misaligned
    case alreadyMapped
    case nonCanonical
}

/// A tree of page tables rooted at a PML4, reached through the direct map.
struct PageTables {
    static let addressMask: UInt64 = 0x000F_FFFF_FFFF_F000

    /// Physical address of the PML4.
    let root: UInt64

    /// A new, empty address space.
    static func create() throws(MappingError) -> PageTables {
        guard let root = PhysicalMemory.allocateZeroedFrame() else { throw .outOfMemory }
        return PageTables(root: root)
    }

    /// The page tables the CPU uses now.
    static var active: PageTables { PageTables(root: cpu_read_cr3() & addressMask) }

    /// Makes this the CPU's address space (flushes the TLB's non-global entries).
    func activate() {
        // SAFETY: callers activate only tables that map the running code, its stack and the direct map
        // (KernelMemory builds them that way before switching).
        unsafe cpu_write_cr3(root)
    }

    private static func table(_ physical: UInt64) -> UnsafeMutableBufferPointer<UInt64> {
        // SAFETY: page-table pages are RAM frames, always reachable through the direct map.
        unsafe UnsafeMutableBufferPointer(start: PhysicalMemory.pointer(to: physical)
            .assumingMemoryBound(to: UInt64.self), count: 512)
    }

    private static func index(_ virtual: UInt64, level: Int) -> Int {
        Int((virtual >> (12 + 9 * UInt64(level - 1))) & 0x1FF)
    }

    private static func isCanonicalLowerHalf(_ virtual: UInt64) -> Bool { virtual < 0x0000_8000_0000_0000 }

    /// Maps one page of `size` at `virtual` to `physical`.
    func map(virtual: UInt64, physical: UInt64, size: PageSize, flags: PageFlags) throws(MappingError) {
        guard Self.isCanonicalLowerHalf(virtual) else { throw .nonCanonical }
        guard virtual % size.rawValue == 0, physical % size.rawValue == 0 else { throw .misaligned }
        let leafLevel = size == .small ? 1 : 2
        var table = root
        var level = 4
        while level > leafLevel {
            let entries = unsafe Self.table(table)
            let i = Self.index(virtual, level: level)
            var entry = unsafe entries[i]
            if entry & PageFlags.present.rawValue == 0 {
                guard let next = PhysicalMemory.allocateZeroedFrame() else { throw .outOfMemory }
                // Intermediate entries are permissive; the leaf decides.
                entry = next | PageFlags.present.rawValue | PageFlags.writable.rawValue
                unsafe entries[i] = entry
            } else if entry & PageFlags.huge.rawValue != 0 {
                throw .alreadyMapped
            }
            table = entry & Self.addressMask
            level -= 1
        }
        let entries = unsafe Self.table(table)
        let i = Self.index(virtual, level: leafLevel)
        guard unsafe entries[i] & PageFlags.present.rawValue == 0 else { throw .alreadyMapped }
        var leaf = flags
        if size == .large { leaf.insert(.huge) }
        unsafe entries[i] = physical | leaf.rawValue
    }

    /// Maps `[virtual, virtual + length)` to `[physical, …)` with 4 KiB pages.
    func mapRange(virtual: UInt64, physical: UInt64, length: UInt64, flags: PageFlags) throws(MappingError) {
        var offset: UInt64 = 0
        while offset < length {
            try map(virtual: virtual + offset, physical: physical + offset, size: .small, flags: flags)
            offset += PageSize.small.rawValue
        }
    }

    /// Removes the mapping of the page containing `virtual`; returns whether one existed.
    @discardableResult
    func unmap(virtual: UInt64) -> Bool {
        guard let (entries, i, _) = unsafe leafEntry(virtual) else { return false }
        unsafe entries[i] = 0
        flush(virtual)
        return true
    }

    /// Points the present 4 KiB page at `virtual` to `physical` with `flags`, *without* invalidating any
    /// TLB: the caller then calls `SMP.flushTLB(virtual:)` (the `smp` test suite checks shootdowns so).
    func replaceSmallPage(virtual: UInt64, physical: UInt64, flags: PageFlags) -> Bool {
        guard physical % PageSize.small.rawValue == 0,
              let (entries, i, level) = unsafe leafEntry(virtual), level == 1 else { return false }
        unsafe entries[i] = physical | flags.rawValue
        return true
    }

    /// Invalidates `virtual` wherever these tables may be cached: the active tables are the kernel's,
    /// shared by every CPU, so on every online CPU (a TLB shootdown; see the rules in SMP/IPI.swift —
    /// never unmap a kernel page while holding a SpinLock); other tables only here.
    private func flush(_ virtual: UInt64) {
        if root == Self.active.root {
            SMP.flushTLB(virtual: virtual)
        } else {
            // SAFETY: invalidating a TLB entry never breaks memory safety by itself.
            unsafe cpu_invlpg(virtual)
        }
    }

    /// The physical address and flags `virtual` maps to, if any.
    func translate(_ virtual: UInt64) -> (physical: UInt64, flags: PageFlags)? {
        guard let (entries, i, level) = unsafe leafEntry(virtual) else { return nil }
        let entry = unsafe entries[i]
        let pageMask: UInt64 = level == 1 ? 0xFFF : (level == 2 ? 0x1F_FFFF : 0x3FFF_FFFF)
        let physical = (entry & Self.addressMask & ~pageMask) | (virtual & pageMask)
        return (physical, PageFlags(rawValue: entry & ~Self.addressMask))
    }

    private func leafEntry(_ virtual: UInt64) -> (UnsafeMutableBufferPointer<UInt64>, Int, Int)? {
        guard Self.isCanonicalLowerHalf(virtual) else { return nil }
        var table = root
        var level = 4
        while true {
            let entries = unsafe Self.table(table)
            let i = Self.index(virtual, level: level)
            let entry = unsafe entries[i]
            guard entry & PageFlags.present.rawValue != 0 else { return nil }
            if level == 1 || entry & PageFlags.huge.rawValue != 0 { return unsafe (entries, i, level) }
            table = entry & Self.addressMask
            level -= 1
        }
    }
}
