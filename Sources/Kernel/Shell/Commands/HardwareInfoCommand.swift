// SPDX-License-Identifier: GPL-2.0-only
// `hwinfo`: one report of the machine for users to share: firmware, CPU, memory map, ACPI tables, and every
// PCI function with the driver bound to it. Each line starts with its section (`cpu:`, `pci:` …).
import KernelCore

enum HardwareInfoCommand {
    static var all: [ShellCommand] {
        [ShellCommand(name: "hwinfo", usage: "", summary: "hardware report (firmware, CPU, memory, ACPI, PCI)",
                      run: { _ in report() })]
    }

    private static func report() {
        firmware()
        cpu()
        memory()
        acpiTables()
        pci()
    }

    /// `firmware: UEFI (…)` or `firmware: BIOS (…)`, the boot loader, and the ACPI root's OEM and revision.
    private static func firmware() {
        let info = BootInfo.info
        consolePrint { out in
            out.write("firmware: ")
            if let table = info?.efiSystemTable {
                out.write("UEFI, EFI system table at ")
                out.writeHex(table)
            } else {
                out.write("BIOS (no EFI system table from the boot loader)")
            }
            out.write(", boot loader \"")
            out.write(contentsOf: printable(info?.bootLoaderName ?? []))
            out.write("\"\n")
            guard let directory = ACPI.directory else { return out.write("firmware: no ACPI tables\n") }
            out.write("firmware: ACPI revision ")
            out.writeDecimal(directory.rsdp.revision)
            out.write(", OEM \"")
            out.write(contentsOf: printable(directory.rsdp.oemID))
            out.write("\"")
            if let fadt = directory.table(.fadt) {
                out.write(", FADT \"")
                out.write(contentsOf: printable(fadt.oemTableID))
                out.write("\" revision ")
                out.writeDecimal(fadt.revision)
                out.write(" OEM revision ")
                out.writeHex(fadt.oemRevision, digits: 8)
            }
            if let fadt = ACPI.fadt {
                if fadt.isHardwareReduced { out.write(", hardware-reduced") }
                out.write(fadt.hasLegacyDevices ? ", legacy devices" : ", no legacy devices")
                out.write(fadt.has8042 ? ", 8042" : ", no 8042")
            }
            if let madt = ACPI.madt { out.write(madt.hasPCATCompat ? ", 8259 PICs" : ", no 8259 PICs") }
            out.write(ACPI.directory?.table(.hpet) != nil ? ", HPET" : ", no HPET")
            out.write("\n")
        }
    }

    /// Vendor, family/model/stepping, brand string, CPUs online, TSC, APIC mode, then the feature flags.
    private static func cpu() {
        let f = CPU.features
        let brand = SystemCommands.brandString()
        consolePrint { out in
            out.write("cpu: ")
            for word in [f.vendor.0, f.vendor.1, f.vendor.2] {
                for shift in stride(from: 0, to: 32, by: 8) {
                    let byte = UInt8(truncatingIfNeeded: word >> UInt32(shift))
                    if byte >= 0x20 && byte < 0x7F { out.write(byte) }
                }
            }
            out.write(" family ")
            out.writeDecimal(f.family)
            out.write(" model ")
            out.writeDecimal(f.model)
            out.write(" stepping ")
            out.writeDecimal(f.stepping)
            out.write(", \"")
            out.write(contentsOf: brand)
            out.write("\"\ncpu: ")
            out.writeDecimal(SMP.onlineCount)
            out.write(" online of ")
            let listed = ACPI.madt.map { madt in
                madt.localAPICs.filter { $0.isEnabled }.count + madt.localX2APICs.filter { $0.isEnabled }.count
            } ?? 1
            out.writeDecimal(listed)
            out.write(" enabled in the MADT, TSC ")
            out.writeDecimal(Clock.tscFrequency / 1_000_000)
            out.write(" MHz")
            if f.invariantTSC { out.write(" (invariant)") }
            out.write(", ")
            out.write(LocalAPIC.x2APIC ? "x2APIC" : "xAPIC")
            out.write("\ncpu: flags")
            for flag in CPUFlag.all where flag.isPresent(in: f) {
                out.write(" ")
                out.write(flag.name)
            }
            out.write("\n")
        }
    }

