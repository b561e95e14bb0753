// SPDX-License-Identifier: GPL-2.0-only
// The one way firmware-structure parsers read physical memory: the kernel's direct map, or test blobs.

/// Reads physical memory for parsers of firmware and boot-loader structures.
///
/// The kernel implements it over its direct map (copying through `ByteReader(copying:)`);
/// host tests implement it over byte arrays placed at chosen addresses.
public protocol PhysicalMemoryReader {
    /// The `count` bytes at physical address `address`, or `nil` if that range is not
    /// readable (not mapped, not RAM or firmware memory, or wrapping past 2^64).
    func read(physicalAddress address: UInt64, count: Int) -> ByteReader?
}
