// SPDX-License-Identifier: GPL-2.0-only
// Parser for the multiboot2 boot information structure that the boot loader hands the kernel.

/// The multiboot2 boot information (specification 1.6), parsed from untrusted bytes.
///
/// The structure is `total_size` (u32), a reserved u32, then tags aligned to 8 bytes, each
/// starting with `type` (u32) and `size` (u32, header included), ending with a type-0 tag.
/// Parsing never fails and never traps: a tag that is malformed (too small for its type, a
/// string without its NUL inside the tag, a memory map whose entries do not fit…) is recorded
/// in `diagnostics` and skipped; a tag whose own size is broken (below 8, or past the end)
/// ends the walk, because the position of the following tags is then unknown. Tag types this
/// parser does not use are skipped silently but listed in `tags`. For tags that may appear only
/// once, the first valid one is kept and later ones are reported as duplicates.
public struct MultibootInfo {
    /// Why a tag (or the structure) was rejected.
    public struct Diagnostic {
        /// The tag's type, or `nil` for a problem with the structure's header.
        public let tagType: UInt32?
        /// Byte offset of the tag inside the structure.
        public let offset: Int
        /// What is wrong.
        public let reason: StaticString
    }

    /// What the parser did with one tag.
    public enum Disposition: UInt8 {
        /// Parsed and used.
        case parsed
        /// A type this parser does not use; skipped.
        case unknown
        /// Rejected; see `diagnostics`.
        case malformed
        /// A second copy of a tag that may appear once; ignored.
        case duplicate
    }

    /// One tag as found in the structure.
    public struct TagRecord {
        /// The tag's type.
        public let type: UInt32
        /// Byte offset of the tag inside the structure.
        public let offset: Int
        /// The tag's size field.
        public let size: UInt32
        /// What the parser did with it.
        public let disposition: Disposition
    }

    /// A boot module loaded by the boot loader (tag 3).
    public struct Module {
        /// Physical address of the first byte.
        public let start: UInt32
        /// Physical address one past the last byte.
        public let end: UInt32
        /// The module's command line (without the NUL).
        public let string: [UInt8]
    }

    /// Lower and upper memory sizes (tag 4).
    public struct BasicMemoryInfo {
        /// KiB of memory from address 0 (at most 640).
        public let lowerKiB: UInt32
        /// KiB of memory from 1 MiB to the first hole.
        public let upperKiB: UInt32
    }

    /// The BIOS disk the image was loaded from (tag 5).
    public struct BIOSBootDevice {
        /// BIOS drive number (0x80 = first hard disk).
        public let biosDevice: UInt32
        /// Top-level partition, 0xFFFFFFFF if none.
        public let partition: UInt32
        /// Sub-partition, 0xFFFFFFFF if none.
        public let subPartition: UInt32
    }

    /// One entry of the boot loader's memory map (tag 6).
    public struct MemoryMapEntry {
        /// First byte of the range.
        public let base: UInt64
        /// Length of the range in bytes.
        public let length: UInt64
        /// 1 usable, 3 ACPI reclaimable, 4 ACPI NVS, 5 defective, anything else reserved.
        public let type: UInt32
    }

    /// One UEFI memory descriptor (`EFI_MEMORY_DESCRIPTOR`, tag 17).
    public struct EFIMemoryDescriptor {
        /// `EFI_MEMORY_TYPE`.
        public let type: UInt32
        /// First byte of the range.
        public let physicalStart: UInt64
        /// Virtual address assigned by `SetVirtualAddressMap`, if any.
        public let virtualStart: UInt64
        /// Number of 4 KiB pages.
        public let pageCount: UInt64
        /// `EFI_MEMORY_*` attribute bits.
        public let attributes: UInt64
    }

    /// The UEFI memory map (tag 17).
    public struct EFIMemoryMap {
        /// Distance between descriptors in bytes (at least 40).
        public let descriptorSize: UInt32
        /// `EFI_MEMORY_DESCRIPTOR_VERSION`.
        public let descriptorVersion: UInt32
        /// The descriptors, in firmware order.
        public let descriptors: [EFIMemoryDescriptor]
    }

