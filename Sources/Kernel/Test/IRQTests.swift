// SPDX-License-Identifier: GPL-2.0-only
// The `irq` suite: INTx routing through ACPI _PRT, and message-signalled interrupts raised by a real QEMU
// device: an e1000e (82574L) sets a cause in ICS, which it delivers through MSI-X entry 0 or MSI.
import KernelCore
import KernelSupport
import Synchronization

enum IRQTests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "irq", cases: [
            KernelTestCase(name: "intx_routes_to_ioapic_inputs", run: intxRoutes),
            KernelTestCase(name: "msix_delivery_from_e1000e", run: msixDelivery),
            KernelTestCase(name: "msix_mask_holds_pending_until_unmask", run: msixMaskAndPending),
            KernelTestCase(name: "msi_delivery_from_e1000e", run: msiDelivery),
        ])
    }

    /// Incremented by the test handlers.
    private static let fired = Atomic<Int>(0)
    private static let timeout: UInt64 = 200_000_000    // 200 ms: a TCG guest delivers within microseconds

    private static func intxRoutes(_ t: inout TestContext) {
        guard PCIACPIRouting.isInstalled else { return t.skip("ACPICA is not running: no _PRT router") }
        var count = 0
        for function in PCI.functions where function.header.interruptPin != 0 {
            count += 1
            let route = PCIACPIRouting.route(function.address)
            t.expect(route != nil) { out in
                out.write(function.address)
                out.write(" has an interrupt pin but no _PRT route")
            }
            guard let route else { continue }
            t.expect(IRQRouting.handles(gsi: route.gsi)) { out in
                out.write(function.address)
                out.write(" routes to GSI ")
                out.writeDecimal(route.gsi)
                out.write(", which no IOAPIC handles")
            }
            t.expect(route.levelTriggered) { out in
                out.write(function.address)
                out.write(" routed edge-triggered")
            }
            t.expect(PCIInterrupts.intxRoute(function)?.gsi == route.gsi, "PCIInterrupts does not use the _PRT router")
        }
        t.expect(count > 0, "no function has an interrupt pin")
    }

    private static func e1000e() -> PCIFunction? {
        PCI.functions.first { $0.header.vendorID == 0x8086 && $0.header.deviceID == 0x10D3 }
    }

    /// Waits up to `timeout` for `fired` to reach `count`.
    private static func waitFor(_ count: Int) -> Bool {
        let deadline = Clock.nanoseconds + timeout
        while fired.load(ordering: .acquiring) < count {
            if Clock.nanoseconds > deadline { return false }
            cpu_pause()
        }
        return true
    }

    /// Runs `body` with the e1000e's MSI-X entry 0 delivering to a counting handler, the "other", RX queue 0
    /// and TX queue 0 causes mapped to entry 0, bus mastering on; undoes all of it afterwards.
    private static func withMSIX(_ t: inout TestContext, _ body: (inout TestContext, E1000ERegisters, PCIMSIXVectors) -> Void) {
        guard let function = e1000e() else { return t.skip("no e1000e (boot with -device e1000e)") }
        guard let bar = function.bar(0), bar.kind != .io, bar.address != 0, let registers = E1000ERegisters(bar) else {
            t.expect(false, "e1000e BAR 0 is not a mapped memory BAR")
            return
        }
        let command = PCIConfigAccess.read16(function.address, 0x04)
        fired.store(0, ordering: .releasing)
        guard let given = PCIInterrupts.enableMSIX(function.address, count: 1, handler: { _ in
            fired.add(1, ordering: .releasing)
        }) else {
            t.expect(false, "enableMSIX failed on the e1000e")
            return
        }
        PCIConfigAccess.write16(function.address, 0x04, PCIConfigAccess.read16(function.address, 0x04) | PCIHeader.commandBusMaster)
        registers.quiesce()
        let valid = E1000ERegisters.ivarValid      // entry 0 for each cause
        registers.write(E1000ERegisters.ivar, valid | valid << E1000ERegisters.ivarTXQ0Shift | valid << E1000ERegisters.ivarOtherShift)
        registers.write(E1000ERegisters.ims, E1000ERegisters.causeRXQ0 | E1000ERegisters.causeTXQ0 | E1000ERegisters.causeOther)
        body(&t, registers, given)
        registers.quiesce()
        PCIInterrupts.disableMSIX(given)
        PCIConfigAccess.write16(function.address, 0x04, command)
    }

    private static func msixDelivery(_ t: inout TestContext) {
        withMSIX(&t) { t, registers, given in
            given.unmask(0)
            t.expect(fired.load(ordering: .acquiring) == 0, "the handler ran before the device raised anything")
            registers.write(E1000ERegisters.ics, E1000ERegisters.causeRXQ0)
            t.expect(waitFor(1), "no MSI-X interrupt within 200 ms of ICS")
            t.expect(Interrupts.count(given.vectors[0]) >= 1, "the vector's dispatch count did not move")
            t.note { out in
                out.write("vector ")
                out.writeHex(given.vectors[0], digits: 2)
                out.write(" fired ")
                out.writeDecimal(fired.load(ordering: .acquiring))
                out.write(" time(s)")
            }
        }
    }

    private static func msixMaskAndPending(_ t: inout TestContext) {
        withMSIX(&t) { t, registers, given in
            guard let function = e1000e(), let msix = function.msix, let pbaBAR = function.bar(msix.pendingBAR) else {
                t.expect(false, "no MSI-X pending bit array")
                return
            }
            let pba = E1000ERegisters.PendingBits(physical: pbaBAR.address + UInt64(msix.pendingOffset))
            given.mask(0)
            registers.write(E1000ERegisters.ics, E1000ERegisters.causeTXQ0)
            t.expect(!waitFor(1), "a masked MSI-X entry delivered")
            t.expect(pba.isPending(0), "the held message is not pending in the PBA")
            given.unmask(0)
            t.expect(waitFor(1), "unmasking did not deliver the pending message")
            t.expect(!pba.isPending(0), "the PBA bit stayed set after delivery")
        }
    }

    private static func msiDelivery(_ t: inout TestContext) {
        guard let function = e1000e() else { return t.skip("no e1000e (boot with -device e1000e)") }
        guard function.msi != nil else { return t.skip("the e1000e has no MSI capability in this QEMU") }
        guard let bar = function.bar(0), bar.kind != .io, bar.address != 0, let registers = E1000ERegisters(bar) else {
            t.expect(false, "e1000e BAR 0 is not a mapped memory BAR")
            return
        }
        let command = PCIConfigAccess.read16(function.address, 0x04)
        fired.store(0, ordering: .releasing)
        guard let vector = PCIInterrupts.enableMSI(function.address, handler: { fired.add(1, ordering: .releasing) }) else {
            t.expect(false, "enableMSI failed on the e1000e")
            return
        }
        PCIConfigAccess.write16(function.address, 0x04,
                                PCIConfigAccess.read16(function.address, 0x04) | PCIHeader.commandMemorySpace | PCIHeader.commandBusMaster)
        registers.quiesce()
        registers.write(E1000ERegisters.ims, E1000ERegisters.causeLSC)
        registers.write(E1000ERegisters.ics, E1000ERegisters.causeLSC)
        t.expect(waitFor(1), "no MSI within 200 ms of ICS")
        registers.quiesce()
        PCIInterrupts.disableMSI(function.address, vector: vector)
        PCIConfigAccess.write16(function.address, 0x04, command)
    }
}

