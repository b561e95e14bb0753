// SPDX-License-Identifier: GPL-2.0-only
// The physical memory map reported by firmware, normalised into sorted, non-overlapping regions.

/// The physical memory layout as the firmware (through the boot loader) describes it.
///
/// Regions are sorted by base address, never overlap, never have zero length, and adjacent
/// regions of the same kind are merged. Where firmware entries overlap, the more restrictive
/// kind wins (bad > ACPI NVS > reserved > ACPI reclaimable > usable), as Linux's e820
/// sanitiser does, so overlapping input can never turn reserved memory into usable memory.
///
/// The map describes firmware's view only: the kernel image, the multiboot information, the
/// boot modules and (with EFI boot services still running) the loader's own data all lie in
/// memory the map calls usable, and the caller must keep them out of the allocator.
public struct FirmwareMemoryMap {
    /// What a physical range may be used for.
    public enum Kind: UInt8 {
        /// RAM the kernel may allocate.
        case usable
        /// ACPI tables; RAM once the kernel no longer needs them.
        case acpiReclaimable
        /// Anything not described as RAM: firmware, MMIO, holes.
        case reserved
        /// ACPI non-volatile storage; must be preserved across sleep states.
        case acpiNVS
        /// RAM the firmware found defective.
        case bad

        /// Higher wins when ranges overlap.
        var precedence: UInt8 {
            switch self {
            case .usable: 0
            case .acpiReclaimable: 1
            case .reserved: 2
            case .acpiNVS: 3
            case .bad: 4
            }
        }
    }

    /// A contiguous physical range of one kind; `end` is exclusive.
    public struct Region: Equatable {
        /// First byte of the region.
        public var base: UInt64
        /// One past the last byte of the region (at most `UInt64.max`).
        public var end: UInt64
        /// What the region may be used for.
        public var kind: Kind

        /// Creates a region covering `base..<end`.
        public init(base: UInt64, end: UInt64, kind: Kind) {
            self.base = base
            self.end = end
            self.kind = kind
        }

        /// The number of bytes in the region.
        public var length: UInt64 { end - base }
    }

    /// Where the map came from.
    public enum Source: UInt8 {
        /// No memory information was given.
        case none
        /// The boot loader's memory map (multiboot2 tag 6).
        case multibootMemoryMap
        /// The UEFI memory map (multiboot2 tag 17).
        case efiMemoryMap
        /// Only the lower/upper memory sizes (multiboot2 tag 4).
        case basicMemoryInfo
    }

    /// The regions, sorted by base, non-overlapping, non-empty, merged.
    public private(set) var regions: [Region]

    /// Where the regions came from.
    public let source: Source

    /// Builds the normalised map from possibly unsorted and overlapping ranges.
    ///
    /// Empty ranges (`end <= base`) are ignored.
    public init(ranges: [Region], source: Source) {
        self.source = source
        regions = FirmwareMemoryMap.normalise(ranges)
    }

    /// The total number of usable bytes.
    public var usableBytes: UInt64 {
        var total: UInt64 = 0
        for region in regions where region.kind == .usable {
            total &+= region.length
        }
        return total
    }

    /// The kind of memory at `address`, or `nil` if no region covers it.
    public func kind(at address: UInt64) -> Kind? {
        for region in regions where region.base <= address && address < region.end {
            return region.kind
        }
        return nil
    }

    /// Splits the input at every boundary, gives each piece the highest-precedence kind that
    /// covers it, then merges neighbours of the same kind.
    private static func normalise(_ ranges: [Region]) -> [Region] {
        let valid = ranges.filter { $0.end > $0.base }
        var boundaries: [UInt64] = []
        boundaries.reserveCapacity(valid.count * 2)
        for range in valid {
            boundaries.append(range.base)
            boundaries.append(range.end)
        }
        boundaries.sort()

        var result: [Region] = []
        var index = 0
        while index + 1 < boundaries.count {
            let low = boundaries[index]
            let high = boundaries[index + 1]
            index += 1
            guard low < high else { continue }
            var kind: Kind? = nil
            for range in valid where range.base <= low && high <= range.end {
                if let current = kind, current.precedence >= range.kind.precedence { continue }
                kind = range.kind
            }
            guard let kind else { continue }
            if let last = result.last, last.end == low, last.kind == kind {
                result[result.count - 1].end = high
            } else {
                result.append(Region(base: low, end: high, kind: kind))
            }
        }
        return result
    }
}