    /// The reason a tag parser rejected its tag.
    struct TagError: Error {
        let reason: StaticString
        init(_ reason: StaticString) { self.reason = reason }
    }

    /// The most bytes `read(at:from:)` accepts as `total_size`.
    public static let maximumSize = 1 << 20

    /// The `total_size` field as given.
    public private(set) var totalSize: UInt32 = 0
    /// The kernel command line (tag 1), without the NUL.
    public private(set) var commandLine: [UInt8]?
    /// The boot loader's name (tag 2), without the NUL.
    public private(set) var bootLoaderName: [UInt8]?
    /// Boot modules (tag 3), in order.
    public private(set) var modules: [Module] = []
    /// Lower/upper memory sizes (tag 4).
    public private(set) var basicMemoryInfo: BasicMemoryInfo?
    /// The BIOS boot device (tag 5).
    public private(set) var bootDevice: BIOSBootDevice?
    /// The boot loader's memory map (tag 6), or `nil` if absent or malformed.
    public private(set) var memoryMapEntries: [MemoryMapEntry]?
    /// The framebuffer (tag 8).
    public private(set) var framebuffer: MultibootFramebuffer?
    /// Physical address of the 64-bit EFI system table (tag 12).
    public private(set) var efiSystemTable: UInt64?
    /// A copy of the ACPI 1.0 RSDP (tag 14), not yet validated: see `RSDP`.
    public private(set) var rsdpV1: [UInt8]?
    /// A copy of the ACPI 2.0+ RSDP (tag 15), not yet validated: see `RSDP`.
    public private(set) var rsdpV2: [UInt8]?
    /// The UEFI memory map (tag 17).
    public private(set) var efiMemoryMap: EFIMemoryMap?
    /// Whether EFI boot services are still running (tag 18).
    public private(set) var efiBootServicesActive = false
    /// The 64-bit EFI image handle (tag 20).
    public private(set) var efiImageHandle: UInt64?
    /// Physical address the image was loaded at (tag 21).
    public private(set) var imageLoadBase: UInt32?
    /// Every tag walked, in order, with what was done with it.
    public private(set) var tags: [TagRecord] = []
    /// Every problem found, in order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Parses the boot information in `bytes` (which starts at `total_size`).
    ///
    /// If `total_size` is larger than `bytes`, that is reported and only `bytes` is walked.
    public init(parsing bytes: ByteReader) {
        guard let total = bytes.u32(at: 0), bytes.u32(at: 4) != nil else {
            diagnostics.append(Diagnostic(tagType: nil, offset: 0, reason: "shorter than the 8-byte header"))
            return
        }
        totalSize = total
        var end = Int(total)
        if end < 8 {
            diagnostics.append(Diagnostic(tagType: nil, offset: 0, reason: "total_size smaller than the header"))
            return
        }
        if end > bytes.count {
            diagnostics.append(Diagnostic(tagType: nil, offset: 0, reason: "total_size exceeds the buffer"))
            end = bytes.count
        }

        var offset = 8
        var sawEnd = false
        while offset + 8 <= end {
            guard let type = bytes.u32(at: offset), let size = bytes.u32(at: offset + 4) else { break }
            if type == 0 {
                if size != 8 {
                    diagnostics.append(Diagnostic(tagType: 0, offset: offset, reason: "end tag size is not 8"))
                }
                tags.append(TagRecord(type: 0, offset: offset, size: size, disposition: .parsed))
                sawEnd = true
                break
            }
            guard size >= 8 else {
                diagnostics.append(Diagnostic(tagType: type, offset: offset, reason: "tag size below 8; walk stopped"))
                tags.append(TagRecord(type: type, offset: offset, size: size, disposition: .malformed))
                break
            }
            guard Int(size) <= end - offset, let tag = bytes.slice(offset: offset, count: Int(size)) else {
                diagnostics.append(Diagnostic(tagType: type, offset: offset, reason: "tag runs past total_size; walk stopped"))
                tags.append(TagRecord(type: type, offset: offset, size: size, disposition: .malformed))
                break
            }
            let disposition: Disposition
            do {
                disposition = try parseTag(type: type, tag: tag)
            } catch {
                diagnostics.append(Diagnostic(tagType: type, offset: offset, reason: error.reason))
                disposition = .malformed
            }
            if disposition == .duplicate {
                diagnostics.append(Diagnostic(tagType: type, offset: offset, reason: "duplicate tag; first one kept"))
            }
            tags.append(TagRecord(type: type, offset: offset, size: size, disposition: disposition))
            offset += (Int(size) + 7) & ~7
        }
        if !sawEnd {
            diagnostics.append(Diagnostic(tagType: nil, offset: offset, reason: "no end tag"))
        }
    }

