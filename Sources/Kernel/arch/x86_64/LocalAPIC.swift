// SPDX-License-Identifier: GPL-2.0-only
// The local APIC of the boot CPU: x2APIC (MSRs) when the CPU has it, xAPIC (MMIO) otherwise; EOI and timer.
import KernelSupport

enum LocalAPIC {
    private enum Register: UInt32 {
        case id = 0x20, version = 0x30, taskPriority = 0x80, endOfInterrupt = 0xB0
        case spuriousVector = 0xF0, errorStatus = 0x280, interruptCommandLow = 0x300, interruptCommandHigh = 0x310
        case lvtTimer = 0x320, lvtLINT0 = 0x350, lvtLINT1 = 0x360, lvtError = 0x370
        case timerInitialCount = 0x380, timerCurrentCount = 0x390, timerDivide = 0x3E0
    }

    private static let msrAPICBase: UInt32 = 0x1B
    private static let msrX2APICBase: UInt32 = 0x800
    private static let lvtMasked: UInt32 = 1 << 16
    private static let timerPeriodic: UInt32 = 1 << 17

    private struct Configuration {
        var mmioBase: UInt64 = 0
        var x2APIC = false
        /// Timer ticks (divide-by-16) per millisecond, measured against the TSC.
        var timerTicksPerMillisecond: UInt64 = 0
    }
    /// Set while the boot CPU brings the APIC up (enable, calibration), read-only afterwards.
    nonisolated(unsafe) private static var configuration = Configuration()
    // SAFETY: configuration is only written during single-threaded boot (enable, finishCalibration).
    private static var current: Configuration { unsafe configuration }

    static var x2APIC: Bool { current.x2APIC }
    static var timerTicksPerMillisecond: UInt64 { current.timerTicksPerMillisecond }

    private static func read(_ register: Register) -> UInt32 {
        if x2APIC { return UInt32(truncatingIfNeeded: cpu_rdmsr(msrX2APICBase + register.rawValue >> 4)) }
        // SAFETY: mmioBase maps the 4 KiB xAPIC register page uncached (enable()).
        return unsafe mmio_read32(current.mmioBase + UInt64(register.rawValue))
    }

    private static func write(_ register: Register, _ value: UInt32) {
        // SAFETY: x2APIC MSRs exist once x2APIC mode is on; mmioBase maps the xAPIC page (enable()).
        if x2APIC { unsafe cpu_wrmsr(msrX2APICBase + register.rawValue >> 4, UInt64(value)) }
        else { unsafe mmio_write32(current.mmioBase + UInt64(register.rawValue), value) }
    }

    /// Chooses the mode (x2APIC if the CPU has it), maps the registers, and turns on the boot CPU's APIC.
    static func enable(physicalBase: UInt64, spuriousVector: UInt8) {
        var new = Configuration()
        if CPU.features.x2APIC {
            new.x2APIC = true
        } else {
            new.mmioBase = KernelMemory.mapMMIO(physical: physicalBase, length: 0x1000)
        }
        unsafe configuration = new
        enableOnThisCPU(spuriousVector: spuriousVector)
    }

    /// Turns this CPU's APIC on in the mode `enable` chose, with the given spurious vector; masks LINT0/1.
    static func enableOnThisCPU(spuriousVector: UInt8) {
        var base = cpu_rdmsr(msrAPICBase)
        base |= 1 << 11                                 // global enable
        if x2APIC { base |= 1 << 10 }
        // SAFETY: setting the enable bits of IA32_APIC_BASE keeps the APIC at its current address.
        unsafe cpu_wrmsr(msrAPICBase, base)
        write(.taskPriority, 0)
        write(.lvtLINT0, lvtMasked)
        write(.lvtLINT1, lvtMasked)
        write(.lvtError, lvtMasked)
        write(.spuriousVector, 0x100 | UInt32(spuriousVector))
        endOfInterrupt()
    }

    static var id: UInt32 { x2APIC ? read(.id) : read(.id) >> 24 }

    static func endOfInterrupt() { write(.endOfInterrupt, 0) }

    /// How an inter-processor interrupt is delivered (ICR bits 8–10).
    enum Delivery: UInt32 {
        case fixed = 0, initialize = 5, startup = 6
    }

    /// Sends an IPI to the CPU with APIC id `destination`, waiting (boundedly) until the APIC took it.
    /// Interrupts are off meanwhile: an interrupt handler sending its own IPI between the two xAPIC ICR
    /// writes would otherwise redirect this one.
    static func sendIPI(to destination: UInt32, vector: UInt8, delivery: Delivery) {
        withInterruptsDisabled { sendIPIWithInterruptsOff(to: destination, vector: vector, delivery: delivery) }
    }

    private static func sendIPIWithInterruptsOff(to destination: UInt32, vector: UInt8, delivery: Delivery) {
        let low = UInt32(vector) | delivery.rawValue << 8 | 1 << 14    // level: assert
        if x2APIC {
            // SAFETY: writing the x2APIC ICR sends an interrupt; it touches no memory.
            unsafe cpu_wrmsr(msrX2APICBase + 0x30, UInt64(destination) << 32 | UInt64(low))
            return
        }
        write(.interruptCommandHigh, destination << 24)
        write(.interruptCommandLow, low)
        var spins = 0
        while read(.interruptCommandLow) & (1 << 12) != 0 && spins < 1_000_000 {
            cpu_pause()
            spins += 1
        }
    }

    /// Starts the timer counting down from its maximum; `timerElapsed` reads how far it got.
    static func startCalibrationCount() {
        write(.timerDivide, 0x3)                        // divide by 16
        write(.lvtTimer, lvtMasked)
        write(.timerInitialCount, UInt32.max)
    }

    static func finishCalibration(milliseconds: UInt64) {
        let elapsed = UInt64(UInt32.max - read(.timerCurrentCount))
        write(.timerInitialCount, 0)
        unsafe configuration.timerTicksPerMillisecond = max(1, elapsed / milliseconds)
    }

    /// Fires `vector` every `milliseconds`.
    static func startPeriodicTimer(vector: UInt8, milliseconds: UInt64) {
        write(.timerDivide, 0x3)
        write(.lvtTimer, timerPeriodic | UInt32(vector))
        write(.timerInitialCount, UInt32(clamping: timerTicksPerMillisecond * milliseconds))
    }
}
