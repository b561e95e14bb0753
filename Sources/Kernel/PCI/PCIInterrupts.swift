// SPDX-License-Identifier: GPL-2.0-only
// Interrupts for PCI drivers: MSI and MSI-X programmed for the boot CPU from the dynamic vector range, and
// INTx through a replaceable router (today the firmware's interrupt line register).
import KernelCore

/// Where a function's INTx pin arrives: an IOAPIC input and its electrical mode.
struct PCIINTxRoute {
    let gsi: UInt32
    let activeLow: Bool
    let levelTriggered: Bool
}

/// The MSI-X vectors a function was given: entry `i` of the table delivers `vectors[i]`.
struct PCIMSIXVectors {
    let address: PCIAddress
    let table: PCIMSIXTable
    let vectors: [UInt8]

    /// Masks (stops) or unmasks entry `entry`.
    func mask(_ entry: Int) { table.setMasked(entry, true) }
    func unmask(_ entry: Int) { table.setMasked(entry, false) }
}

enum PCIInterrupts {
    /// Resolves a function's INTx pin. The default reads the interrupt line register the firmware wrote
    /// (an ISA-style IRQ number, taken as the GSI; right for QEMU's pc and q35 under SeaBIOS and OVMF).
    /// When ACPICA arrives, ACPI `_PRT` routing replaces it through `setINTxRouter`, which is the only
    /// thing that must change.
    nonisolated(unsafe) private static var router: (PCIFunction) -> PCIINTxRoute? = firmwareINTxRoute
    // SAFETY: written only by setINTxRouter during single-threaded boot.
    private static var currentRouter: (PCIFunction) -> PCIINTxRoute? { unsafe router }

    /// Installs another INTx router (ACPI `_PRT`). Call during boot, before drivers start.
    static func setINTxRouter(_ resolve: @escaping (PCIFunction) -> PCIINTxRoute?) {
        unsafe router = resolve
    }

    static func firmwareINTxRoute(_ function: PCIFunction) -> PCIINTxRoute? {
        let line = function.header.interruptLine
        guard function.header.interruptPin != 0, line != 0, line != 0xFF else { return nil }
        return PCIINTxRoute(gsi: UInt32(line), activeLow: true, levelTriggered: true)
    }

    /// The route of a function's INTx pin, or `nil` when it has none.
    static func intxRoute(_ function: PCIFunction) -> PCIINTxRoute? { currentRouter(function) }

    /// Routes the function's INTx pin to a newly allocated vector that runs `handler`; returns the vector.
    static func enableINTx(_ address: PCIAddress, handler: @escaping () -> Void) -> UInt8? {
        guard let function = PCI.function(at: address), let route = intxRoute(function),
              let vector = Interrupts.allocateVector() else { return nil }
        Interrupts.register(vector: vector, handler)
        guard IRQRouting.routeGSI(route.gsi, vector: vector, activeLow: route.activeLow,
                                  levelTriggered: route.levelTriggered) else {
            Interrupts.freeVector(vector)
            return nil
        }
        let command = PCIConfigAccess.read16(address, 0x04)
        PCIConfigAccess.write16(address, 0x04, command & ~PCIHeader.commandINTxDisable)
        return vector
    }

    /// Allocates one vector, points the function's MSI capability at the boot CPU with it, enables MSI
    /// (a single message) and disables INTx; returns the vector, or `nil` without MSI or free vectors.
    static func enableMSI(_ address: PCIAddress, handler: @escaping () -> Void) -> UInt8? {
        guard let msi = PCI.function(at: address)?.msi, let vector = Interrupts.allocateVector() else { return nil }
        guard let message = PCIMSIMessage.fixed(vector: vector, apicID: LocalAPIC.id) else {
            Interrupts.freeVector(vector)
            return nil
        }
        Interrupts.register(vector: vector, handler)
        var control = PCIConfigAccess.read16(address, msi.controlOffset)
        control &= ~(PCIMSICapability.controlEnable | 0x0070)          // off, one message
        PCIConfigAccess.write16(address, msi.controlOffset, control)
        PCIConfigAccess.write32(address, msi.addressLowOffset, UInt32(truncatingIfNeeded: message.address))
        if let high = msi.addressHighOffset { PCIConfigAccess.write32(address, high, 0) }
        PCIConfigAccess.write16(address, msi.dataOffset, UInt16(truncatingIfNeeded: message.data))
        if let mask = msi.maskOffset { PCIConfigAccess.write32(address, mask, 0) }
        let command = PCIConfigAccess.read16(address, 0x04)
        PCIConfigAccess.write16(address, 0x04, command | PCIHeader.commandINTxDisable)
        PCIConfigAccess.write16(address, msi.controlOffset, control | PCIMSICapability.controlEnable)
        return vector
    }

