// SPDX-License-Identifier: GPL-2.0-only
// PCI INTx routing through ACPI: the `_PRT` of the function's root bridge, reached through the standard
// bridge swizzle; link devices resolve through their `_CRS` (or `_PRS` + `_SRS` when unset). Every function
// with an interrupt pin is resolved once at boot (AML is not evaluated on the router's path) and the result
// installed as PCIInterrupts' INTx router. Without ACPICA the firmware's interrupt line stays in charge.
import KernelCore

enum PCIACPIRouting {
    private struct State {
        var installed = false
        var routes: [(address: PCIAddress, route: PCIINTxRoute)] = []
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// Whether the `_PRT` router is installed.
    static var isInstalled: Bool { withState { $0.installed } }

    /// The route `_PRT` gave the function at `address`, or `nil` (no pin, or not resolvable).
    static func route(_ address: PCIAddress) -> PCIINTxRoute? {
        withState { state in state.routes.first { $0.address == address }?.route }
    }

    /// EISA IDs of PCI (PNP0A03) and PCI Express (PNP0A08) host bridges, as `EisaId()` encodes them.
    private static let hostBridgeIDs: [UInt64] = [0x030A_D041, 0x080A_D041]
    private static let hostBridgeNames: [[UInt8]] = [ByteReader.bytes(of: "PNP0A03"), ByteReader.bytes(of: "PNP0A08")]

    /// Switches the firmware to APIC mode (`\_PIC(1)`), resolves every function's INTx pin through `_PRT`
    /// and installs the router. Call once after ACPICA initialised and PCI was scanned, before drivers start.
    static func install() {
        guard ACPICA.isReady else {
            log(.info, "pci: ACPICA is not running; INTx routes come from the firmware's interrupt line")
            return
        }
        // `_PIC` is optional; where present (q35) `_PRT` answers with IOAPIC inputs only after it.
        if ACPICA.exists(ByteReader.bytes(of: "\\_PIC")) {
            do { try ACPICA.call(ByteReader.bytes(of: "\\_PIC"), integer: 1) } catch {
                log(.warning, "pci: \\_PIC(1) failed; _PRT may describe PIC routing")
            }
        }
        let roots = rootBridges()
        guard !roots.isEmpty else {
            log(.warning, "pci: no PCI host bridge in the ACPI namespace; INTx from the firmware's interrupt line")
            return
        }
        var tables: [(bus: UInt8, path: [UInt8], routes: [ACPICA.PCIRoute])] = []
        for root in roots {
            do { tables.append((root.bus, root.path, try ACPICA.pciRoutingTable(root.path))) } catch {
                log(.warning) { line in
                    line.write("pci: no _PRT at ")
                    line.write(contentsOf: root.path)
                }
            }
        }
        var links: [(path: [UInt8], route: PCIINTxRoute?)] = []
        var routes: [(address: PCIAddress, route: PCIINTxRoute)] = []
        let functions = PCI.functions
        for function in functions where (1...4).contains(function.header.interruptPin) {
            let (bus, device, pin) = swizzle(function, in: functions)
            guard let table = tables.first(where: { $0.bus == bus }),
                  let entry = table.routes.first(where: { $0.device == UInt16(device) && $0.pin == pin }) else {
                logUnrouted(function)
                continue
            }
            var route: PCIINTxRoute?
            var via: [UInt8] = []
            switch entry.target {
            case .gsi(let gsi):
                route = PCIINTxRoute(gsi: gsi, activeLow: true, levelTriggered: true)
            case .link(let path, _):
                via = path
                if let known = links.first(where: { $0.path == path }) {
                    route = known.route
                } else {
                    route = linkRoute(path)
                    links.append((path, route))
                }
            }
            guard let route else {
                logUnrouted(function)
                continue
            }
            routes.append((function.address, route))
            log(.info) { line in
                line.write("pci: ")
                line.write(function.address)
                line.write(" INT")
                line.write(UInt8(0x40) + function.header.interruptPin)
                line.write(" -> ")
                if !via.isEmpty {
                    line.write(contentsOf: via)
                    line.write(" -> ")
                }
                line.write("GSI ")
                line.writeDecimal(route.gsi)
                line.write(route.levelTriggered ? " (level, " : " (edge, ")
                line.write(route.activeLow ? "low)" : "high)")
            }
        }
        withState { state in
            state.routes = routes
            state.installed = true
        }
        PCIInterrupts.setINTxRouter { function in
            route(function.address) ?? PCIInterrupts.firmwareINTxRoute(function)
        }
    }

    private static func logUnrouted(_ function: PCIFunction) {
        log(.warning) { line in
            line.write("pci: ")
            line.write(function.address)
            line.write(" INT")
            line.write(UInt8(0x40) + function.header.interruptPin)
            line.write(": no _PRT route; using the firmware's interrupt line")
        }
    }

    /// The bus, device and 0-based pin at which the function's INTx pin reaches its root bus: behind each
    /// PCI-to-PCI bridge the pin turns by the device number (PCI-to-PCI Bridge Architecture 1.2, 9.1).
    static func swizzle(_ function: PCIFunction, in functions: [PCIFunction]) -> (bus: UInt8, device: UInt8, pin: UInt8) {
        var bus = function.address.bus
        var device = function.address.device
        var pin = (function.header.interruptPin - 1) & 3
        var depth = 0
        while depth < 256, let bridge = functions.first(where: {
            $0.header.isPCIBridge && $0.header.secondaryBus == bus && $0.address.bus != bus
                && $0.address.segment == function.address.segment
        }) {
            pin = (pin + device) & 3
            device = bridge.address.device
            bus = bridge.address.bus
            depth += 1
        }
        return (bus, device, pin)
    }

