// SPDX-License-Identifier: GPL-2.0-only
// The `pci` suite: configuration access (ECAM against ports), BAR sizes, capability walks, MSI-X programming.
import KernelCore

enum PCITests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "pci", cases: [
            KernelTestCase(name: "host_bridge_found", run: hostBridgeFound),
            KernelTestCase(name: "ecam_and_ports_agree", run: ecamAndPortsAgree),
            KernelTestCase(name: "bar_sizes_are_powers_of_two", run: barSizes),
            KernelTestCase(name: "capability_walks_terminate", run: capabilityWalks),
            KernelTestCase(name: "msix_entries_program_and_mask", run: msixProgramming),
            KernelTestCase(name: "vector_allocator_reuses_freed_vectors", run: vectorAllocator),
            KernelTestCase(name: "driver_binding", run: driverBinding),
        ])
    }

    private static func hostBridgeFound(_ t: inout TestContext) {
        let functions = PCI.functions
        t.expect(!functions.isEmpty, "no PCI functions found")
        t.expect(functions.first?.address == PCIAddress(bus: 0, device: 0, function: 0), "00:00.0 is not the first function")
        t.expect(functions.first?.header.classCode == 0x06, "00:00.0 is not a bridge")
    }

    private static func ecamAndPortsAgree(_ t: inout TestContext) {
        guard PCI.usesECAM else { return t.skip("no ECAM on this machine (pc): ports only") }
        for function in PCI.functions where function.address.segment == 0 {
            var offset = 0
            while offset < 0x40 {
                let ecam = PCIConfigAccess.readECAM32(function.address, offset)
                let port = PCIConfigAccess.readPort32(function.address, offset)
                // BAR registers and the command register of a device may change; the IDs and class may not.
                if offset == 0x00 || offset == 0x08 || offset == 0x2C {
                    t.expect(ecam != nil && ecam == port) { out in
                        out.write("ECAM and ports differ at ")
                        out.write(function.address)
                        out.write("+")
                        out.writeHex(offset, digits: 2)
                    }
                }
                offset += 4
            }
        }
    }

    private static func barSizes(_ t: inout TestContext) {
        var count = 0
        for function in PCI.functions {
            for bar in function.bars {
                count += 1
                t.expect(bar.size != 0 && bar.size & (bar.size - 1) == 0) { out in
                    out.write(function.address)
                    out.write(" BAR ")
                    out.writeDecimal(bar.index)
                    out.write(" size ")
                    out.writeHex(bar.size)
                    out.write(" is not a power of two")
                }
                t.expect(bar.address & (bar.size - 1) == 0 || bar.address == 0) { out in
                    out.write(function.address)
                    out.write(" BAR ")
                    out.writeDecimal(bar.index)
                    out.write(" is not aligned to its size")
                }
            }
        }
        t.expect(count > 0, "no BARs at all")
    }

    private static func capabilityWalks(_ t: inout TestContext) {
        for function in PCI.functions {
            let again = PCICapabilities.walk(function.config, from: function.header.capabilitiesPointer)
            t.expect(again.problem == nil && again.entries.count <= 48, "a capability walk ended with a problem")
            t.expect(PCICapabilities.walkExtended(function.config).problem == nil, "an extended capability walk failed")
            if function.header.capabilitiesPointer != nil {
                t.expect(!again.entries.isEmpty, "a capability list with no entries")
            }
        }
        // A hostile list, walked as if the device returned it: a two-entry loop.
        var bytes = [UInt8](repeating: 0, count: 256)
        bytes[0x40] = 0x05; bytes[0x41] = 0x50
        bytes[0x50] = 0x11; bytes[0x51] = 0x40
        let looped = PCICapabilities.walk(ByteReader(bytes), from: 0x40)
        t.expect(looped.entries.count == 2 && looped.problem != nil, "a looping capability list was not stopped")
    }

    private static func msixProgramming(_ t: inout TestContext) {
        guard let function = PCI.functions.first(where: { $0.msix != nil && $0.bar($0.msix?.tableBAR ?? 0) != nil }) else {
            return t.skip("no function with MSI-X (boot with -device e1000e)")
        }
        guard let given = PCIInterrupts.enableMSIX(function.address, count: 2, handler: { _ in }) else {
            t.expect(false, "enableMSIX failed")
            return
        }
        let live = PCIConfigAccess.read16(function.address, (function.msix?.controlOffset) ?? 0)
        t.expect(live & PCIMSIXCapability.controlEnable != 0, "MSI-X enable bit not set")
        t.expect(live & PCIMSIXCapability.controlFunctionMask == 0, "function still masked")
        for entry in 0..<2 {
            // enableMSIX spreads the entries over the online CPUs round-robin.
            let expected = PCIMSIMessage.fixed(vector: given.vectors[entry],
                                               apicID: SMP.apicID(of: entry % max(1, SMP.onlineCount)))
            t.expect(given.table.message(entry) == expected, "table entry does not hold the programmed message")
            t.expect(given.table.isMasked(entry) == true, "a new entry is not masked")
            given.unmask(entry)
            t.expect(given.table.isMasked(entry) == false, "unmask did not clear the mask bit")
            given.mask(entry)
            t.expect(given.table.isMasked(entry) == true, "mask did not set the mask bit")
        }
        t.expect(given.table.message(given.table.entryCount) == nil, "an entry past the table was accessible")
        PCIInterrupts.disableMSIX(given)
        let after = PCIConfigAccess.read16(function.address, (function.msix?.controlOffset) ?? 0)
        t.expect(after & PCIMSIXCapability.controlEnable == 0, "MSI-X still enabled after disable")
    }

    private static func driverBinding(_ t: inout TestContext) {
        guard let address = PCI.functions.first?.address else { return t.skip("no PCI functions") }
        t.expect(PCI.boundDriver(of: address) == nil, "a function is bound before any driver ran")
        t.expect(PCI.bind(driver: Array("ktest".utf8), to: address), "binding a free function failed")
        t.expect(PCI.boundDriver(of: address) == Array("ktest".utf8), "boundDriver does not name the driver")
        t.expect(!PCI.bind(driver: Array("other".utf8), to: address), "a second driver bound the same function")
        PCI.unbind(address)
        t.expect(PCI.boundDriver(of: address) == nil, "unbind left the driver bound")
    }

    private static func vectorAllocator(_ t: inout TestContext) {
        guard let first = Interrupts.allocateVector(), let second = Interrupts.allocateVector() else {
            t.expect(false, "no dynamic vectors")
            return
        }
        t.expect(InterruptVector.dynamicRange.contains(first) && InterruptVector.dynamicRange.contains(second),
                 "vector outside 0x50-0xef")
        t.expect(first != second, "the same vector handed out twice")
        Interrupts.freeVector(first)
        t.expect(Interrupts.allocateVector() == first, "a freed vector is not reused")
        Interrupts.freeVector(first)
        Interrupts.freeVector(second)
    }
}
