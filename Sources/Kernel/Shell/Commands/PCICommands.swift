// SPDX-License-Identifier: GPL-2.0-only
// The `lspci` shell command: one `lspci -nn` line per function, `-v BDF` for BARs, IRQ and capabilities.
import KernelCore

enum PCICommands {
    static var all: [ShellCommand] {
        [ShellCommand(name: "lspci", usage: "[-v BB:DD.F]", summary: "list PCI functions (-v: details of one)", run: lspci)]
    }

    private static func lspci(_ arguments: ShellArguments) {
        let names = PCI.names
        if arguments.count == 0 {
            for function in PCI.functions { consolePrint { out in writeSummary(function, names, to: &out) } }
            return
        }
        guard arguments.count == 2, arguments.word(0, is: "-v") else {
            return Shell.usageError("lspci", "[-v BB:DD.F]")
        }
        guard let address = PCIAddress.parse(arguments[1]) else {
            return consolePrint { out in
                out.write("error: lspci: '")
                out.write(contentsOf: arguments[1])
                out.write("' is not a PCI address (BB:DD.F, hexadecimal)\n")
            }
        }
        guard let function = PCI.function(at: address) else {
            return consolePrint { out in
                out.write("error: lspci: no device at ")
                out.write(address)
                out.write("\n")
            }
        }
        consolePrint { out in
            writeSummary(function, names, to: &out)
            writeDetails(function, to: &out)
        }
    }

    /// `00:02.0 Ethernet controller [0200]: Intel Corporation 82540EM Gigabit Ethernet Controller [8086:100e] (rev 03)`
    private static func writeSummary(_ function: PCIFunction, _ names: PCIIDDatabase?, to out: inout ConsoleSink) {
        let header = function.header
        out.write(function.address)
        out.write(" ")
        if let name = names?.subclassName(classCode: header.classCode, subclass: header.subclass)
            ?? names?.className(header.classCode) {
            out.write(contentsOf: name)
        } else {
            out.write("Class")
        }
        out.write(" [")
        out.writeHex(header.classWord, digits: 4, prefix: false)
        out.write("]: ")
        let vendor = names?.vendorName(header.vendorID)
        let device = names?.deviceName(vendor: header.vendorID, device: header.deviceID)
        if let vendor {
            out.write(contentsOf: vendor)
            out.write(" ")
        }
        if let device { out.write(contentsOf: device) } else { out.write("Device") }
        out.write(" [")
        out.writeHex(header.vendorID, digits: 4, prefix: false)
        out.write(":")
        out.writeHex(header.deviceID, digits: 4, prefix: false)
        out.write("]")
        if header.revision != 0 {
            out.write(" (rev ")
            out.writeHex(header.revision, digits: 2, prefix: false)
            out.write(")")
        }
        out.write("\n")
    }

    private static func writeDetails(_ function: PCIFunction, to out: inout ConsoleSink) {
        let header = function.header
        if header.layout == .general, header.subsystemVendorID != 0 {
            out.write("\tSubsystem: [")
            out.writeHex(header.subsystemVendorID, digits: 4, prefix: false)
            out.write(":")
            out.writeHex(header.subsystemID, digits: 4, prefix: false)
            out.write("]\n")
        }
        if header.isPCIBridge {
            out.write("\tBus: primary=")
            out.writeHex(header.primaryBus, digits: 2, prefix: false)
            out.write(", secondary=")
            out.writeHex(header.secondaryBus, digits: 2, prefix: false)
            out.write(", subordinate=")
            out.writeHex(header.subordinateBus, digits: 2, prefix: false)
            out.write("\n")
        }
        if header.interruptPin != 0 {
            out.write("\tInterrupt: pin ")
            out.write(UInt8(0x40) + min(header.interruptPin, 4))
            if let route = PCIInterrupts.intxRoute(function) {
                out.write(" routed to IRQ ")
                out.writeDecimal(route.gsi)
            } else {
                out.write(" not routed")
            }
            out.write("\n")
        }
        for bar in function.bars { writeBAR(bar, to: &out) }
        for capability in function.capabilities.entries { writeCapability(capability, function, to: &out) }
        for capability in function.extendedCapabilities.entries {
            out.write("\tCapabilities: [")
            out.writeHex(capability.offset, digits: 3, prefix: false)
            out.write(" v")
            out.writeDecimal(capability.version)
            out.write("] ")
            if let name = PCIExtendedCapability.name(of: capability.id) { out.write(name) } else {
                out.write("Extended Capability ID ")
                out.writeHex(capability.id, digits: 4)
            }
            out.write("\n")
        }
        for problem in [function.capabilities.problem, function.extendedCapabilities.problem] {
            guard let problem else { continue }
            out.write("\tCapabilities: <")
            out.write(problem)
            out.write(">\n")
        }
    }

