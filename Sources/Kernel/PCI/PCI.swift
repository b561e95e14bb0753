// SPDX-License-Identifier: GPL-2.0-only
// PCI enumeration: scans from bus 0 through PCI-to-PCI bridges, sizes BARs, walks capabilities, keeps the
// list of functions, and names them from the pci.ids boot module.
import KernelCore

/// One PCI function as found at boot.
struct PCIFunction {
    let address: PCIAddress
    let header: PCIHeader
    let bars: [PCIBAR]
    let capabilities: PCICapabilityWalk<PCICapability>
    let extendedCapabilities: PCICapabilityWalk<PCIExtendedCapability>
    let msi: PCIMSICapability?
    let msix: PCIMSIXCapability?
    /// The configuration space as read at boot (4 KiB through ECAM, 256 bytes through the ports).
    let config: ByteReader

    func bar(_ index: Int) -> PCIBAR? { bars.first { $0.index == index } }
}

enum PCI {
    private struct State {
        var functions: [PCIFunction] = []
        var usesECAM = false
        var names: PCIIDDatabase?
        var namesLoaded = false
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// Every function found, in address order (segment, bus, device, function).
    static var functions: [PCIFunction] { withState { $0.functions } }
    /// Whether configuration space is reached through ECAM (else ports 0xCF8/0xCFC).
    static var usesECAM: Bool { withState { $0.usesECAM } }

    static func function(at address: PCIAddress) -> PCIFunction? {
        withState { state in state.functions.first { $0.address == address } }
    }

    /// Chooses the configuration mechanism (ECAM from the MCFG, else ports) and scans segment 0.
    static func initialize() {
        var allocations: [MCFG.Allocation] = []
        if let table = ACPI.directory?.table(.mcfg) {
            do {
                allocations = try MCFG(table: table).allocations
            } catch {
                log(.warning, "pci: MCFG rejected; using configuration ports")
            }
        }
        PCIConfigAccess.configure(ecam: allocations)
        let ecam = allocations.contains { $0.segmentGroup == 0 && $0.startBus == 0 }
        var found: [PCIFunction] = []
        var visited = [Bool](repeating: false, count: 256)
        scan(bus: 0, into: &found, visited: &visited)
        // Listed in address order, as lspci lists them (the scan goes depth-first through bridges).
        found.sort { sortKey($0.address) < sortKey($1.address) }
        withState { state in
            state.functions = found
            state.usesECAM = ecam
        }
        log(.info) { line in
            line.write("pci: ")
            line.writeDecimal(found.count)
            line.write(" functions, configuration through ")
            line.write(ecam ? "ECAM" : "ports 0xcf8/0xcfc")
        }
    }

    private static func sortKey(_ address: PCIAddress) -> UInt64 {
        UInt64(address.segment) << 24 | UInt64(address.bus) << 16 | UInt64(address.device) << 8 | UInt64(address.function)
    }

    /// Scans every device of `bus`, then the buses behind its bridges. Each bus is scanned at most once,
    /// so bridges that claim the same or earlier bus numbers cannot make the scan loop.
    private static func scan(bus: UInt8, into found: inout [PCIFunction], visited: inout [Bool]) {
        guard !visited[Int(bus)] else { return }
        visited[Int(bus)] = true
        for device: UInt8 in 0..<32 {
            guard let first = PCIAddress(bus: bus, device: device, function: 0),
                  PCIConfigAccess.read16(first, 0) != 0xFFFF else { continue }
            let multiFunction = PCIConfigAccess.read8(first, 0x0E) & 0x80 != 0
            for function: UInt8 in 0..<(multiFunction ? 8 : 1) {
                guard let address = PCIAddress(bus: bus, device: device, function: function),
                      let probed = probe(address) else { continue }
                found.append(probed)
                logFunction(probed)
                if probed.header.isPCIBridge, probed.header.secondaryBus > bus {
                    scan(bus: probed.header.secondaryBus, into: &found, visited: &visited)
                }
            }
        }
    }

