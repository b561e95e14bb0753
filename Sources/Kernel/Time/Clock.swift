// SPDX-License-Identifier: GPL-2.0-only
// Monotonic time since boot in nanoseconds, from the TSC calibrated against the PIT; and the tick count.
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

    /// Marks time zero and measures the TSC against a PIT interval; false if there is no PIT (then
    /// `nanoseconds` stays 0).
    static func start() -> Bool {
        unsafe calibration.bootTSC = cpu_rdtsc()
        let before = cpu_rdtsc()
        guard PIT.waitOnChannel2(microseconds: calibrationWindow * 1000) else { return false }
        let frequency = (cpu_rdtsc() - before) * (1000 / calibrationWindow)
        unsafe calibration.tscFrequency = frequency
        unsafe calibration.nanosecondsPerTick = (1_000_000_000 << 32) / max(1, frequency)
        return true
    }

    /// Measures the LAPIC timer against the same PIT interval.
    static func calibrateLocalAPICTimer() -> Bool {
        LocalAPIC.startCalibrationCount()
        guard PIT.waitOnChannel2(microseconds: calibrationWindow * 1000) else { return false }
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