    /// Reads and parses the boot information at physical address `address` (the value the
    /// boot loader leaves in EBX), reading at most `maximumSize` bytes.
    ///
    /// Returns `nil` only if not even the 8-byte header is readable; every other problem is
    /// in `diagnostics`.
    public static func read<Memory: PhysicalMemoryReader>(at address: UInt64, from memory: Memory) -> MultibootInfo? {
        guard let header = memory.read(physicalAddress: address, count: 8), let total = header.u32(at: 0) else {
            return nil
        }
        let count = max(8, min(Int(total), maximumSize))
        guard let bytes = memory.read(physicalAddress: address, count: count) else { return nil }
        var info = MultibootInfo(parsing: bytes)
        if Int(total) > maximumSize {
            info.diagnostics.append(Diagnostic(tagType: nil, offset: 0, reason: "total_size above maximumSize; truncated"))
        }
        return info
    }

    /// The ACPI RSDP copy to use: the 2.0+ one if present, else the 1.0 one.
    public var rsdpBytes: [UInt8]? { rsdpV2 ?? rsdpV1 }

    /// The firmware memory map, normalised.
    ///
    /// Source choice: the boot loader's own map (tag 6) when valid, because GRUB always
    /// provides it, on BIOS (from E820) and on UEFI (converted from the EFI map at the moment
    /// it hands over, after ExitBootServices), and it is what other multiboot kernels use.
    /// The UEFI map (tag 17) is the fallback, converted as Linux converts it: loader and boot
    /// services code/data and conventional memory are usable only if write-back cacheable,
    /// and boot services memory stays reserved while boot services are active (tag 18).
    /// The basic lower/upper sizes (tag 4) are the last resort.
    public var memoryMap: FirmwareMemoryMap {
        if let entries = memoryMapEntries {
            var ranges: [FirmwareMemoryMap.Region] = []
            ranges.reserveCapacity(entries.count)
            for entry in entries {
                ranges.append(FirmwareMemoryMap.Region(
                    base: entry.base, end: clampedEnd(entry.base, entry.length), kind: MultibootInfo.kind(ofMemoryMapType: entry.type)))
            }
            return FirmwareMemoryMap(ranges: ranges, source: .multibootMemoryMap)
        }
        if let map = efiMemoryMap {
            var ranges: [FirmwareMemoryMap.Region] = []
            ranges.reserveCapacity(map.descriptors.count)
            for descriptor in map.descriptors {
                let (bytes, overflow) = descriptor.pageCount.multipliedReportingOverflow(by: 4096)
                let end = overflow ? UInt64.max : clampedEnd(descriptor.physicalStart, bytes)
                ranges.append(FirmwareMemoryMap.Region(
                    base: descriptor.physicalStart, end: end,
                    kind: MultibootInfo.kind(ofEFIDescriptor: descriptor, bootServicesActive: efiBootServicesActive)))
            }
            return FirmwareMemoryMap(ranges: ranges, source: .efiMemoryMap)
        }
        if let basic = basicMemoryInfo {
            let lower = UInt64(min(basic.lowerKiB, 640)) * 1024
            let upper = 0x10_0000 + UInt64(basic.upperKiB) * 1024
            return FirmwareMemoryMap(
                ranges: [
                    FirmwareMemoryMap.Region(base: 0, end: lower, kind: .usable),
                    FirmwareMemoryMap.Region(base: 0x10_0000, end: upper, kind: .usable),
                ],
                source: .basicMemoryInfo)
        }
        return FirmwareMemoryMap(ranges: [], source: .none)
    }

