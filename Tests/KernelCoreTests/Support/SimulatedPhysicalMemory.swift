// SPDX-License-Identifier: GPL-2.0-only
// Host memory standing in for physical RAM, with a page allocator over it, for allocator tests.

import KernelCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A reserved, lazily backed host mapping that plays physical addresses `0..<memoryEnd`, plus
/// the allocator metadata and a `PageAllocator` configured over both.
///
/// Only the pages the allocator or a test touches get backing, so tests can simulate machines
/// with many GiB of RAM.
@safe
final class SimulatedPhysicalMemory {
    let memoryEnd: UInt64
    /// The host address playing physical address 0 (aligned to the largest block size).
    let directMapBase: UInt
    var pages = PageAllocator()
    private let mapping: UnsafeMutableRawPointer
    private let mappingSize: Int
    private let metadata: UnsafeMutableRawBufferPointer

    /// Configures an allocator for `memoryEnd` bytes and adds `freeRegions`.
    init(memoryEnd: UInt64, freeRegions: [PhysicalRange]) throws(MemoryError) {
        let blockSize = PageAllocator.pageSize << PageAllocator.maxOrder
        self.memoryEnd = memoryEnd
        mappingSize = Int(memoryEnd) + blockSize
        #if canImport(Glibc)
            let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
        #else
            let flags = MAP_PRIVATE | MAP_ANON
        #endif
        let mapped = unsafe mmap(nil, mappingSize, PROT_READ | PROT_WRITE, flags, -1, 0)
        guard let mapped = unsafe mapped, unsafe mapped != MAP_FAILED else {
            fatalError("cannot reserve host memory for the simulated RAM")
        }
        unsafe mapping = mapped
        let mappingAddress = UInt(bitPattern: unsafe mapping)
        directMapBase = (mappingAddress + UInt(blockSize) - 1) & ~UInt(blockSize - 1)
        let frameCount = PageAllocator.frameCount(memoryEnd: memoryEnd)
        unsafe metadata = UnsafeMutableRawBufferPointer.allocate(
            byteCount: PageAllocator.metadataByteCount(frameCount: frameCount), alignment: 16)
        // SAFETY: the metadata buffer and the mapping live as long as this object, which owns
        // `pages`; the mapping covers directMapBase..<directMapBase + memoryEnd.
        try unsafe pages.configure(
            memoryEnd: memoryEnd, metadata: metadata, directMapBase: directMapBase)
        for region in freeRegions {
            // SAFETY: every region lies in the mapping, which nothing else uses.
            try unsafe pages.addFreeRegion(region)
        }
    }

    deinit {
        unsafe munmap(mapping, mappingSize)
        unsafe metadata.deallocate()
    }

    /// The number of free blocks of each order, lowest first.
    var freeBlocksPerOrder: [Int] {
        (0...PageAllocator.maxOrder).map { pages.freeBlocks(order: $0) }
    }

    /// The pages in free blocks, counted from the per-order block counts.
    var freePagesFromBlocks: Int {
        (0...PageAllocator.maxOrder).reduce(0) { $0 + pages.freeBlocks(order: $1) << $1 }
    }

    /// A deterministic pseudo-random generator (SplitMix64), so that failures reproduce.
    struct Random: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