    /// The firmware memory map as the kernel took it, one range a line, then the usable total.
    private static func memory() {
        guard let map = BootInfo.info?.memoryMap else { return consolePrint { $0.write("memory: no memory map\n") } }
        for region in map.regions {
            consolePrint { out in
                out.write("memory: [mem ")
                out.writeHex(region.base, digits: 16)
                out.write("-")
                out.writeHex(region.end &- 1, digits: 16)
                out.write("] ")
                switch region.kind {
                case .usable: out.write("usable")
                case .acpiReclaimable: out.write("ACPI data")
                case .reserved: out.write("reserved")
                case .acpiNVS: out.write("ACPI NVS")
                case .bad: out.write("unusable")
                }
                out.write("\n")
            }
        }
        consolePrint { out in
            out.write("memory: ")
            out.writeDecimal(map.usableBytes >> 20)
            out.write(" MiB usable, from the ")
            switch map.source {
            case .multibootMemoryMap: out.write("boot loader's memory map")
            case .efiMemoryMap: out.write("EFI memory map")
            case .basicMemoryInfo: out.write("basic memory sizes")
            case .none: out.write("nothing")
            }
            out.write("\n")
        }
    }

    /// `acpi: FACP BOCHS  BXPC     revision 1, OEM revision 0x00000001, length 244`
    private static func acpiTables() {
        for table in ACPI.directory?.tables ?? [] {
            consolePrint { out in
                out.write("acpi: ")
                out.write(contentsOf: table.signature.bytes)
                out.write(" ")
                out.write(contentsOf: printable(table.oemID))
                out.write(" ")
                out.write(contentsOf: printable(table.oemTableID))
                out.write(" revision ")
                out.writeDecimal(table.revision)
                out.write(", OEM revision ")
                out.writeHex(table.oemRevision, digits: 8)
                out.write(", length ")
                out.writeDecimal(table.length)
                out.write("\n")
            }
        }
    }

    /// `pci: 00:04.0 [1b36:0010] Red Hat, Inc. QEMU NVM Express Controller (Non-Volatile memory controller): no driver`
    private static func pci() {
        let names = PCI.names
        for function in PCI.functions {
            let driver = PCI.boundDriver(of: function.address)
            consolePrint { out in
                let header = function.header
                out.write("pci: ")
                out.write(function.address)
                out.write(" [")
                out.writeHex(header.vendorID, digits: 4, prefix: false)
                out.write(":")
                out.writeHex(header.deviceID, digits: 4, prefix: false)
                out.write("] ")
                if let vendor = names?.vendorName(header.vendorID) {
                    out.write(contentsOf: vendor)
                    out.write(" ")
                }
                if let device = names?.deviceName(vendor: header.vendorID, device: header.deviceID) {
                    out.write(contentsOf: device)
                } else {
                    out.write("Device")
                }
                out.write(" (")
                if let name = names?.subclassName(classCode: header.classCode, subclass: header.subclass)
                    ?? names?.className(header.classCode) {
                    out.write(contentsOf: name)
                } else {
                    out.write("class ")
                    out.writeHex(header.classWord, digits: 4, prefix: false)
                }
                out.write("): ")
                if let driver {
                    out.write("driver ")
                    out.write(contentsOf: driver)
                } else {
                    out.write("no driver")
                }
                out.write("\n")
            }
        }
    }

    /// NUL padding (common in OEM ids) as spaces, other unprintable bytes as dots.
    private static func printable(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 == 0 ? 0x20 : ($0 >= 0x20 && $0 < 0x7F ? $0 : 0x2E) }
    }
}
