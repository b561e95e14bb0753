// SPDX-License-Identifier: GPL-2.0-only
// Boot-time memory set-up: the page allocator over the firmware memory map, the kernel's page tables
// (W^X image, NX direct map, guard-paged stacks) and the MMIO mapping area.
import KernelCore
import KernelSupport

enum KernelMemory {
    /// Memory above this address joins the allocator only once the kernel's direct map covers it:
    /// the boot page tables map just the first 4 GiB.
    static let bootMappedLimit: UInt64 = 4 << 30
    /// Physical memory below 1 MiB is left to firmware and real-mode leftovers.
    static let lowMemoryLimit: UInt64 = 1 << 20

    private struct State {
        var kernelTables = PageTables(root: 0)
        var nextMMIO = UInt64(MMIO_AREA_BASE)
        /// Usable RAM above the boot mapping, added to the allocator by `finishBoot`.
        var highRegions: [PhysicalRange] = []
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// The kernel's page tables (the ones every CPU uses).
    static var kernelTables: PageTables { withState { $0.kernelTables } }

    /// Sets up the page allocator with usable RAM below 4 GiB, builds the kernel's page tables and
    /// switches to them. Call on the boot stack; afterwards continue on a stack from `KernelStacks`.
    static func initialize(memoryMap: FirmwareMemoryMap, reserved: [PhysicalRange]) {
        var blocked = reserved
        blocked.append(PhysicalRange(base: 0, end: lowMemoryLimit))
        var free = freeRanges(memoryMap, excluding: blocked)
        var memoryEnd: UInt64 = 0
        for range in free { memoryEnd = max(memoryEnd, range.end) }

        // The allocator's per-frame metadata goes into the first free range below 4 GiB that fits.
        let metadataBytes = UInt64(PageAllocator.metadataByteCount(
            frameCount: PageAllocator.frameCount(memoryEnd: memoryEnd)))
        let metadataLength = (metadataBytes + 0xFFF) & ~0xFFF
        guard let home = free.first(where: { $0.end <= bootMappedLimit && $0.end - $0.base >= metadataLength }) else {
            panic("no room below 4 GiB for the page allocator's metadata")
        }
        let metadata = PhysicalRange(base: home.base, end: home.base + metadataLength)
        blocked.append(metadata)
        free = freeRanges(memoryMap, excluding: blocked)

        // SAFETY: the metadata range is usable RAM below 4 GiB, excluded from the free ranges, and
        // mapped at the direct-map base by the boot page tables (multiboot_entry.S) as by the kernel's.
        let metadataBuffer = unsafe UnsafeMutableRawBufferPointer(
            start: PhysicalMemory.pointer(to: metadata.base), count: Int(metadataBytes))
        unsafe PhysicalMemory.configure(memoryEnd: memoryEnd, metadata: metadataBuffer)
        var highRegions: [PhysicalRange] = []
        for range in free {
            if range.end <= bootMappedLimit {
                PhysicalMemory.addFree(range)
            } else if range.base >= bootMappedLimit {
                highRegions.append(range)
            } else {
                PhysicalMemory.addFree(PhysicalRange(base: range.base, end: bootMappedLimit))
                highRegions.append(PhysicalRange(base: bootMappedLimit, end: range.end))
            }
        }
        withState { $0.highRegions = highRegions }
        buildKernelTables(memoryMap: memoryMap)
    }

    /// Usable RAM from the firmware's map, less `reserved`.
    private static func freeRanges(_ memoryMap: FirmwareMemoryMap, excluding reserved: [PhysicalRange]) -> [PhysicalRange] {
        var pieces: [PhysicalRange] = []
        for region in memoryMap.regions where region.kind == .usable {
            PhysicalRange(base: region.base, end: region.end).forEachPiece(excluding: reserved.span) { piece in
                pieces.append(piece)
            }
        }
        return pieces
    }

    /// After the switch to the kernel's tables: hands memory above 4 GiB to the allocator and drops the
    /// boot section (boot code, boot page tables and boot stack) from the address space.
    static func finishBoot() {
        let highRegions = withState { state in
            defer { state.highRegions = [] }
            return state.highRegions
        }
        for range in highRegions { PhysicalMemory.addFree(range) }
        var page = linker_kernel_start()
        while page < linker_text_start() {
            kernelTables.unmap(virtual: page)
            page += PageSize.small.rawValue
        }
    }

