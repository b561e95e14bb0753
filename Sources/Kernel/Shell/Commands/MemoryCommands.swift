// SPDX-License-Identifier: GPL-2.0-only
// `meminfo`: memory totals in /proc/meminfo's format, page counts, free blocks per order, heap use by class.
import KernelCore

enum MemoryCommands {
    static var all: [ShellCommand] {
        [ShellCommand(name: "meminfo", usage: "", summary: "memory and heap usage", run: meminfo)]
    }

    private static func meminfo(_ arguments: ShellArguments) {
        let (totalPages, freePages) = PhysicalMemory.statistics
        consolePrint { out in
            field("MemTotal:", UInt64(totalPages) * 4, unit: " kB", to: &out)
            field("MemFree:", UInt64(freePages) * 4, unit: " kB", to: &out)
            field("PagesTotal:", UInt64(totalPages), unit: "", to: &out)
            field("PagesFree:", UInt64(freePages), unit: "", to: &out)
            out.write("FreeBlocks:     ")
            for order in 0...PageAllocator.maxOrder {
                out.writeDecimal(PhysicalMemory.freeBlocks(order: order))
                out.write(order == PageAllocator.maxOrder ? "\n" : " ")
            }
            out.write("Heap:           size  slabs  pages  in-use\n")
            for index in 0..<Heap.sizeClassCount {
                let s = KernelHeap.statistics(ofClass: index)
                out.write("                ")
                out.writeDecimal(s.objectSize, width: 4)
                out.writeDecimal(s.slabs, width: 7)
                out.writeDecimal(s.pages, width: 7)
                out.writeDecimal(s.objectsInUse, width: 8)
                out.write("\n")
            }
            let large = KernelHeap.largeAllocations
            field("HeapLarge:", UInt64(large.count), unit: " allocations", to: &out)
            field("HeapLargePages:", UInt64(large.pages), unit: "", to: &out)
            field("HeapBadFrees:", UInt64(KernelHeap.rejectedFrees), unit: " refused", to: &out)
            field("EarlyArena:", UInt64(KernelHeap.arenaBytesUsed) / 1024, unit: " kB", to: &out)
        }
    }

    private static func field(_ name: StaticString, _ value: UInt64, unit: StaticString, to out: inout ConsoleSink) {
        out.write(name, leftAlignedIn: 16)
        out.writeDecimal(value, width: 8)
        out.write(unit)
        out.write("\n")
    }
}
