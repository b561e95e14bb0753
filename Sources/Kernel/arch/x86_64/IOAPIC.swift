// SPDX-License-Identifier: GPL-2.0-only
// I/O APICs: route a global system interrupt (GSI) to a vector on the boot CPU, with its polarity and trigger.
import KernelSupport

struct IOAPIC {
    let mmioBase: UInt64
    let gsiBase: UInt32
    let redirectionEntries: UInt32

    /// Maps the IOAPIC's registers and masks every pin.
    init(physicalBase: UInt64, gsiBase: UInt32) {
        let base = KernelMemory.mapMMIO(physical: physicalBase, length: 0x1000)
        mmioBase = base
        self.gsiBase = gsiBase
        redirectionEntries = ((IOAPIC.read(base, 0x01) >> 16) & 0xFF) + 1
        for pin in 0..<redirectionEntries { mask(pin: pin) }
    }

    /// Register select and window access must not interleave between CPUs.
    private static let windowLock = SpinLock()

    private static func read(_ base: UInt64, _ register: UInt32) -> UInt32 {
        // SAFETY: base maps an IOAPIC's register window (IOREGSEL at 0, IOWIN at 0x10), uncached.
        windowLock.withLock {
            unsafe mmio_write32(base, register)
            return unsafe mmio_read32(base + 0x10)
        }
    }

    private func write(_ register: UInt32, _ value: UInt32) {
        // SAFETY: mmioBase maps this IOAPIC's register window (init).
        IOAPIC.windowLock.withLock {
            unsafe mmio_write32(mmioBase, register)
            unsafe mmio_write32(mmioBase + 0x10, value)
        }
    }

    func handles(gsi: UInt32) -> Bool { gsi >= gsiBase && gsi < gsiBase + redirectionEntries }

    func mask(pin: UInt32) { write(0x10 + 2 * pin, 1 << 16) }

    /// Sets or clears the mask bit of `pin`, keeping the rest of its routing.
    func setMasked(pin: UInt32, _ masked: Bool) {
        let low = IOAPIC.read(mmioBase, 0x10 + 2 * pin)
        write(0x10 + 2 * pin, masked ? low | 1 << 16 : low & ~(1 << 16))
    }

    /// Delivers `gsi` as `vector` to the CPU with APIC id `destination`.
    func route(gsi: UInt32, vector: UInt8, activeLow: Bool, levelTriggered: Bool, destination: UInt32) {
        let pin = gsi - gsiBase
        var low = UInt32(vector)                       // fixed delivery, physical destination
        if activeLow { low |= 1 << 13 }
        if levelTriggered { low |= 1 << 15 }
        write(0x10 + 2 * pin + 1, destination << 24)
        write(0x10 + 2 * pin, low)
    }
}
