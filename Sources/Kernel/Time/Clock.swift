// SPDX-License-Identifier: GPL-2.0-only
// Monotonic time since boot in nanoseconds, from the TSC calibrated against the PIT or, without one, the ACPI
// PM timer; and the tick count.
import KernelCore
import KernelSupport
import Synchronization

enum Clock {
    /// Timer interrupts per second (Linux's HZ).
    static let hz: UInt64 = 100

    private struct Calibration {
        var bootTSC: UInt64 = 0
        /// Nanoseconds per TSC tick as a 32.32 fixed-point number.
        var nanosecondsPerTick: UInt64 = 0
        var tscFrequency: UInt64 = 0
    }
    /// Written during single-threaded boot (start, calibrate), read-only afterwards.
    nonisolated(unsafe) private static var calibration = Calibration()
    // SAFETY: see `calibration`.
    private static var current: Calibration { unsafe calibration }
    /// Timer interrupts of the boot CPU since its timer started.
    private static let tickCount = Atomic<UInt64>(0)

    static var tscFrequency: UInt64 { current.tscFrequency }
    static var ticks: UInt64 { tickCount.load(ordering: .relaxed) }

    private static let calibrationWindow: UInt64 = 20   // milliseconds

    /// Whether the TSC rate is known (until then `nanoseconds` is 0).
    static var isCalibrated: Bool { current.tscFrequency != 0 }

    /// Marks time zero and measures the TSC against a PIT interval; false if there is no working PIT (then
    /// `nanoseconds` stays 0 until `calibrateWithoutPIT`).
    static func start() -> Bool {
        unsafe calibration.bootTSC = cpu_rdtsc()
        let before = cpu_rdtsc()
        guard PIT.waitOnChannel2(microseconds: calibrationWindow * 1000) else { return false }
        setTSCFrequency((cpu_rdtsc() - before) * (1000 / calibrationWindow))
        return true
    }

    private static func setTSCFrequency(_ frequency: UInt64) {
        unsafe calibration.tscFrequency = frequency
        unsafe calibration.nanosecondsPerTick = (1_000_000_000 << 32) / max(1, frequency)
    }

    /// The ACPI PM timer's rate (ACPI 6.5 section 4.8.3.3).
    private static let pmTimerFrequency: UInt64 = 3_579_545

    /// Measures the TSC against the ACPI PM timer the FADT describes (an I/O port on every PC with one); false
    /// without one, or if it does not count. For machines without a PIT; needs the ACPI tables.
    static func calibrateWithoutPIT() -> Bool {
        guard let fadt = ACPI.fadt, !fadt.isHardwareReduced, let timer = fadt.pmTimerBlock,
              timer.addressSpace == .systemIO else { return false }
        let mask: UInt32 = fadt.pmTimerIs32Bit ? 0xFFFF_FFFF : 0x00FF_FFFF
        let wanted = UInt32(pmTimerFrequency * calibrationWindow / 1000)
        guard let first = timer.read() else { return false }
        let before = cpu_rdtsc()
        var elapsed: UInt32 = 0
        var spins: UInt64 = 0
        while elapsed < wanted {
            guard let now = timer.read() else { return false }
            elapsed = (now &- first) & mask
            spins += 1
            if spins > 50_000_000 { return false }          // a timer that does not count
        }
        let ticks = cpu_rdtsc() - before
        setTSCFrequency(ticks * pmTimerFrequency / UInt64(elapsed))
        return true
    }

    /// Measures the LAPIC timer against the calibrated TSC; false if the TSC rate is unknown.
    static func calibrateLocalAPICTimer() -> Bool {
        guard isCalibrated else { return false }
        LocalAPIC.startCalibrationCount()
        delay(nanoseconds: calibrationWindow * 1_000_000)
        LocalAPIC.finishCalibration(milliseconds: calibrationWindow)
        return true
    }

    /// Nanoseconds since `start()`.
    static var nanoseconds: UInt64 {
        let c = current
        let delta = cpu_rdtsc() &- c.bootTSC
        let product = delta.multipliedFullWidth(by: c.nanosecondsPerTick)
        return product.high << 32 | product.low >> 32
    }

    /// Called by the boot CPU's timer interrupt handler.
    static func tick() { tickCount.wrappingAdd(1, ordering: .relaxed) }

    /// Spins for at least `nanoseconds`.
    static func delay(nanoseconds duration: UInt64) {
        let end = nanoseconds + duration
        while nanoseconds < end { cpu_pause() }
    }
}
