// SPDX-License-Identifier: GPL-2.0-only
// Time as LinuxKPI sees it (bridge section "time and timers"): the monotonic clock, busy waits, and the
// tick that drives jiffies, timer_list and RCU's quiescent states.
import KernelSupport

/// LinuxKPI's C, called from every CPU's timer interrupt (interrupts off, hardirq count held).
@_extern(c, "lkpi_timer_tick")
private func lkpi_timer_tick(_ bootCPU: Bool, _ quiescent: Bool)

enum KPITime {
    /// From the timer interrupt of each CPU: the boot CPU advances jiffies and runs due timer_lists; every
    /// CPU reports whether the code it interrupted was outside any preempt-disabled (RCU read) section.
    static func tick() {
        let quiescent = cpu_preempt_count() == UInt32(Interrupts.hardirqOffset)
        lkpi_timer_tick(SMP.currentIndex == 0, quiescent)
    }
}

@_cdecl("apus_time_ns")
func apusTimeNanoseconds() -> UInt64 { Clock.nanoseconds }

@_cdecl("apus_time_delay_ns")
func apusTimeDelay(_ nanoseconds: UInt64) { Clock.delay(nanoseconds: nanoseconds) }
