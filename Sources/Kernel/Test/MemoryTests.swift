// SPDX-License-Identifier: GPL-2.0-only
// The `mm` suite: the page allocator and heap on the real memory map, W^X and NX really enforced.
import KernelCore
import KernelSupport

enum MemoryTests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "mm", cases: [
            KernelTestCase(name: "page_allocator_alignment_and_accounting", run: pageAllocatorAlignment),
            KernelTestCase(name: "page_allocator_coalesces_fragments", run: pageAllocatorCoalesces),
            KernelTestCase(name: "page_allocator_rejects_double_free", run: pageAllocatorRejectsDoubleFree),
            KernelTestCase(name: "heap_reuses_freed_memory", run: heapReusesMemory),
            KernelTestCase(name: "heap_returns_empty_slabs", run: heapReturnsSlabs),
            KernelTestCase(name: "swift_objects_live_in_the_lower_half", run: swiftObjectsInLowerHalf),
            KernelTestCase(name: "text_is_not_writable", run: textNotWritable),
            KernelTestCase(name: "rodata_is_not_writable", run: rodataNotWritable),
            KernelTestCase(name: "text_alias_in_direct_map_is_not_writable", run: textAliasNotWritable),
            KernelTestCase(name: "data_is_not_executable", run: dataNotExecutable),
            KernelTestCase(name: "heap_is_not_executable", run: heapNotExecutable),
            KernelTestCase(name: "null_page_is_unmapped", run: nullPageUnmapped),
            KernelTestCase(name: "stack_guard_page_faults", run: stackGuardFaults),
            KernelTestCase(name: "no_page_is_writable_and_executable", run: noWritableExecutablePage),
        ])
    }

    /// Free blocks per order, in inline storage: taking the snapshot must not itself allocate.
    private static func freeBlockCounts() -> InlineArray<16, Int> {
        var counts = InlineArray<16, Int>(repeating: 0)
        for order in 0...min(PageAllocator.maxOrder, 15) { counts[order] = PhysicalMemory.freeBlocks(order: order) }
        return counts
    }

    private static func same(_ a: InlineArray<16, Int>, _ b: InlineArray<16, Int>) -> Bool {
        for index in a.indices where a[index] != b[index] { return false }
        return true
    }

    private static func pageAllocatorAlignment(_ t: inout TestContext) {
        let before = PhysicalMemory.statistics.freePages
        var blocks: [(UInt64, Int)] = []
        for order in 0...PageAllocator.maxOrder {
            guard let block = PhysicalMemory.allocate(order: order) else {
                t.expect(false, "allocation failed on a machine with free memory")
                continue
            }
            t.expect(block % (UInt64(4096) << UInt64(order)) == 0) { out in
                out.write("block of order "); out.writeDecimal(order); out.write(" misaligned: "); out.writeHex(block)
            }
            blocks.append((block, order))
        }
        let expectedUsed = (0...PageAllocator.maxOrder).reduce(0) { $0 + (1 << $1) }
        t.expect(before - PhysicalMemory.statistics.freePages == expectedUsed, "free page count off after allocation")
        for (block, order) in blocks { try? PhysicalMemory.free(block, order: order) }
        t.expect(PhysicalMemory.statistics.freePages == before, "free page count not restored after freeing")
    }

    private static func pageAllocatorCoalesces(_ t: inout TestContext) {
        var pages: [UInt64] = []
        pages.reserveCapacity(1024)
        let before = freeBlockCounts()
        for _ in 0..<1024 {
            if let page = PhysicalMemory.allocate(order: 0) { pages.append(page) }
        }
        t.expect(pages.count == 1024, "could not allocate 1024 single pages")
        // Free every other page first (maximal fragmentation), then the rest.
        for index in stride(from: 0, to: pages.count, by: 2) { try? PhysicalMemory.free(pages[index], order: 0) }
        for index in stride(from: 1, to: pages.count, by: 2) { try? PhysicalMemory.free(pages[index], order: 0) }
        t.expect(same(freeBlockCounts(), before), "free blocks per order differ after freeing everything")
    }

    private static func pageAllocatorRejectsDoubleFree(_ t: inout TestContext) {
        guard let page = PhysicalMemory.allocate(order: 1) else {
            t.expect(false, "allocation failed")
            return
        }
        t.expect((try? PhysicalMemory.free(page, order: 0)) == nil, "freeing with the wrong order was accepted")
        t.expect((try? PhysicalMemory.free(page, order: 1)) != nil, "a valid free was refused")
        let free = PhysicalMemory.statistics.freePages
        t.expect((try? PhysicalMemory.free(page, order: 1)) == nil, "a double free was accepted")
        t.expect(PhysicalMemory.statistics.freePages == free, "a refused free changed the counters")
    }

    private static func heapReusesMemory(_ t: inout TestContext) {
        for size in [8, 24, 100, 500, 2000, 5000] {
            guard let first = unsafe KernelHeap.allocate(size: size, alignment: 16) else {
                t.expect(false, "heap allocation failed")
                continue
            }
            unsafe KernelHeap.free(first)
            let second = unsafe KernelHeap.allocate(size: size, alignment: 16)
            t.expect(unsafe second == first) { out in
                out.write("freed block of "); out.writeDecimal(size); out.write(" bytes was not reused")
            }
            if let second = unsafe second { unsafe KernelHeap.free(second) }
        }
    }

    private static func heapReturnsSlabs(_ t: inout TestContext) {
        let before = PhysicalMemory.statistics.freePages
        var pointers = unsafe [UnsafeMutableRawPointer]()
        unsafe pointers.reserveCapacity(4096)
        let reservedPages = before - PhysicalMemory.statistics.freePages
        for index in 0..<4000 {
            if let p = unsafe KernelHeap.allocate(size: 64 << (index % 5), alignment: 16) { unsafe pointers.append(p) }
        }
        t.expect(PhysicalMemory.statistics.freePages < before, "4000 allocations took no pages")
        for unsafe p in unsafe pointers { unsafe KernelHeap.free(p) }
        unsafe pointers = []
        // At most one cached empty slab per size class may stay.
        let kept = before - reservedPages - PhysicalMemory.statistics.freePages
        t.expect(kept <= Heap.sizeClassCount) { out in
            out.write("heap kept "); out.writeDecimal(kept); out.write(" pages after everything was freed")
        }
    }

    private final class Probe {
        var value = 0
    }

    private static func swiftObjectsInLowerHalf(_ t: inout TestContext) {
        var objects: [Probe] = []
        for _ in 0..<256 { objects.append(Probe()) }
        for object in objects {
            let address = UInt(bitPattern: ObjectIdentifier(object))
            t.expect(address < KernelHeap.swiftObjectLimit, "a Swift object was allocated at or above 2^47")
        }
        let big = [UInt8](repeating: 1, count: 1 << 20)
        let bigAddress = unsafe big.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        t.expect(bigAddress < KernelHeap.swiftObjectLimit, "a large array landed above 2^47")
    }

    private static func textNotWritable(_ t: inout TestContext) {
        let target = linker_text_start() + 0x40
        t.expect(unsafe fault_probe_write(target, 0xCC) == 1, "a write to kernel text did not fault")
    }

    private static func rodataNotWritable(_ t: inout TestContext) {
        t.expect(unsafe fault_probe_write(linker_rodata_start(), 0) == 1, "a write to rodata did not fault")
    }

    private static func textAliasNotWritable(_ t: inout TestContext) {
        let alias = PhysicalMemory.virtualAddress(of: linker_text_start())
        t.expect(unsafe fault_probe_write(alias, 0xCC) == 1, "kernel text is writable through the direct map")
    }

    private static func dataNotExecutable(_ t: inout TestContext) {
        // early_arena is in .bss; put a `ret` there and call it.
        let target = early_arena_start() + UInt64(EARLY_ARENA_SIZE) - 16
        t.expect(unsafe fault_probe_write(target, 0xC3) == 0, "could not write to .bss")
        t.expect(unsafe fault_probe_call(target) == 1, "code in .bss ran: NX not enforced")
    }

    private static func heapNotExecutable(_ t: inout TestContext) {
        guard let buffer = unsafe KernelHeap.allocate(size: 64, alignment: 16) else {
            t.expect(false, "heap allocation failed")
            return
        }
        let address = UInt64(UInt(bitPattern: buffer))
        t.expect(unsafe fault_probe_write(address, 0xC3) == 0, "could not write to the heap")
        t.expect(unsafe fault_probe_call(address) == 1, "code on the heap ran: NX not enforced")
        unsafe KernelHeap.free(buffer)
    }

    private static func nullPageUnmapped(_ t: inout TestContext) {
        t.expect(unsafe fault_probe_write(0, 0) == 1, "address 0 is writable")
        t.expect(unsafe fault_probe_write(0xFFF, 0) == 1, "the NULL page is writable")
    }

    private static func stackGuardFaults(_ t: inout TestContext) {
        let here = cpu_read_rbp()
        let stackTop = (here + KernelStacks.stackPages * 4096) & ~(KernelStacks.slotPages * 4096 - 1)
        let guardAddress = stackTop - KernelStacks.stackPages * 4096 - 8
        t.expect(KernelStacks.isGuardPage(guardAddress), "the computed address is not a guard page")
        t.expect(unsafe fault_probe_write(guardAddress, 0) == 1, "the guard page below the kernel stack is writable")
    }

    private static func noWritableExecutablePage(_ t: inout TestContext) {
        var violations = 0
        var checked = 0
        var address = linker_kernel_start()
        while address < linker_kernel_end() {
            if let (_, flags) = PageTables.active.translate(address) {
                checked += 1
                if flags.contains(.writable) && !flags.contains(.noExecute) { violations += 1 }
            }
            address += 4096
        }
        t.expect(checked > 0, "no kernel page is mapped")
        t.expect(violations == 0) { out in
            out.writeDecimal(violations); out.write(" kernel pages are both writable and executable")
        }
    }
}
