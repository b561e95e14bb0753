// SPDX-License-Identifier: GPL-2.0-only
// The page attribute table: entry 4 becomes write-combining, for the framebuffer.
import KernelSupport

/// The PAT MSR maps the PAT/PCD/PWT bits of a page-table entry to a memory type. At power-on entry 4 (PAT
/// bit set, PCD and PWT clear) is write-back like entry 0, and no mapping of ours sets the PAT bit, so
/// reprogramming entry 4 as write-combining changes no existing mapping (no cache flush is needed). Every
/// CPU must hold the same table: the boot CPU programs it in `configure()`, each application processor in
/// its entry code.
enum PAT {
    private static let msr: UInt32 = 0x277
    private static let writeCombining: UInt64 = 0x01
    private static let entry = 4

    /// Whether the CPU has a PAT (CPUID 1 EDX bit 16); without one, write-combining mappings are uncached.
    static var available: Bool { CPU.features.leaf1EDX & (1 << 16) != 0 }

    /// Programs entry 4 as write-combining on this CPU (nothing without a PAT).
    static func configure() {
        guard available else { return }
        let shift = UInt64(entry * 8)
        let value = (cpu_rdmsr(msr) & ~(0xFF << shift)) | (writeCombining << shift)
        // SAFETY: only entry 4 changes, which no present mapping selects (see above).
        unsafe cpu_wrmsr(msr, value)
    }
}