/// The 82574L registers the suite uses (Intel 82574 GbE Controller Family datasheet, section 10; Linux's
/// drivers/net/ethernet/intel/e1000e/regs.h and defines.h), and the only MMIO of the suite.
struct E1000ERegisters {
    static let icr = 0x00C0             // Interrupt Cause Read (write 1 to clear)
    static let ics = 0x00C8             // Interrupt Cause Set
    static let ims = 0x00D0             // Interrupt Mask Set
    static let imc = 0x00D8             // Interrupt Mask Clear
    static let ivar = 0x00E4            // Interrupt Vector Allocation (MSI-X)
    static let itr = 0x00C4             // Interrupt Throttling Rate
    static let eitr0 = 0x00E8           // Extended Interrupt Throttling Rate, one per MSI-X vector (5)
    static let causeLSC: UInt32 = 1 << 2
    static let causeRXQ0: UInt32 = 1 << 20
    static let causeTXQ0: UInt32 = 1 << 22
    static let causeOther: UInt32 = 1 << 24
    /// IVAR: a 4-bit field per cause, MSI-X entry in bits 0-2 and valid in bit 3; RXQ0 at 0, TXQ0 at 8, other at 16.
    static let ivarValid: UInt32 = 1 << 3
    static let ivarTXQ0Shift: UInt32 = 8
    static let ivarOtherShift: UInt32 = 16
    private static let length: UInt64 = 0x1000

    private let base: UInt64

    init?(_ bar: PCIBAR) {
        guard bar.size >= Self.length else { return nil }
        base = KernelMemory.mapMMIO(physical: bar.address, length: Self.length)
    }

    func write(_ offset: Int, _ value: UInt32) {
        guard offset >= 0, UInt64(offset) + 4 <= Self.length else { return }
        // SAFETY: `offset` lies inside the first page of BAR 0, mapped uncached by init.
        unsafe mmio_write32(base + UInt64(offset), value)
    }

    func read(_ offset: Int) -> UInt32 {
        guard offset >= 0, UInt64(offset) + 4 <= Self.length else { return 0 }
        // SAFETY: as in `write`.
        return unsafe mmio_read32(base + UInt64(offset))
    }

    /// Masks every cause, clears the pending ones, unmaps every IVAR entry and turns interrupt throttling
    /// off, then waits out a throttling timer the device may still run: QEMU 7.2's e1000e model asserts
    /// (and aborts QEMU) if such a timer fires after MSI or MSI-X was turned off.
    func quiesce() {
        write(Self.itr, 0)
        for vector in 0..<5 { write(Self.eitr0 + 4 * vector, 0) }
        write(Self.imc, 0xFFFF_FFFF)
        write(Self.icr, 0xFFFF_FFFF)
        _ = read(Self.icr)
        write(Self.ivar, 0)
        Scheduler.sleep(nanoseconds: 30_000_000)
    }

    /// The first 64 bits of an MSI-X pending bit array.
    struct PendingBits {
        private let base: UInt64

        init(physical: UInt64) { base = KernelMemory.mapMMIO(physical: physical, length: 8) }

        func isPending(_ entry: Int) -> Bool {
            guard entry >= 0 && entry < 32 else { return false }
            // SAFETY: the first dword of the PBA, mapped by init.
            return unsafe mmio_read32(base) & (1 << UInt32(entry)) != 0
        }
    }
}