    /// The memory kind of a multiboot2 memory map type.
    public static func kind(ofMemoryMapType type: UInt32) -> FirmwareMemoryMap.Kind {
        switch type {
        case 1: .usable
        case 3: .acpiReclaimable
        case 4: .acpiNVS
        case 5: .bad
        default: .reserved
        }
    }

    /// The memory kind of a UEFI memory descriptor (Linux's `do_add_efi_memmap` rules).
    public static func kind(ofEFIDescriptor descriptor: EFIMemoryDescriptor, bootServicesActive: Bool) -> FirmwareMemoryMap.Kind {
        let writeBack: UInt64 = 0x8
        switch descriptor.type {
        case 3, 4:  // EfiBootServicesCode, EfiBootServicesData
            if bootServicesActive { return .reserved }
            return descriptor.attributes & writeBack != 0 ? .usable : .reserved
        case 1, 2, 7:  // EfiLoaderCode, EfiLoaderData, EfiConventionalMemory
            return descriptor.attributes & writeBack != 0 ? .usable : .reserved
        case 8: return .bad  // EfiUnusableMemory
        case 9: return .acpiReclaimable  // EfiACPIReclaimMemory
        case 10: return .acpiNVS  // EfiACPIMemoryNVS
        default: return .reserved
        }
    }

    private mutating func parseTag(type: UInt32, tag: ByteReader) throws(TagError) -> Disposition {
        switch type {
        case 1:
            guard commandLine == nil else { return .duplicate }
            commandLine = try MultibootInfo.string(in: tag, at: 8)
        case 2:
            guard bootLoaderName == nil else { return .duplicate }
            bootLoaderName = try MultibootInfo.string(in: tag, at: 8)
        case 3:
            guard let start = tag.u32(at: 8), let end = tag.u32(at: 12) else { throw TagError("module tag shorter than 16 bytes") }
            guard start <= end else { throw TagError("module start after module end") }
            modules.append(Module(start: start, end: end, string: try MultibootInfo.string(in: tag, at: 16)))
        case 4:
            guard basicMemoryInfo == nil else { return .duplicate }
            guard let lower = tag.u32(at: 8), let upper = tag.u32(at: 12) else { throw TagError("basic meminfo tag shorter than 16 bytes") }
            basicMemoryInfo = BasicMemoryInfo(lowerKiB: lower, upperKiB: upper)
        case 5:
            guard bootDevice == nil else { return .duplicate }
            guard let device = tag.u32(at: 8), let partition = tag.u32(at: 12), let sub = tag.u32(at: 16) else {
                throw TagError("boot device tag shorter than 20 bytes")
            }
            bootDevice = BIOSBootDevice(biosDevice: device, partition: partition, subPartition: sub)
        case 6:
            guard memoryMapEntries == nil else { return .duplicate }
            memoryMapEntries = try MultibootInfo.memoryMap(in: tag)
        case 8:
            guard framebuffer == nil else { return .duplicate }
            framebuffer = try MultibootFramebuffer(tag: tag)
        case 12:
            guard efiSystemTable == nil else { return .duplicate }
            guard let pointer = tag.u64(at: 8) else { throw TagError("EFI system table tag shorter than 16 bytes") }
            efiSystemTable = pointer
        case 14:
            guard rsdpV1 == nil else { return .duplicate }
            guard tag.count >= 8 + 20, let copy = tag.bytes(offset: 8, count: tag.count - 8) else {
                throw TagError("old RSDP tag shorter than 28 bytes")
            }
            rsdpV1 = copy
        case 15:
            guard rsdpV2 == nil else { return .duplicate }
            guard tag.count >= 8 + 36, let copy = tag.bytes(offset: 8, count: tag.count - 8) else {
                throw TagError("new RSDP tag shorter than 44 bytes")
            }
            rsdpV2 = copy
        case 17:
            guard efiMemoryMap == nil else { return .duplicate }
            efiMemoryMap = try MultibootInfo.efiMemoryMap(in: tag)
        case 18:
            efiBootServicesActive = true
        case 20:
            guard efiImageHandle == nil else { return .duplicate }
            guard let handle = tag.u64(at: 8) else { throw TagError("EFI image handle tag shorter than 16 bytes") }
            efiImageHandle = handle
        case 21:
            guard imageLoadBase == nil else { return .duplicate }
            guard let base = tag.u32(at: 8) else { throw TagError("load base tag shorter than 12 bytes") }
            imageLoadBase = base
        default:
            return .unknown
        }
        return .parsed
    }

