// SPDX-License-Identifier: GPL-2.0-only
// Routing device interrupt lines to vectors: ISA IRQs through the MADT's overrides to IOAPIC pins.
import KernelCore

enum IRQRouting {
    /// Filled by `initialize` during single-threaded boot, read-only afterwards.
    nonisolated(unsafe) private static var found: [IOAPIC] = []
    // SAFETY: see `found`.
    private static var ioAPICs: [IOAPIC] { unsafe found }

    /// Maps and masks every IOAPIC the MADT lists (or the one at the standard address without a MADT).
    static func initialize() {
        var ioAPICs: [IOAPIC] = []
        if let madt = ACPI.madt, !madt.ioAPICs.isEmpty {
            for entry in madt.ioAPICs {
                ioAPICs.append(IOAPIC(physicalBase: UInt64(entry.address), gsiBase: entry.gsiBase))
            }
        } else {
            log(.warning, "irq: no IOAPIC in the MADT; assuming one at 0xfec00000")
            ioAPICs.append(IOAPIC(physicalBase: 0xFEC0_0000, gsiBase: 0))
        }
        unsafe found = ioAPICs
    }

    /// Delivers ISA IRQ `irq` as `vector` to the boot CPU.
    static func routeISA(irq: UInt8, vector: UInt8) {
        let route = ACPI.madt?.route(isaIRQ: irq)
            ?? MADT.InterruptRoute(gsi: UInt32(irq), polarity: .activeHigh, trigger: .edge)
        guard let ioapic = ioAPICs.first(where: { $0.handles(gsi: route.gsi) }) else {
            log(.error) { line in
                line.write("irq: no IOAPIC handles GSI ")
                line.writeDecimal(route.gsi)
            }
            return
        }
        ioapic.route(gsi: route.gsi, vector: vector, activeLow: route.polarity == .activeLow,
                     levelTriggered: route.trigger == .level, destination: LocalAPIC.id)
    }

    /// Delivers the interrupt ACPI names `number` (the SCI: an ISA IRQ number or a GSI) as `vector`. An
    /// interrupt source override for it decides its mode; where the override says "conforms", or there is
    /// none, ACPI's own convention holds: level-triggered, active low (ACPI 6.5 section 5.2.9, SCI_INT).
    /// Returns false when no IOAPIC handles it.
    @discardableResult
    static func routeACPI(number: UInt32, vector: UInt8) -> Bool {
        var gsi = number
        var activeLow = true
        var level = true
        if number < 16, let override = ACPI.madt?.overrides.last(where: { $0.bus == 0 && UInt32($0.source) == number }) {
            gsi = override.gsi
            activeLow = MADT.polarity(override.flags, default: .activeLow) == .activeLow
            level = MADT.trigger(override.flags, default: .level) == .level
        }
        guard let ioapic = ioAPICs.first(where: { $0.handles(gsi: gsi) }) else { return false }
        ioapic.route(gsi: gsi, vector: vector, activeLow: activeLow, levelTriggered: level, destination: LocalAPIC.id)
        return true
    }

    /// Masks the IOAPIC input of the interrupt ACPI names `number` (as routeACPI resolves it).
    static func maskACPI(number: UInt32) {
        var gsi = number
        if number < 16, let override = ACPI.madt?.overrides.last(where: { $0.bus == 0 && UInt32($0.source) == number }) {
            gsi = override.gsi
        }
        guard let ioapic = ioAPICs.first(where: { $0.handles(gsi: gsi) }) else { return }
        ioapic.mask(pin: gsi - ioapic.gsiBase)
    }

    /// Whether some IOAPIC has an input for `gsi`.
    static func handles(gsi: UInt32) -> Bool { ioAPICs.contains { $0.handles(gsi: gsi) } }

    /// Delivers global system interrupt `gsi` as `vector` to the boot CPU with the given polarity and
    /// trigger mode (PCI INTx lines are level-triggered, active low); false when no IOAPIC handles it.
    @discardableResult
    static func routeGSI(_ gsi: UInt32, vector: UInt8, activeLow: Bool, levelTriggered: Bool) -> Bool {
        guard let ioapic = ioAPICs.first(where: { $0.handles(gsi: gsi) }) else { return false }
        ioapic.route(gsi: gsi, vector: vector, activeLow: activeLow, levelTriggered: levelTriggered,
                     destination: LocalAPIC.id)
        return true
    }

    /// Masks or unmasks the IOAPIC input of `gsi` (routed before by routeGSI); false when no IOAPIC has it.
    @discardableResult
    static func setMasked(gsi: UInt32, _ masked: Bool) -> Bool {
        guard let ioapic = ioAPICs.first(where: { $0.handles(gsi: gsi) }) else { return false }
        ioapic.setMasked(pin: gsi - ioapic.gsiBase, masked)
        return true
    }
}
