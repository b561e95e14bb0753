// SPDX-License-Identifier: GPL-2.0-only
// The only place PCI touches hardware: configuration space through ECAM (MCFG) or ports 0xCF8/0xCFC, and
// MSI-X table entries in a device's memory BAR.
import KernelCore
import KernelSupport

/// Configuration-space reads and writes. Every access is bounds-checked here (offset inside the 4 KiB, or
/// the 256 bytes the port mechanism reaches), so callers cannot turn a bad offset into a wild access.
enum PCIConfigAccess {
    private static let addressPort: UInt16 = 0xCF8
    private static let dataPort: UInt16 = 0xCFC

    private struct Windows {
        var allocations: [MCFG.Allocation] = []
        /// Per allocation, the virtual base of each bus's 1 MiB, mapped on first use (0 = not yet).
        var busBases: [[UInt64]] = []
    }
    nonisolated(unsafe) private static var windows = Windows()
    private static let windowsLock = SpinLock()
    /// The 0xCF8 address and the 0xCFC data access must not interleave between CPUs.
    private static let portLock = SpinLock()

    /// The one access path to `windows`.
    private static func withWindows<Result>(_ body: (inout Windows) -> Result) -> Result {
        // SAFETY: `windowsLock` serialises every access to `windows`, on every CPU.
        windowsLock.withLock { unsafe body(&windows) }
    }

    /// Uses the MCFG's ECAM regions from now on (none: the port mechanism for everything).
    static func configure(ecam allocations: [MCFG.Allocation]) {
        withWindows { windows in
            windows.allocations = allocations
            windows.busBases = allocations.map { _ in [UInt64](repeating: 0, count: 256) }
        }
    }

    /// Whether an ECAM region covers `address`'s bus.
    static func hasECAM(for address: PCIAddress) -> Bool {
        withWindows { windows in windows.allocations.contains { covers($0, address) } }
    }

    private static func covers(_ allocation: MCFG.Allocation, _ address: PCIAddress) -> Bool {
        allocation.segmentGroup == address.segment && address.bus >= allocation.startBus && address.bus <= allocation.endBus
    }

    /// The mapped virtual address of `offset` (< 4096) in `address`'s configuration space, mapping the
    /// bus's 1 MiB on first use; `nil` when no ECAM region covers the bus.
    private static func ecamVirtual(_ address: PCIAddress, _ offset: Int) -> UInt64? {
        guard offset >= 0 && offset < 4096 else { return nil }
        return withWindows { windows -> UInt64? in
            guard let index = windows.allocations.firstIndex(where: { covers($0, address) }),
                  let physical = windows.allocations[index].configurationAddress(bus: address.bus, device: 0, function: 0)
            else { return nil }
            var base = windows.busBases[index][Int(address.bus)]
            if base == 0 {
                base = KernelMemory.mapMMIO(physical: physical, length: 1 << 20)
                windows.busBases[index][Int(address.bus)] = base
            }
            return base + (UInt64(address.device) << 15 | UInt64(address.function) << 12) + UInt64(offset)
        }
    }

    private static func portAddress(_ address: PCIAddress, _ offset: Int) -> UInt32? {
        guard address.segment == 0, offset >= 0, offset < 256 else { return nil }
        return 0x8000_0000 | UInt32(address.bus) << 16 | UInt32(address.device) << 11
            | UInt32(address.function) << 8 | UInt32(offset & 0xFC)
    }

    /// The dword at `offset` (rounded down to 4) through ECAM, or `nil` without ECAM for the bus.
    static func readECAM32(_ address: PCIAddress, _ offset: Int) -> UInt32? {
        guard let virtual = ecamVirtual(address, offset & ~3) else { return nil }
        // SAFETY: `virtual` lies inside the bus's 1 MiB ECAM window, mapped uncached by ecamVirtual.
        return unsafe mmio_read32(virtual)
    }

    /// The dword at `offset` (rounded down to 4, below 256) through ports 0xCF8/0xCFC, or `nil` when out of reach.
    static func readPort32(_ address: PCIAddress, _ offset: Int) -> UInt32? {
        guard let port = portAddress(address, offset) else { return nil }
        return portLock.withLock {
            cpu_outl(addressPort, port)
            return cpu_inl(dataPort)
        }
    }

    /// The dword at `offset` (rounded down to 4): ECAM when it covers the bus, else the ports; all ones (what
    /// an absent function returns) when neither reaches it.
    static func read32(_ address: PCIAddress, _ offset: Int) -> UInt32 {
        readECAM32(address, offset) ?? readPort32(address, offset) ?? 0xFFFF_FFFF
    }

