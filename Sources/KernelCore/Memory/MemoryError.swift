// SPDX-License-Identifier: GPL-2.0-only
// The reasons the page allocator and the kernel heap refuse a request.

/// Why the page allocator or the heap refused a request; nothing was changed when one is thrown.
public enum MemoryError: Error, Equatable {
    /// The metadata buffer is smaller than `PageAllocator.metadataByteCount(frameCount:)`.
    case metadataTooSmall
    /// An order outside `0...PageAllocator.maxOrder`.
    case invalidOrder
    /// An address without the alignment the request needs.
    case misaligned
    /// An address or region beyond the memory the allocator was configured for.
    case outOfRange
    /// A free region overlaps frames that were already added.
    case overlapsManagedMemory
    /// No live allocation starts at the address: a double free, or memory never handed out.
    case notAllocated
    /// The live block at the address has another order than the one given.
    case wrongOrder
    /// The address lies inside a live allocation but is not its start.
    case interiorPointer
    /// The address is not memory the heap hands out.
    case foreignPointer
}