    /// Turns MSI off and frees `vector`.
    static func disableMSI(_ address: PCIAddress, vector: UInt8) {
        if let msi = PCI.function(at: address)?.msi {
            let control = PCIConfigAccess.read16(address, msi.controlOffset)
            PCIConfigAccess.write16(address, msi.controlOffset, control & ~PCIMSICapability.controlEnable)
        }
        Interrupts.freeVector(vector)
    }

    /// Allocates `count` vectors, maps the function's MSI-X table, programs entries 0..<count for the boot
    /// CPU (left masked: unmask each when its handler is ready), enables MSI-X and disables INTx. `handler`
    /// gets the entry number. `nil` without MSI-X, with too few entries or vectors, or a table outside its BAR.
    static func enableMSIX(_ address: PCIAddress, count: Int, handler: @escaping (Int) -> Void) -> PCIMSIXVectors? {
        guard let function = PCI.function(at: address), let msix = function.msix, count > 0, count <= msix.tableSize,
              let bar = function.bar(msix.tableBAR), bar.kind != .io, bar.address != 0,
              UInt64(msix.tableOffset) + UInt64(msix.tableLength) <= bar.size else { return nil }
        var vectors: [UInt8] = []
        for _ in 0..<count {
            guard let vector = Interrupts.allocateVector() else {
                for vector in vectors { Interrupts.freeVector(vector) }
                return nil
            }
            vectors.append(vector)
        }
        // Memory decoding must be on for the table to answer.
        let command = PCIConfigAccess.read16(address, 0x04)
        PCIConfigAccess.write16(address, 0x04, command | PCIHeader.commandMemorySpace | PCIHeader.commandINTxDisable)
        // Enabled with the whole function masked while the entries are written.
        let control = PCIConfigAccess.read16(address, msix.controlOffset)
        PCIConfigAccess.write16(address, msix.controlOffset,
                                control | PCIMSIXCapability.controlEnable | PCIMSIXCapability.controlFunctionMask)
        let table = PCIMSIXTable(physical: bar.address + UInt64(msix.tableOffset), entryCount: msix.tableSize)
        // Entries are spread over the online CPUs, one each round-robin (entry 0 on the boot CPU), as
        // Linux spreads a device's queues; the IDT and handler table are shared, so any CPU can take any
        // vector.
        let cpus = max(1, SMP.onlineCount)
        for (entry, vector) in vectors.enumerated() {
            Interrupts.register(vector: vector) { handler(entry) }
            table.setMasked(entry, true)
            let apicID = SMP.apicID(of: entry % cpus)
            if let message = PCIMSIMessage.fixed(vector: vector, apicID: apicID) { table.program(entry, message) }
        }
        PCIConfigAccess.write16(address, msix.controlOffset,
                                (control | PCIMSIXCapability.controlEnable) & ~PCIMSIXCapability.controlFunctionMask)
        return PCIMSIXVectors(address: address, table: table, vectors: vectors)
    }

    /// Masks every entry, turns MSI-X off and frees the vectors.
    static func disableMSIX(_ given: PCIMSIXVectors) {
        for entry in 0..<given.vectors.count { given.mask(entry) }
        if let msix = PCI.function(at: given.address)?.msix {
            let control = PCIConfigAccess.read16(given.address, msix.controlOffset)
            PCIConfigAccess.write16(given.address, msix.controlOffset, control & ~PCIMSIXCapability.controlEnable)
        }
        for vector in given.vectors { Interrupts.freeVector(vector) }
    }
}