    private static func string(in tag: ByteReader, at offset: Int) throws(TagError) -> [UInt8] {
        guard let string = tag.nulTerminatedBytes(at: offset) else { throw TagError("string not NUL-terminated inside the tag") }
        return string
    }

    private static func memoryMap(in tag: ByteReader) throws(TagError) -> [MemoryMapEntry] {
        guard let entrySize = tag.u32(at: 8), tag.u32(at: 12) != nil else { throw TagError("memory map tag shorter than 16 bytes") }
        guard entrySize >= 24, entrySize % 8 == 0 else { throw TagError("memory map entry_size below 24 or not a multiple of 8") }
        let stride = Int(entrySize)
        let room = tag.count - 16
        guard room % stride == 0 else { throw TagError("memory map entries overrun the tag") }
        var entries: [MemoryMapEntry] = []
        entries.reserveCapacity(room / stride)
        var offset = 16
        while offset < tag.count {
            guard let base = tag.u64(at: offset), let length = tag.u64(at: offset + 8), let type = tag.u32(at: offset + 16) else {
                throw TagError("memory map entries overrun the tag")
            }
            entries.append(MemoryMapEntry(base: base, length: length, type: type))
            offset += stride
        }
        return entries
    }

    private static func efiMemoryMap(in tag: ByteReader) throws(TagError) -> EFIMemoryMap {
        guard let descriptorSize = tag.u32(at: 8), let version = tag.u32(at: 12) else { throw TagError("EFI memory map tag shorter than 16 bytes") }
        guard descriptorSize >= 40, descriptorSize % 8 == 0 else { throw TagError("EFI descriptor size below 40 or not a multiple of 8") }
        let stride = Int(descriptorSize)
        // GRUB may leave room after the last descriptor, so only whole descriptors count.
        let count = (tag.count - 16) / stride
        var descriptors: [EFIMemoryDescriptor] = []
        descriptors.reserveCapacity(count)
        for index in 0..<count {
            let offset = 16 + index * stride
            guard let type = tag.u32(at: offset), let physical = tag.u64(at: offset + 8), let virtual = tag.u64(at: offset + 16),
                  let pages = tag.u64(at: offset + 24), let attributes = tag.u64(at: offset + 32)
            else { throw TagError("EFI memory map descriptors overrun the tag") }
            descriptors.append(EFIMemoryDescriptor(
                type: type, physicalStart: physical, virtualStart: virtual, pageCount: pages, attributes: attributes))
        }
        return EFIMemoryMap(descriptorSize: descriptorSize, descriptorVersion: version, descriptors: descriptors)
    }
}

/// `base + length`, or `UInt64.max` if that overflows (a range may not wrap past 2^64).
private func clampedEnd(_ base: UInt64, _ length: UInt64) -> UInt64 {
    let (end, overflow) = base.addingReportingOverflow(length)
    return overflow ? UInt64.max : end
}