    private static func probe(_ address: PCIAddress) -> PCIFunction? {
        let config = PCIConfigAccess.snapshot(address)
        guard let header = PCIHeader(config) else { return nil }
        let capabilities = PCICapabilities.walk(config, from: header.capabilitiesPointer)
        let extended = PCICapabilities.walkExtended(config)
        var msi: PCIMSICapability?
        var msix: PCIMSIXCapability?
        for capability in capabilities.entries {
            if capability.id == PCICapability.msi, msi == nil { msi = PCIMSICapability(config, offset: capability.offset) }
            if capability.id == PCICapability.msix, msix == nil { msix = PCIMSIXCapability(config, offset: capability.offset) }
        }
        for problem in [capabilities.problem, extended.problem] {
            guard let problem else { continue }
            log(.warning) { line in
                line.write("pci: ")
                line.write(address)
                line.write(": ")
                line.write(problem)
            }
        }
        return PCIFunction(address: address, header: header, bars: sizeBARs(address, count: header.barCount),
                           capabilities: capabilities, extendedCapabilities: extended, msi: msi, msix: msix,
                           config: config)
    }

    /// Sizes the BARs by writing all ones and reading back, with I/O and memory decoding off meanwhile so
    /// that the device never answers at the probe address; restores the BARs and the command register.
    private static func sizeBARs(_ address: PCIAddress, count: Int) -> [PCIBAR] {
        guard count > 0 else { return [] }
        var bars: [PCIBAR] = []
        let command = PCIConfigAccess.read16(address, 0x04)
        PCIConfigAccess.write16(address, 0x04, command & ~(PCIHeader.commandIOSpace | PCIHeader.commandMemorySpace))
        var index = 0
        while index < count {
            let offset = 0x10 + index * 4
            let original = PCIConfigAccess.read32(address, offset)
            PCIConfigAccess.write32(address, offset, 0xFFFF_FFFF)
            let sizing = PCIConfigAccess.read32(address, offset)
            PCIConfigAccess.write32(address, offset, original)
            var originalHigh: UInt32 = 0
            var sizingHigh: UInt32 = 0
            let wide = PCIBAR.is64Bit(original) && index + 1 < count
            if wide {
                originalHigh = PCIConfigAccess.read32(address, offset + 4)
                PCIConfigAccess.write32(address, offset + 4, 0xFFFF_FFFF)
                sizingHigh = PCIConfigAccess.read32(address, offset + 4)
                PCIConfigAccess.write32(address, offset + 4, originalHigh)
            }
            if let bar = PCIBAR.decode(index: index, original: original, sizing: sizing,
                                       originalHigh: originalHigh, sizingHigh: sizingHigh) {
                bars.append(bar)
            }
            index += wide ? 2 : 1
        }
        PCIConfigAccess.write16(address, 0x04, command)
        return bars
    }

    private static func logFunction(_ function: PCIFunction) {
        log(.info) { line in
            line.write("pci: ")
            line.write(function.address)
            line.write(" [")
            line.writeHex(function.header.vendorID, digits: 4, prefix: false)
            line.write(":")
            line.writeHex(function.header.deviceID, digits: 4, prefix: false)
            line.write("] class ")
            line.writeHex(function.header.classWord, digits: 4, prefix: false)
            if function.header.isPCIBridge {
                line.write(", bridge to buses ")
                line.writeDecimal(function.header.secondaryBus)
                line.write("-")
                line.writeDecimal(function.header.subordinateBus)
            }
        }
    }

    // MARK: - Names

    /// The pci.ids database from the boot module named `pci.ids`, indexed on first use; `nil` without one.
    static var names: PCIIDDatabase? {
        if let loaded = withState({ $0.namesLoaded ? Optional($0.names) : nil }) { return loaded }
        let database = loadNames()
        withState { state in
            state.names = database
            state.namesLoaded = true
        }
        return database
    }

    private static func loadNames() -> PCIIDDatabase? {
        let wanted = ByteReader.bytes(of: "pci.ids")
        guard let module = BootInfo.info?.modules.first(where: { $0.string == wanted }) else {
            log(.warning, "pci: no pci.ids boot module; devices are shown by number")
            return nil
        }
        guard module.end > module.start,
              let bytes = DirectMapReader().read(physicalAddress: UInt64(module.start), count: Int(module.end - module.start))
        else {
            log(.error, "pci: the pci.ids module is not readable")
            return nil
        }
        let database = PCIIDDatabase(bytes.allBytes)
        log(.info) { line in
            line.write("pci: pci.ids: ")
            line.writeDecimal(database.vendorCount)
            line.write(" vendors, ")
            line.writeDecimal(database.classCount)
            line.write(" classes, ")
            line.writeDecimal(database.malformedLines)
            line.write(" malformed lines")
        }
        return database
    }
}