    private static func buildKernelTables(memoryMap: FirmwareMemoryMap) {
        do {
            let tables = try PageTables.create()
            // The image, one protection per section (W^X). The boot section stays mapped (RW, NX) until
            // finishBoot: the code that switches tables runs on the boot stack inside it.
            try tables.mapRange(virtual: linker_kernel_start(), physical: linker_kernel_start(),
                                length: linker_text_start() - linker_kernel_start(), flags: .kernelData)
            try tables.mapRange(virtual: linker_text_start(), physical: linker_text_start(),
                                length: linker_text_end() - linker_text_start(), flags: .kernelText)
            try tables.mapRange(virtual: linker_rodata_start(), physical: linker_rodata_start(),
                                length: linker_rodata_end() - linker_rodata_start(), flags: .kernelReadOnly)
            try tables.mapRange(virtual: linker_data_start(), physical: linker_data_start(),
                                length: linker_data_end() - linker_data_start(), flags: .kernelData)
            try tables.mapRange(virtual: linker_symtab_start(), physical: linker_symtab_start(),
                                length: linker_kernel_end() - linker_symtab_start(), flags: .kernelReadOnly)
            try mapDirectMap(tables, memoryMap: memoryMap)
            withState { $0.kernelTables = tables }
            tables.activate()
        } catch {
            panic("out of memory while building the kernel page tables")
        }
    }

    /// Maps every 2 MiB chunk that holds RAM at DIRECT_MAP_BASE + physical, read/write and NX. The
    /// chunks holding the kernel image use 4 KiB pages so that the image's alias is read-only: writing
    /// kernel text through the direct map would defeat W^X.
    private static func mapDirectMap(_ tables: PageTables, memoryMap: FirmwareMemoryMap) throws(MappingError) {
        let chunk = PageSize.large.rawValue
        let imageStart = linker_kernel_start() & ~(chunk - 1)
        let imageEnd = (linker_kernel_end() + chunk - 1) & ~(chunk - 1)
        for region in memoryMap.regions where region.kind.isRAM {
            var physical = region.base & ~(chunk - 1)
            while physical < region.end {
                let virtual = UInt64(DIRECT_MAP_BASE) + physical
                if tables.translate(virtual) == nil {
                    if physical >= imageStart && physical < imageEnd {
                        try mapImageChunk(tables, physical: physical)
                    } else {
                        try tables.map(virtual: virtual, physical: physical, size: .large, flags: .kernelData)
                    }
                }
                physical += chunk
            }
        }
    }

    private static func mapImageChunk(_ tables: PageTables, physical chunkStart: UInt64) throws(MappingError) {
        var physical = chunkStart
        while physical < chunkStart + PageSize.large.rawValue {
            let inImage = physical >= linker_kernel_start() && physical < linker_kernel_end()
            try tables.map(virtual: UInt64(DIRECT_MAP_BASE) + physical, physical: physical, size: .small,
                           flags: inImage ? .kernelReadOnly : .kernelData)
            physical += PageSize.small.rawValue
        }
    }

    /// Maps `length` bytes of device registers at `physical` uncached (or with `flags`, such as
    /// `.framebuffer`) and returns their virtual address.
    static func mapMMIO(physical: UInt64, length: UInt64, flags: PageFlags = .mmio) -> UInt64 {
        let offset = physical & 0xFFF
        let pages = (offset + length + 0xFFF) / PageSize.small.rawValue
        let base = withState { state in
            defer { state.nextMMIO += (pages + 1) * PageSize.small.rawValue }   // one unmapped page between
            return state.nextMMIO
        }
        do {
            try kernelTables.mapRange(virtual: base, physical: physical - offset,
                                      length: pages * PageSize.small.rawValue, flags: flags)
        } catch {
            panic("cannot map device registers")
        }
        return base + offset
    }
}

extension FirmwareMemoryMap.Kind {
    /// Whether the range is RAM the direct map covers (usable or holding ACPI tables).
    var isRAM: Bool { self == .usable || self == .acpiReclaimable || self == .acpiNVS }
}