    /// `Region 0: Memory at febc0000 (32-bit, non-prefetchable) [size=128K]` or `Region 1: I/O ports at c000 [size=64]`.
    private static func writeBAR(_ bar: PCIBAR, to out: inout ConsoleSink) {
        out.write("\tRegion ")
        out.writeDecimal(bar.index)
        if bar.kind == .io {
            out.write(": I/O ports at ")
            out.writeHex(bar.address, digits: 4, prefix: false)
        } else {
            out.write(": Memory at ")
            out.writeHex(bar.address, digits: 8, prefix: false)
            switch bar.kind {
            case .memory64: out.write(" (64-bit, ")
            case .memoryBelow1M: out.write(" (low-1M, ")
            default: out.write(" (32-bit, ")
            }
            out.write(bar.prefetchable ? "prefetchable)" : "non-prefetchable)")
        }
        out.write(" [size=")
        var size = bar.size
        var unit: UInt8 = 0
        for suffix: UInt8 in [0x4B, 0x4D, 0x47, 0x54] where size >= 1024 && size % 1024 == 0 {   // K M G T
            size /= 1024
            unit = suffix
        }
        out.writeDecimal(size)
        if unit != 0 { out.write(unit) }
        out.write("]\n")
    }

    private static func writeCapability(_ capability: PCICapability, _ function: PCIFunction, to out: inout ConsoleSink) {
        let config = function.config
        out.write("\tCapabilities: [")
        out.writeHex(capability.offset, digits: 2, prefix: false)
        out.write("] ")
        switch capability.id {
        case PCICapability.powerManagement:
            out.write("Power Management version ")
            out.writeDecimal((config.u16(at: capability.offset + 2) ?? 0) & 0x7)
        case PCICapability.msi:
            guard let msi = function.msi, msi.offset == capability.offset else { out.write("MSI"); break }
            out.write("MSI: Enable")
            out.write(msi.isEnabled ? "+" : "-")
            out.write(" Count=")
            out.writeDecimal(msi.vectorsEnabled)
            out.write("/")
            out.writeDecimal(msi.vectorsCapable)
            out.write(msi.hasPerVectorMasking ? " Maskable+" : " Maskable-")
            out.write(msi.is64Bit ? " 64bit+" : " 64bit-")
        case PCICapability.msix:
            guard let msix = function.msix, msix.offset == capability.offset else { out.write("MSI-X"); break }
            out.write("MSI-X: Enable")
            out.write(msix.isEnabled ? "+" : "-")
            out.write(" Count=")
            out.writeDecimal(msix.tableSize)
            out.write(msix.isFunctionMasked ? " Masked+" : " Masked-")
            out.write(" Table: BAR=")
            out.writeDecimal(msix.tableBAR)
            out.write(" offset=")
            out.writeHex(msix.tableOffset, digits: 8, prefix: false)
        case PCICapability.pciExpress:
            let flags = config.u16(at: capability.offset + 2) ?? 0
            out.write("Express (v")
            out.writeDecimal(flags & 0xF)
            out.write(") ")
            out.write(expressPortType(UInt8(truncatingIfNeeded: flags >> 4) & 0xF))
        default:
            if let name = PCICapability.name(of: capability.id) { out.write(name) } else {
                out.write("Capability ID ")
                out.writeHex(capability.id, digits: 2)
            }
        }
        out.write("\n")
    }

    private static func expressPortType(_ type: UInt8) -> StaticString {
        switch type {
        case 0: return "Endpoint"
        case 1: return "Legacy Endpoint"
        case 4: return "Root Port"
        case 5: return "Upstream Port"
        case 6: return "Downstream Port"
        case 7: return "PCI-Express to PCI/PCI-X Bridge"
        case 8: return "PCI/PCI-X to PCI-Express Bridge"
        case 9: return "Root Complex Integrated Endpoint"
        case 10: return "Root Complex Event Collector"
        default: return "Unknown type"
        }
    }
}
