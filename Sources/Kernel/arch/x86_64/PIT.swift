// SPDX-License-Identifier: GPL-2.0-only
// The 8254 PIT, used only as a reference clock: channel 2 counts down a known interval for calibration. Not
// assumed to exist: many laptops and hardware-reduced platforms have none (or one whose clock is gated).
import KernelSupport

enum PIT {
    static let frequency: UInt64 = 1_193_182

    /// Busy-waits for `microseconds` (at most ~54 ms) measured by PIT channel 2, calling nothing else.
    /// Returns false without a working PIT: when its output is already high right after the count started
    /// (an absent port reads 0xFF), or when the counter never runs out.
    static func waitOnChannel2(microseconds: UInt64) -> Bool {
        let ticks = UInt16(clamping: frequency * microseconds / 1_000_000)
        let gate = cpu_inb(0x61)
        cpu_outb(0x61, (gate & 0xFD) | 0x01)          // gate on, speaker off
        cpu_outb(0x43, 0xB0)                           // channel 2, lobyte/hibyte, mode 0
        cpu_outb(0x42, UInt8(truncatingIfNeeded: ticks))
        cpu_outb(0x42, UInt8(truncatingIfNeeded: ticks >> 8))
        // Restart the count: toggle the gate.
        let started = cpu_inb(0x61) & 0xFE
        cpu_outb(0x61, started)
        cpu_outb(0x61, started | 0x01)
        if cpu_inb(0x61) & 0x20 != 0 { return false }   // mode 0 holds OUT low until the count ends
        var spins: UInt64 = 0
        while cpu_inb(0x61) & 0x20 == 0 {
            spins += 1
            if spins > 50_000_000 { return false }
        }
        return true
    }
}
