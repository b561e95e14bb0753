// SPDX-License-Identifier: GPL-2.0-only
// The `sched` suite: threads run and exit, a mutex excludes across CPUs, wake-ups are FIFO, sleep keeps
// time against the TSC, and CPU-bound threads on one CPU are preempted.
import KernelCore
import Synchronization

enum SchedulerTests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "sched", cases: [
            KernelTestCase(name: "threads_run_and_exit", run: threadsRunAndExit),
            KernelTestCase(name: "mutex_excludes_across_cpus", run: mutexExcludes),
            KernelTestCase(name: "wakeups_are_fifo", run: wakeupsAreFIFO),
            KernelTestCase(name: "sleep_keeps_time_against_tsc", run: sleepKeepsTime),
            KernelTestCase(name: "busy_threads_are_preempted", run: busyThreadsArePreempted),
            KernelTestCase(name: "timer_fires_on_time_against_tsc", run: timerFiresOnTime),
            KernelTestCase(name: "cancelled_timer_never_fires", run: cancelledTimerNeverFires),
        ])
    }

    /// Shared mutable test data, deliberately without atomics where a test checks a lock.
    private final class Box: @unchecked Sendable {
        var value = 0
        var order: [Int] = []
    }

    private final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Waits until `condition` holds or `seconds` pass; true if it held.
    private static func waitUntil(seconds: UInt64, _ condition: () -> Bool) -> Bool {
        let deadline = Clock.nanoseconds + seconds * 1_000_000_000
        while !condition() {
            if Clock.nanoseconds > deadline { return false }
            Scheduler.sleep(nanoseconds: 1_000_000)
        }
        return true
    }

    private static func threadsRunAndExit(_ t: inout TestContext) {
        let before = Scheduler.threads.count
        let finished = Counter()
        let count = 8
        for _ in 0..<count {
            Scheduler.spawn(name: "ktest") { finished.value.add(1, ordering: .relaxed) }
        }
        t.expect(waitUntil(seconds: 5) { finished.value.load(ordering: .relaxed) == count },
                 "not every spawned thread ran")
        t.expect(waitUntil(seconds: 1) { Scheduler.threads.count == before }, "exited threads are still listed")
    }

    private static func mutexExcludes(_ t: inout TestContext) {
        let mutex = Mutex()
        let shared = Box()
        let done = Counter()
        let cpus = max(1, SMP.onlineCount)
        let iterations = 2000
        for cpu in 0..<cpus {
            Scheduler.spawn(name: "ktest-mutex", cpu: cpu) {
                for index in 0..<iterations {
                    mutex.withLock {
                        let seen = shared.value
                        if index % 64 == 0 { Scheduler.yield() }   // hold the lock across a switch sometimes
                        shared.value = seen + 1
                    }
                }
                done.value.add(1, ordering: .relaxed)
            }
        }
        t.expect(waitUntil(seconds: 20) { done.value.load(ordering: .relaxed) == cpus }, "mutex workers did not finish")
        t.expect(mutex.withLock { shared.value } == cpus * iterations) { out in
            out.write("lost updates: counted ")
            out.writeDecimal(shared.value)
            out.write(" of ")
            out.writeDecimal(cpus * iterations)
        }
        t.note { out in
            out.writeDecimal(cpus)
            out.write(" CPUs contended")
        }
    }

    private static func wakeupsAreFIFO(_ t: inout TestContext) {
        let queue = WaitQueue()
        let box = Box()
        let released = Counter()
        let blocked = Counter()
        for id in 0..<3 {
            Scheduler.spawn(name: "ktest-fifo", cpu: 0) {
                blocked.value.add(1, ordering: .relaxed)
                queue.wait { released.value.load(ordering: .relaxed) > id }
                box.order.append(id)
            }
            // Let each waiter block before the next one starts, so the queue order is 0, 1, 2.
            _ = waitUntil(seconds: 2) { blocked.value.load(ordering: .relaxed) > id }
            Scheduler.sleep(nanoseconds: 20_000_000)
        }
        for step in 1...3 {
            released.value.store(step, ordering: .relaxed)
            queue.wakeAll()
            _ = waitUntil(seconds: 2) { box.order.count >= step }
        }
        t.expect(box.order == [0, 1, 2], "waiters did not wake in the order they waited")
    }

    private static func sleepKeepsTime(_ t: inout TestContext) {
        let requested: UInt64 = 50_000_000
        let start = Clock.nanoseconds
        Scheduler.sleep(nanoseconds: requested)
        let slept = Clock.nanoseconds - start
        let slack = UInt64(4) * 1_000_000_000 / Clock.hz     // a few timer ticks of resolution and TCG jitter
        t.expect(slept >= requested && slept <= requested + slack) { out in
            out.write("sleep(50 ms) took ")
            out.writeDecimal(slept / 1000)
            out.write(" us by the TSC")
        }
    }

    private static func timerFiresOnTime(_ t: inout TestContext) {
        let timer = KernelTimer()
        let firedAt = Counter()
        let start = Clock.nanoseconds
        timer.arm(after: 30_000_000) { firedAt.value.store(Int(Clock.nanoseconds), ordering: .releasing) }
        t.expect(timer.isPending, "an armed timer is not pending")
        t.expect(waitUntil(seconds: 2) { firedAt.value.load(ordering: .acquiring) != 0 }, "the timer never fired")
        let delay = UInt64(firedAt.value.load(ordering: .acquiring)) - start
        let slack = UInt64(4) * 1_000_000_000 / Clock.hz
        t.expect(delay >= 30_000_000 && delay <= 30_000_000 + slack) { out in
            out.write("a 30 ms timer fired after ")
            out.writeDecimal(delay / 1000)
            out.write(" us by the TSC")
        }
        t.expect(timer.fired == 1 && !timer.isPending, "the timer did not fire exactly once")
    }

    private static func cancelledTimerNeverFires(_ t: inout TestContext) {
        let timer = KernelTimer()
        let ran = Counter()
        timer.arm(after: 20_000_000) { ran.value.add(1, ordering: .relaxed) }
        t.expect(timer.cancel(), "cancelling a pending timer reported it was not pending")
        Scheduler.sleep(nanoseconds: 60_000_000)
        t.expect(ran.value.load(ordering: .relaxed) == 0 && timer.fired == 0, "a cancelled timer fired")
        t.expect(!timer.cancel(), "cancelling twice reported a pending timer")
    }

    private static func busyThreadsArePreempted(_ t: inout TestContext) {
        let stop = Counter()
        let first = Counter()
        let second = Counter()
        let exited = Counter()
        let cpu = SMP.onlineCount > 1 ? 1 : 0
        for counter in [first, second] {
            Scheduler.spawn(name: "ktest-busy", cpu: cpu) {
                // Never yields, never blocks: only the timer can take the CPU away.
                while stop.value.load(ordering: .relaxed) == 0 { counter.value.add(1, ordering: .relaxed) }
                exited.value.add(1, ordering: .relaxed)
            }
        }
        Scheduler.sleep(nanoseconds: 300_000_000)
        let counts = (first.value.load(ordering: .relaxed), second.value.load(ordering: .relaxed))
        stop.value.store(1, ordering: .relaxed)
        t.expect(counts.0 > 0 && counts.1 > 0, "a CPU-bound thread kept the CPU: no preemption")
        t.expect(waitUntil(seconds: 5) { exited.value.load(ordering: .relaxed) == 2 }, "busy threads did not stop")
    }
}
