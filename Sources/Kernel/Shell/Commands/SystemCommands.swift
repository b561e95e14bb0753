// SPDX-License-Identifier: GPL-2.0-only
// Shell commands about the system: help, dmesg, uptime, cpuinfo.
import KernelCore
import KernelSupport

enum SystemCommands {
    static var all: [ShellCommand] {
        [
            ShellCommand(name: "help", usage: "", summary: "list the commands", run: help),
            ShellCommand(name: "dmesg", usage: "", summary: "print the kernel log", run: dmesg),
            ShellCommand(name: "uptime", usage: "", summary: "time since boot", run: uptime),
            ShellCommand(name: "cpuinfo", usage: "", summary: "CPU vendor, model and features", run: cpuinfo),
        ]
    }

    private static func help(_ arguments: ShellArguments) {
        consolePrint { out in
            for command in Shell.commands {
                out.write("  ")
                var name = LineBuffer<32>()
                name.write(command.name)
                if command.usage.utf8CodeUnitCount > 0 {
                    name.write(" ")
                    name.write(command.usage)
                }
                out.write(contentsOf: name, leftAlignedIn: 24)
                out.write(command.summary)
                out.write("\n")
            }
        }
    }

    private static func dmesg(_ arguments: ShellArguments) {
        var out = ConsoleSink()
        KernelLog.dump(to: &out)
    }

    private static func uptime(_ arguments: ShellArguments) {
        let now = Clock.nanoseconds
        consolePrint { out in
            out.write("up ")
            out.writeDecimal(now / 1_000_000_000)
            out.write(".")
            out.writeDecimal(now % 1_000_000_000 / 1_000_000, width: 3, padding: 0x30)
            out.write(" s\n")
        }
    }

    private static func cpuinfo(_ arguments: ShellArguments) {
        let f = CPU.features
        consolePrint { out in
            out.write("vendor_id\t: ")
            for word in [f.vendor.0, f.vendor.1, f.vendor.2] { writeRegisterText(word, to: &out) }
            out.write("\ncpu family\t: ")
            out.writeDecimal(f.family)
            out.write("\nmodel\t\t: ")
            out.writeDecimal(f.model)
            out.write("\nmodel name\t: ")
            writeBrandString(to: &out)
            out.write("\nstepping\t: ")
            out.writeDecimal(f.stepping)
            out.write("\ncpu MHz\t\t: ")
            out.writeDecimal(Clock.tscFrequency / 1_000_000)
            out.write(".")
            out.writeDecimal(Clock.tscFrequency % 1_000_000 / 1_000, width: 3, padding: 0x30)
            out.write("\nflags\t\t:")
            for flag in CPUFlag.all where flag.isPresent(in: f) {
                out.write(" ")
                out.write(flag.name)
            }
            out.write("\n")
        }
        // One line per online CPU. Each CPU reads its own APIC id and CPUID brand string (the others through
        // a call-function IPI); the TSC frequency is the boot CPU's measurement for all of them (QEMU, like
        // current hardware with an invariant TSC, gives every CPU the same TSC rate), not recalibrated.
        let reports = SMP.collectFromEveryCPU { CPUReport(apicID: LocalAPIC.id, brand: brandString()) }
        consolePrint { out in
            for (index, report) in reports.enumerated() {
                guard let report else { continue }
                out.write("cpu")
                out.writeDecimal(index)
                out.write(": APIC id ")
                out.writeDecimal(report.apicID)
                out.write(", ")
                out.write(contentsOf: report.brand)
                out.write(", TSC ")
                out.writeDecimal(Clock.tscFrequency / 1_000_000)
                out.write(".")
                out.writeDecimal(Clock.tscFrequency % 1_000_000 / 1_000, width: 3, padding: 0x30)
                out.write(" MHz\n")
            }
        }
    }

    private struct CPUReport {
        let apicID: UInt32
        let brand: [UInt8]
    }

    private static func writeRegisterText(_ word: UInt32, to out: inout ConsoleSink) {
        for shift in stride(from: 0, to: 32, by: 8) {
            let byte = UInt8(truncatingIfNeeded: word >> UInt32(shift))
            if byte >= 0x20 && byte < 0x7F { out.write(byte) }
        }
    }

    private static func writeBrandString(to out: inout ConsoleSink) {
        out.write(contentsOf: brandString())
    }

    /// This CPU's CPUID brand string without leading spaces, or `unknown`.
    static func brandString() -> [UInt8] {
        guard CPU.features.maxExtendedLeaf >= 0x8000_0004 else { return Array("unknown".utf8) }
        var bytes: [UInt8] = []
        for leaf: UInt32 in 0x8000_0002...0x8000_0004 {
            let r = cpu_cpuid(leaf, 0)
            for word in [r.eax, r.ebx, r.ecx, r.edx] {
                for shift in stride(from: 0, to: 32, by: 8) {
                    let byte = UInt8(truncatingIfNeeded: word >> UInt32(shift))
                    if byte == 0x20 && bytes.isEmpty { continue }
                    if byte >= 0x20 && byte < 0x7F { bytes.append(byte) }
                }
            }
        }
        while bytes.last == 0x20 { bytes.removeLast() }
        return bytes
    }
}