    static func read16(_ address: PCIAddress, _ offset: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: read32(address, offset) >> UInt32((offset & 2) * 8))
    }

    static func read8(_ address: PCIAddress, _ offset: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: read32(address, offset) >> UInt32((offset & 3) * 8))
    }

    static func write32(_ address: PCIAddress, _ offset: Int, _ value: UInt32) {
        if let virtual = ecamVirtual(address, offset & ~3) {
            // SAFETY: inside the bus's mapped ECAM window (see readECAM32).
            unsafe mmio_write32(virtual, value)
        } else if let port = portAddress(address, offset) {
            portLock.withLock {
                cpu_outl(addressPort, port)
                cpu_outl(dataPort, value)
            }
        }
    }

    /// A 16-bit write that leaves the other half of the dword alone (status bits are write-one-to-clear).
    static func write16(_ address: PCIAddress, _ offset: Int, _ value: UInt16) {
        if let virtual = ecamVirtual(address, offset & ~1) {
            // SAFETY: inside the bus's mapped ECAM window (see readECAM32), 2-byte aligned.
            unsafe mmio_write16(virtual, value)
        } else if let port = portAddress(address, offset) {
            portLock.withLock {
                cpu_outl(addressPort, port)
                cpu_outw(dataPort + UInt16(offset & 2), value)
            }
        }
    }

    static func write8(_ address: PCIAddress, _ offset: Int, _ value: UInt8) {
        if let virtual = ecamVirtual(address, offset) {
            // SAFETY: inside the bus's mapped ECAM window (see readECAM32).
            unsafe mmio_write8(virtual, value)
        } else if let port = portAddress(address, offset) {
            portLock.withLock {
                cpu_outl(addressPort, port)
                cpu_outb(dataPort + UInt16(offset & 3), value)
            }
        }
    }

    /// A copy of the function's configuration space: 4 KiB through ECAM, 256 bytes through the ports.
    static func snapshot(_ address: PCIAddress) -> ByteReader {
        let length = hasECAM(for: address) ? 4096 : 256
        var bytes = [UInt8](repeating: 0, count: length)
        var offset = 0
        while offset < length {
            let value = read32(address, offset)
            bytes[offset] = UInt8(truncatingIfNeeded: value)
            bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
            bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 16)
            bytes[offset + 3] = UInt8(truncatingIfNeeded: value >> 24)
            offset += 4
        }
        return ByteReader(bytes)
    }
}

/// A function's MSI-X table, mapped uncached: entries are written and masked only through this type, whose
/// accesses are checked against the table's size.
struct PCIMSIXTable {
    private let base: UInt64
    let entryCount: Int

    /// Maps the table (`entryCount` entries at physical `physical`, inside a memory BAR checked by the caller).
    init(physical: UInt64, entryCount: Int) {
        base = KernelMemory.mapMMIO(physical: physical, length: UInt64(entryCount * PCIMSIXCapability.entrySize))
        self.entryCount = entryCount
    }

    private func register(_ entry: Int, _ word: Int) -> UInt64? {
        guard entry >= 0 && entry < entryCount && word >= 0 && word < 4 else { return nil }
        return base + UInt64(entry * PCIMSIXCapability.entrySize + word * 4)
    }

    /// Writes an entry's message address and data (the entry should be masked meanwhile).
    func program(_ entry: Int, _ message: PCIMSIMessage) {
        guard let low = register(entry, 0), let high = register(entry, 1), let data = register(entry, 2) else { return }
        // SAFETY: the three registers lie inside the table mapped by init (checked by `register`).
        unsafe mmio_write32(low, UInt32(truncatingIfNeeded: message.address))
        unsafe mmio_write32(high, UInt32(truncatingIfNeeded: message.address >> 32))
        unsafe mmio_write32(data, message.data)
    }

    /// The entry's message as programmed, or `nil` for an entry outside the table.
    func message(_ entry: Int) -> PCIMSIMessage? {
        guard let low = register(entry, 0), let high = register(entry, 1), let data = register(entry, 2) else { return nil }
        // SAFETY: as in `program`.
        let address = unsafe UInt64(mmio_read32(high)) << 32 | UInt64(mmio_read32(low))
        return unsafe PCIMSIMessage(address: address, data: mmio_read32(data))
    }

    /// Sets or clears the entry's mask bit.
    func setMasked(_ entry: Int, _ masked: Bool) {
        guard let control = register(entry, 3) else { return }
        // SAFETY: as in `program`.
        let value = unsafe mmio_read32(control)
        let wanted = masked ? value | PCIMSIXCapability.entryMasked : value & ~PCIMSIXCapability.entryMasked
        unsafe mmio_write32(control, wanted)
    }

    /// Whether the entry is masked (`nil` outside the table).
    func isMasked(_ entry: Int) -> Bool? {
        guard let control = register(entry, 3) else { return nil }
        // SAFETY: as in `program`.
        return unsafe mmio_read32(control) & PCIMSIXCapability.entryMasked != 0
    }
}
