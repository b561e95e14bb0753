// SPDX-License-Identifier: GPL-2.0-only
// The legacy 8259 PICs: remapped away from the exception vectors and fully masked (the IOAPIC is used), when
// the firmware says they exist.
import KernelCore
import KernelSupport

enum PIC {
    /// Masks the PICs if the MADT says the machine has them (PCAT_COMPAT; assumed without an MADT).
    static func disableIfPresent() {
        guard ACPI.madt?.hasPCATCompat ?? true else {
            log(.info, "pic: the MADT lists no 8259 PICs; left alone")
            return
        }
        disable()
    }

    /// Remaps both PICs to vectors 0x20–0x2F (so a spurious legacy IRQ cannot look like an exception),
    /// then masks every line.
    static func disable() {
        cpu_outb(0x20, 0x11); cpu_outb(0xA0, 0x11)     // ICW1: initialise, expect ICW4
        cpu_outb(0x21, 0x20); cpu_outb(0xA1, 0x28)     // ICW2: vector bases
        cpu_outb(0x21, 0x04); cpu_outb(0xA1, 0x02)     // ICW3: cascade on IRQ2
        cpu_outb(0x21, 0x01); cpu_outb(0xA1, 0x01)     // ICW4: 8086 mode
        cpu_outb(0x21, 0xFF); cpu_outb(0xA1, 0xFF)     // mask all
    }
}