    /// The namespace paths of the PCI host bridges and their base bus numbers (`_BBN`, else 0).
    private static func rootBridges() -> [(path: [UInt8], bus: UInt8)] {
        var found: [(path: [UInt8], bus: UInt8)] = []
        for path in ACPICA.devicePaths where isHostBridge(path) {
            var bus: UInt8 = 0
            if case .integer(let number)? = try? ACPICA.evaluate(path + ByteReader.bytes(of: "._BBN")) {
                bus = UInt8(truncatingIfNeeded: number)
            }
            found.append((path, bus))
        }
        return found
    }

    private static func isHostBridge(_ path: [UInt8]) -> Bool {
        for suffix: StaticString in ["._HID", "._CID"] {
            guard let value = try? ACPICA.evaluate(path + ByteReader.bytes(of: suffix)) else { continue }
            var values = [value]
            if case .package(let elements) = value { values = elements }
            for id in values {
                switch id {
                case .integer(let number) where hostBridgeIDs.contains(number): return true
                case .string(let name) where hostBridgeNames.contains(where: { name.starts(with: $0) }): return true
                default: continue
                }
            }
        }
        return false
    }

    // MARK: Link devices

    /// The interrupt a link device is set to (its `_CRS`); an unset link (IRQ 0 or none) is set to the
    /// first choice of its `_PRS` through `_SRS` first.
    private static func linkRoute(_ path: [UInt8]) -> PCIINTxRoute? {
        if let current = currentInterrupt(path) { return current }
        guard case .buffer(let possible)? = try? ACPICA.evaluate(path + ByteReader.bytes(of: "._PRS")),
              let choice = ACPIResources.interrupts(possible).first,
              let number = choice.numbers.first(where: { $0 != 0 }) else { return nil }
        do { try ACPICA.call(path + ByteReader.bytes(of: "._SRS"), buffer: choice.setting(number)) } catch {
            return nil
        }
        return currentInterrupt(path)
    }

    private static func currentInterrupt(_ path: [UInt8]) -> PCIINTxRoute? {
        guard case .buffer(let current)? = try? ACPICA.evaluate(path + ByteReader.bytes(of: "._CRS")),
              let descriptor = ACPIResources.interrupts(current).first,
              let number = descriptor.numbers.first(where: { $0 != 0 }) else { return nil }
        return PCIINTxRoute(gsi: number, activeLow: descriptor.activeLow, levelTriggered: descriptor.levelTriggered)
    }
}

/// The interrupt descriptors of an ACPI resource template (ACPI 6.5 section 6.4): the small IRQ descriptor
/// (type 4) and the large Extended Interrupt descriptor (type 9).
enum ACPIResources {
    struct Interrupt {
        let extended: Bool
        let numbers: [UInt32]
        let levelTriggered: Bool
        let activeLow: Bool
        let shared: Bool

        /// A template that selects `number` in this descriptor's form, for `_SRS`.
        func setting(_ number: UInt32) -> [UInt8] {
            var bytes: [UInt8]
            if extended {
                let flags: UInt8 = 0x01 | (levelTriggered ? 0 : 0x02) | (activeLow ? 0x04 : 0) | (shared ? 0x08 : 0)
                bytes = [0x89, 6, 0, flags, 1]
                for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: number >> UInt32(shift))) }
            } else {
                let mask = UInt16(1) << UInt16(number & 15)
                let info: UInt8 = (levelTriggered ? 0 : 0x01) | (activeLow ? 0x08 : 0) | (shared ? 0x10 : 0)
                bytes = [0x23, UInt8(truncatingIfNeeded: mask), UInt8(truncatingIfNeeded: mask >> 8), info]
            }
            bytes += [0x79, 0]                           // end tag, checksum 0 (= not checked)
            return bytes
        }
    }

    static func interrupts(_ bytes: [UInt8]) -> [Interrupt] {
        var found: [Interrupt] = []
        var index = 0
        while index < bytes.count {
            let tag = bytes[index]
            if tag & 0x80 == 0 {
                let type = (tag >> 3) & 0x0F
                let length = Int(tag & 0x07)
                guard index + 1 + length <= bytes.count, type != 0x0F else { break }
                if type == 0x04, length >= 2 {
                    let mask = UInt16(bytes[index + 1]) | UInt16(bytes[index + 2]) << 8
                    let info: UInt8 = length >= 3 ? bytes[index + 3] : 0x01      // default: edge, active high
                    var numbers: [UInt32] = []
                    for irq in 0..<16 where mask & (1 << UInt16(irq)) != 0 { numbers.append(UInt32(irq)) }
                    found.append(Interrupt(extended: false, numbers: numbers, levelTriggered: info & 0x01 == 0,
                                           activeLow: info & 0x08 != 0, shared: info & 0x10 != 0))
                }
                index += 1 + length
            } else {
                guard index + 3 <= bytes.count else { break }
                let length = Int(bytes[index + 1]) | Int(bytes[index + 2]) << 8
                guard index + 3 + length <= bytes.count else { break }
                if tag & 0x7F == 0x09, length >= 2 {
                    let flags = bytes[index + 3]
                    let count = Int(bytes[index + 4])
                    var numbers: [UInt32] = []
                    for entry in 0..<count where 2 + entry * 4 + 4 <= length {
                        let at = index + 5 + entry * 4
                        numbers.append(UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8
                                       | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24)
                    }
                    found.append(Interrupt(extended: true, numbers: numbers, levelTriggered: flags & 0x02 == 0,
                                           activeLow: flags & 0x04 != 0, shared: flags & 0x08 != 0))
                }
                index += 3 + length
            }
        }
        return found
    }
}