/// A CPUID feature flag with Linux's name for it (as /proc/cpuinfo prints it).
struct CPUFlag {
    enum Register { case leaf1EDX, leaf1ECX, extendedEDX, extendedECX, leaf7EBX }
    let name: StaticString
    let register: Register
    let bit: UInt32

    func isPresent(in f: CPUFeatures) -> Bool {
        let value: UInt32
        switch register {
        case .leaf1EDX: value = f.leaf1EDX
        case .leaf1ECX: value = f.leaf1ECX
        case .extendedEDX: value = f.extendedEDX
        case .extendedECX: value = f.extendedECX
        case .leaf7EBX: value = f.leaf7EBX
        }
        return value & (1 << bit) != 0
    }

    static var all: [CPUFlag] {
        [
            CPUFlag(name: "fpu", register: .leaf1EDX, bit: 0), CPUFlag(name: "vme", register: .leaf1EDX, bit: 1),
            CPUFlag(name: "de", register: .leaf1EDX, bit: 2), CPUFlag(name: "pse", register: .leaf1EDX, bit: 3),
            CPUFlag(name: "tsc", register: .leaf1EDX, bit: 4), CPUFlag(name: "msr", register: .leaf1EDX, bit: 5),
            CPUFlag(name: "pae", register: .leaf1EDX, bit: 6), CPUFlag(name: "mce", register: .leaf1EDX, bit: 7),
            CPUFlag(name: "cx8", register: .leaf1EDX, bit: 8), CPUFlag(name: "apic", register: .leaf1EDX, bit: 9),
            CPUFlag(name: "sep", register: .leaf1EDX, bit: 11), CPUFlag(name: "mtrr", register: .leaf1EDX, bit: 12),
            CPUFlag(name: "pge", register: .leaf1EDX, bit: 13), CPUFlag(name: "mca", register: .leaf1EDX, bit: 14),
            CPUFlag(name: "cmov", register: .leaf1EDX, bit: 15), CPUFlag(name: "pat", register: .leaf1EDX, bit: 16),
            CPUFlag(name: "pse36", register: .leaf1EDX, bit: 17), CPUFlag(name: "clflush", register: .leaf1EDX, bit: 19),
            CPUFlag(name: "mmx", register: .leaf1EDX, bit: 23), CPUFlag(name: "fxsr", register: .leaf1EDX, bit: 24),
            CPUFlag(name: "sse", register: .leaf1EDX, bit: 25), CPUFlag(name: "sse2", register: .leaf1EDX, bit: 26),
            CPUFlag(name: "ht", register: .leaf1EDX, bit: 28),
            CPUFlag(name: "syscall", register: .extendedEDX, bit: 11), CPUFlag(name: "nx", register: .extendedEDX, bit: 20),
            CPUFlag(name: "pdpe1gb", register: .extendedEDX, bit: 26), CPUFlag(name: "rdtscp", register: .extendedEDX, bit: 27),
            CPUFlag(name: "lm", register: .extendedEDX, bit: 29),
            CPUFlag(name: "pni", register: .leaf1ECX, bit: 0), CPUFlag(name: "pclmulqdq", register: .leaf1ECX, bit: 1),
            CPUFlag(name: "ssse3", register: .leaf1ECX, bit: 9), CPUFlag(name: "fma", register: .leaf1ECX, bit: 12),
            CPUFlag(name: "cx16", register: .leaf1ECX, bit: 13), CPUFlag(name: "pcid", register: .leaf1ECX, bit: 17),
            CPUFlag(name: "sse4_1", register: .leaf1ECX, bit: 19), CPUFlag(name: "sse4_2", register: .leaf1ECX, bit: 20),
            CPUFlag(name: "x2apic", register: .leaf1ECX, bit: 21), CPUFlag(name: "movbe", register: .leaf1ECX, bit: 22),
            CPUFlag(name: "popcnt", register: .leaf1ECX, bit: 23), CPUFlag(name: "tsc_deadline_timer", register: .leaf1ECX, bit: 24),
            CPUFlag(name: "aes", register: .leaf1ECX, bit: 25), CPUFlag(name: "xsave", register: .leaf1ECX, bit: 26),
            CPUFlag(name: "avx", register: .leaf1ECX, bit: 28), CPUFlag(name: "f16c", register: .leaf1ECX, bit: 29),
            CPUFlag(name: "rdrand", register: .leaf1ECX, bit: 30), CPUFlag(name: "hypervisor", register: .leaf1ECX, bit: 31),
            CPUFlag(name: "lahf_lm", register: .extendedECX, bit: 0), CPUFlag(name: "abm", register: .extendedECX, bit: 5),
            CPUFlag(name: "fsgsbase", register: .leaf7EBX, bit: 0), CPUFlag(name: "bmi1", register: .leaf7EBX, bit: 3),
            CPUFlag(name: "avx2", register: .leaf7EBX, bit: 5), CPUFlag(name: "smep", register: .leaf7EBX, bit: 7),
            CPUFlag(name: "bmi2", register: .leaf7EBX, bit: 8), CPUFlag(name: "erms", register: .leaf7EBX, bit: 9),
            CPUFlag(name: "invpcid", register: .leaf7EBX, bit: 10), CPUFlag(name: "smap", register: .leaf7EBX, bit: 20),
        ]
    }
}
