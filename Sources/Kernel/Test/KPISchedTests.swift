// SPDX-License-Identifier: GPL-2.0-only
// The `kpisched` suite: the scheduler as LinuxKPI uses it. Linux-style sleeping on a task's state word
// (a wake-up before the sleep is not lost, a deadline ends it), preempt_count holding preemption off,
// the hardirq count inside interrupt handlers, jiffies-based sleeps against the TSC, and an RCU grace
// period waiting for a reader on another CPU. LinuxKPI's C is called as a module would call it.
import KernelCore
import KernelSupport
import Synchronization

@_extern(c, "msleep") private func msleep(_ milliseconds: UInt32)
@_extern(c, "schedule_timeout_uninterruptible") private func scheduleTimeoutUninterruptible(_ timeout: Int) -> Int
@_extern(c, "synchronize_rcu") private func synchronizeRCU()
@_extern(c, "__rcu_read_lock") private func rcuReadLock()
@_extern(c, "__rcu_read_unlock") private func rcuReadUnlock()

enum KPISchedTests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "kpisched", cases: [
            KernelTestCase(name: "wake_before_sleep_is_not_lost", run: wakeBeforeSleepIsNotLost),
            KernelTestCase(name: "sleep_ends_at_deadline_or_wake", run: sleepEndsAtDeadlineOrWake),
            KernelTestCase(name: "preempt_count_holds_preemption_off", run: preemptCountHoldsPreemptionOff),
            KernelTestCase(name: "hardirq_count_in_handlers", run: hardirqCountInHandlers),
            KernelTestCase(name: "msleep_and_schedule_timeout_keep_time", run: jiffySleepsKeepTime),
            KernelTestCase(name: "synchronize_rcu_waits_for_reader", run: synchronizeRCUWaitsForReader),
        ])
    }

    private static let taskRunning: UInt32 = 0
    private static let taskUninterruptible: UInt32 = 2

    /// A task state word as LinuxKPI keeps it in struct task_struct, and the thread it belongs to.
    private final class Sleeper: @unchecked Sendable {
        var state: UInt32 = 0
        /// The thread's handle for apus_sched_wake, as an address.
        var thread: UInt = 0
        let phase = Atomic<Int>(0)
        let returnedAt = Atomic<UInt64>(0)
    }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    private static func waitUntil(seconds: UInt64, _ condition: () -> Bool) -> Bool {
        let deadline = Clock.nanoseconds + seconds * 1_000_000_000
        while !condition() {
            if Clock.nanoseconds > deadline { return false }
            Scheduler.sleep(nanoseconds: 1_000_000)
        }
        return true
    }

    /// The thread sets its state, is woken before it calls schedule(), and schedule() returns at once.
    private static func wakeBeforeSleepIsNotLost(_ t: inout TestContext) {
        let sleeper = Sleeper()
        Scheduler.spawn(name: "ktest-kpi") {
            // SAFETY: `sleeper` outlives the thread (the test waits for phase 3); only this thread and the
            // scheduler (under its lock) touch `state`.
            sleeper.thread = unsafe UInt(bitPattern: apusSchedCurrentThread())
            unsafe withUnsafeMutablePointer(to: &sleeper.state) { unsafe $0.pointee = taskUninterruptible }
            sleeper.phase.store(1, ordering: .releasing)
            while sleeper.phase.load(ordering: .acquiring) < 2 { cpu_pause() }
            unsafe withUnsafeMutablePointer(to: &sleeper.state) { unsafe apusSchedBlock($0, 0) }
            sleeper.phase.store(3, ordering: .releasing)
        }
        t.expect(waitUntil(seconds: 2) { sleeper.phase.load(ordering: .acquiring) == 1 }, "the thread did not start")
        let woke = unsafe withUnsafeMutablePointer(to: &sleeper.state) {
            unsafe apusSchedWake(UnsafeMutableRawPointer(bitPattern: sleeper.thread), $0, taskUninterruptible)
        }
        t.expect(woke, "try_to_wake_up found no sleeping state to wake")
        sleeper.phase.store(2, ordering: .releasing)
        t.expect(waitUntil(seconds: 2) { sleeper.phase.load(ordering: .acquiring) == 3 },
                 "schedule() blocked although the wake-up came first (lost wake-up)")
    }

    /// schedule() with a deadline returns by itself; without one it returns when woken, not before.
    private static func sleepEndsAtDeadlineOrWake(_ t: inout TestContext) {
        let timed = Sleeper()
        let start = Clock.nanoseconds
        Scheduler.spawn(name: "ktest-kpi") {
            // SAFETY: see wakeBeforeSleepIsNotLost.
            unsafe withUnsafeMutablePointer(to: &timed.state) { state in
                unsafe state.pointee = taskUninterruptible
                unsafe apusSchedBlock(state, Clock.nanoseconds + 30_000_000)
            }
            timed.returnedAt.store(Clock.nanoseconds, ordering: .releasing)
        }
        t.expect(waitUntil(seconds: 2) { timed.returnedAt.load(ordering: .acquiring) != 0 }, "a deadline did not end the sleep")
        t.expect(timed.state == taskRunning, "the task state is not TASK_RUNNING after the sleep ended at its deadline")
        let slept = timed.returnedAt.load(ordering: .acquiring) &- start
        t.expect(slept >= 30_000_000 && slept < 100_000_000) { out in
            out.write("sleep with a 30 ms deadline took ")
            out.writeDecimal(slept / 1000)
            out.write(" us")
        }

        let woken = Sleeper()
        Scheduler.spawn(name: "ktest-kpi") {
            // SAFETY: see wakeBeforeSleepIsNotLost.
            woken.thread = unsafe UInt(bitPattern: apusSchedCurrentThread())
            unsafe withUnsafeMutablePointer(to: &woken.state) { state in
                unsafe state.pointee = taskUninterruptible
                woken.phase.store(1, ordering: .releasing)
                unsafe apusSchedBlock(state, 0)
            }
            woken.phase.store(2, ordering: .releasing)
        }
        _ = waitUntil(seconds: 2) { woken.phase.load(ordering: .acquiring) == 1 }
        Scheduler.sleep(nanoseconds: 50_000_000)
        t.expect(woken.phase.load(ordering: .acquiring) == 1, "schedule() returned without a wake-up")
        _ = unsafe withUnsafeMutablePointer(to: &woken.state) {
            unsafe apusSchedWake(UnsafeMutableRawPointer(bitPattern: woken.thread), $0, taskUninterruptible)
        }
        t.expect(waitUntil(seconds: 2) { woken.phase.load(ordering: .acquiring) == 2 }, "the wake-up did not end the sleep")
    }

    /// A busy thread inside an RCU read section (preempt_count 1) keeps its CPU for 60 ms, then yields.
    private static func preemptCountHoldsPreemptionOff(_ t: inout TestContext) {
        let cpu = SMP.onlineCount - 1
        let other = Counter()
        let seen = Counter()
        let stop = Counter()
        let finished = Counter()
        let inSection = Counter()
        Scheduler.spawn(name: "ktest-kpi", cpu: cpu) {
            rcuReadLock()
            inSection.value.store(1, ordering: .releasing)
            let before = other.value.load(ordering: .acquiring)
            Clock.delay(nanoseconds: 60_000_000)       // several time slices
            seen.value.store(other.value.load(ordering: .acquiring) - before, ordering: .releasing)
            rcuReadUnlock()
            finished.value.store(1, ordering: .releasing)
        }
        Scheduler.spawn(name: "ktest-kpi", cpu: cpu) {
            while stop.value.load(ordering: .acquiring) == 0 {
                other.value.add(1, ordering: .relaxed)
                cpu_pause()
            }
        }
        t.expect(waitUntil(seconds: 5) { finished.value.load(ordering: .acquiring) == 1 }, "the reader did not finish")
        let ranMeanwhile = seen.value.load(ordering: .acquiring)
        t.expect(ranMeanwhile == 0) { out in
            out.write("another thread ran ")
            out.writeDecimal(ranMeanwhile)
            out.write(" iterations on the CPU while preempt_count was 1")
        }
        let after = other.value.load(ordering: .acquiring)
        t.expect(waitUntil(seconds: 2) { other.value.load(ordering: .acquiring) > after },
                 "the other thread did not run after the section")
        stop.value.store(1, ordering: .releasing)
        t.expect(inSection.value.load(ordering: .acquiring) == 1, "the section never started")
    }

    /// Interrupt handlers run with HARDIRQ_OFFSET added (in_irq() in LinuxKPI); thread code with 0.
    private static func hardirqCountInHandlers(_ t: inout TestContext) {
        t.expect(cpu_preempt_count() == 0, "a test thread runs with a non-zero preempt_count")
        guard SMP.onlineCount > 1 else {
            t.skip("needs a second CPU for the IPI")
            return
        }
        let counts = SMP.collectFromEveryCPU { cpu_preempt_count() }
        let here = SMP.currentIndex
        for (cpu, count) in counts.enumerated() where cpu != here && cpu < SMP.onlineCount {
            t.expect(count == UInt32(Interrupts.hardirqOffset)) { out in
                out.write("CPU ")
                out.writeDecimal(cpu)
                out.write(" ran an IPI handler with preempt_count ")
                out.writeHex(count ?? 0)
            }
        }
    }

    /// msleep(50) and schedule_timeout(5 ticks) sleep at least their time and at most a few ticks more.
    private static func jiffySleepsKeepTime(_ t: inout TestContext) {
        let tick = 1_000_000_000 / Clock.hz
        var start = Clock.nanoseconds
        msleep(50)
        var slept = Clock.nanoseconds - start
        t.expect(slept >= 50_000_000 && slept <= 50_000_000 + 4 * tick) { out in
            out.write("msleep(50) took ")
            out.writeDecimal(slept / 1000)
            out.write(" us")
        }
        start = Clock.nanoseconds
        let left = scheduleTimeoutUninterruptible(5)
        slept = Clock.nanoseconds - start
        t.expect(left == 0 && slept >= 5 * tick && slept <= 9 * tick) { out in
            out.write("schedule_timeout(5) returned ")
            out.writeDecimal(left)
            out.write(" after ")
            out.writeDecimal(slept / 1000)
            out.write(" us")
        }
    }

    /// A reader on another CPU holds the grace period: synchronize_rcu() returns only after it left.
    private static func synchronizeRCUWaitsForReader(_ t: inout TestContext) {
        guard SMP.onlineCount > 1 else {
            // One CPU: the caller is the only possible reader; the call must still return.
            synchronizeRCU()
            t.skip("needs a second CPU for a concurrent reader")
            return
        }
        let state = Counter()
        let here = SMP.currentIndex
        Scheduler.spawn(name: "ktest-kpi", cpu: here == 0 ? 1 : 0) {
            rcuReadLock()
            state.value.store(1, ordering: .releasing)
            Clock.delay(nanoseconds: 80_000_000)
            state.value.store(2, ordering: .releasing)
            rcuReadUnlock()
        }
        t.expect(waitUntil(seconds: 2) { state.value.load(ordering: .acquiring) == 1 }, "the reader did not start")
        let start = Clock.nanoseconds
        synchronizeRCU()
        let took = Clock.nanoseconds - start
        t.expect(state.value.load(ordering: .acquiring) == 2, "synchronize_rcu returned while the reader was inside")
        t.note { out in
            out.write("grace period with an 80 ms reader: ")
            out.writeDecimal(took / 1_000_000)
            out.write(" ms")
        }
        let idleStart = Clock.nanoseconds
        synchronizeRCU()
        let idle = Clock.nanoseconds - idleStart
        t.expect(idle < 200_000_000) { out in
            out.write("a grace period without readers took ")
            out.writeDecimal(idle / 1_000_000)
            out.write(" ms")
        }
    }
}
