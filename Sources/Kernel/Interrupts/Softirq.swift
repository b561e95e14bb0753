// SPDX-License-Identifier: GPL-2.0-only
// LinuxKPI's softirq context: one "softirq" kernel thread per CPU, at high priority, runs the calls queued
// on that CPU (tasklets) in order, high-priority calls first. Linux runs softirqs on interrupt exit and
// falls back to ksoftirqd; Apus always uses the thread (as PREEMPT_RT does), so softirq work runs with
// interrupts on, may be preempted by interrupts, and never runs inside an interrupt handler.
import KernelSupport

enum Softirq {
    typealias Callback = @convention(c) (UnsafeMutableRawPointer?) -> Void

    @safe private struct Item {
        let callback: Callback
        let context: UnsafeMutableRawPointer?
    }
    private struct PerCPU {
        var high: [Item] = []
        var normal: [Item] = []
        var queue: WaitQueue?
    }
    nonisolated(unsafe) private static var cpus: [PerCPU] = []
    private static let lock = SpinLock()

    /// The one access path to `cpus`.
    private static func withCPUs<Result>(_ body: (inout [PerCPU]) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `cpus`, on every CPU.
        lock.withLock { unsafe body(&cpus) }
    }

    /// Starts one softirq thread per online CPU (after the application processors are up).
    static func startThreads() {
        let count = max(1, SMP.onlineCount)
        let queues = (0..<count).map { _ in WaitQueue() }
        withCPUs { cpus in cpus = queues.map { PerCPU(queue: $0) } }
        for cpu in 0..<count {
            let queue = queues[cpu]
            Scheduler.spawn(name: "softirq", priority: .high, cpu: cpu) {
                while true {
                    queue.wait { hasPending(cpu) }
                    runPending(cpu)
                }
            }
        }
    }

    private static func hasPending(_ cpu: Int) -> Bool {
        withCPUs { cpus in !cpus[cpu].high.isEmpty || !cpus[cpu].normal.isEmpty }
    }

    /// Queues `callback(context)` on this CPU's softirq thread; callable from interrupt handlers. False
    /// before the threads are started.
    static func raise(_ callback: Callback, context: UnsafeMutableRawPointer?, high: Bool) -> Bool {
        let queue = withInterruptsDisabled { () -> WaitQueue? in
            let cpu = SMP.currentIndex
            return withCPUs { cpus -> WaitQueue? in
                guard cpu < cpus.count else { return nil }
                // SAFETY: the context is opaque here; the tasklet code keeps it alive until it runs.
                let item = unsafe Item(callback: callback, context: context)
                if high { cpus[cpu].high.append(item) } else { cpus[cpu].normal.append(item) }
                return cpus[cpu].queue
            }
        }
        guard let queue else { return false }
        queue.wakeOne()
        return true
    }

    private static func runPending(_ cpu: Int) {
        while true {
            let next = withCPUs { cpus -> Item? in
                if !cpus[cpu].high.isEmpty { return cpus[cpu].high.removeFirst() }
                if !cpus[cpu].normal.isEmpty { return cpus[cpu].normal.removeFirst() }
                return nil
            }
            guard let item = next else { return }
            // SAFETY: callback and context come together from LinuxKPI's tasklet code.
            unsafe item.callback(item.context)
        }
    }
}
