// SPDX-License-Identifier: GPL-2.0-only
// What the boot CPU is: vendor, model and feature flags from CPUID, read once at boot.
import KernelSupport

struct CPUFeatures {
    var vendor: (UInt32, UInt32, UInt32) = (0, 0, 0)
    var family: UInt32 = 0
    var model: UInt32 = 0
    var stepping: UInt32 = 0
    var leaf1ECX: UInt32 = 0
    var leaf1EDX: UInt32 = 0
    var extendedECX: UInt32 = 0
    var extendedEDX: UInt32 = 0
    var leaf7EBX: UInt32 = 0
    var invariantTSC = false
    var maxExtendedLeaf: UInt32 = 0

    var x2APIC: Bool { leaf1ECX & (1 << 21) != 0 }
    var noExecute: Bool { extendedEDX & (1 << 20) != 0 }
}

/// Written once by `CPU.identify()` at boot, before anything reads it.
nonisolated(unsafe) private var identifiedFeatures = CPUFeatures()

enum CPU {
    // SAFETY: written only by identify(), first thing at boot on the boot CPU.
    static var features: CPUFeatures { unsafe identifiedFeatures }

    static func identify() {
        var f = CPUFeatures()
        let leaf0 = cpu_cpuid(0, 0)
        f.vendor = (leaf0.ebx, leaf0.edx, leaf0.ecx)
        let leaf1 = cpu_cpuid(1, 0)
        f.leaf1ECX = leaf1.ecx
        f.leaf1EDX = leaf1.edx
        let baseFamily = (leaf1.eax >> 8) & 0xF
        f.family = baseFamily == 0xF ? baseFamily + ((leaf1.eax >> 20) & 0xFF) : baseFamily
        f.model = (leaf1.eax >> 4) & 0xF
        if baseFamily == 0x6 || baseFamily == 0xF { f.model |= ((leaf1.eax >> 16) & 0xF) << 4 }
        f.stepping = leaf1.eax & 0xF
        if leaf0.eax >= 7 { f.leaf7EBX = cpu_cpuid(7, 0).ebx }
        f.maxExtendedLeaf = cpu_cpuid(0x8000_0000, 0).eax
        if f.maxExtendedLeaf >= 0x8000_0001 {
            let ext = cpu_cpuid(0x8000_0001, 0)
            f.extendedECX = ext.ecx
            f.extendedEDX = ext.edx
        }
        if f.maxExtendedLeaf >= 0x8000_0007 {
            f.invariantTSC = cpu_cpuid(0x8000_0007, 0).edx & (1 << 8) != 0
        }
        unsafe identifiedFeatures = f
    }
}
