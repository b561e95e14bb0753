// SPDX-License-Identifier: GPL-2.0-only
// One-shot timers with nanosecond deadlines (the base for Linux's timer_list): due timers run from the
// timer interrupt of the CPU that notices them, with interrupts off, so their work must be short — they
// typically wake a thread or queue deferred work. Resolution is one tick (1 / Clock.hz).
import Synchronization

final class KernelTimer: Sendable {
    private let armed = Atomic<Bool>(false)
    private let firedCount = Atomic<Int>(0)

    init() {}

    /// Whether the timer waits to fire.
    var isPending: Bool { armed.load(ordering: .acquiring) }
    /// How many times it fired.
    var fired: Int { firedCount.load(ordering: .acquiring) }

    /// Fires `action` once, at the first timer tick at or after `nanoseconds` from now; re-arming a
    /// pending timer moves its deadline.
    func arm(after nanoseconds: UInt64, _ action: @escaping @Sendable () -> Void) {
        armed.store(true, ordering: .releasing)
        KernelTimers.insert(self, deadline: Clock.nanoseconds + nanoseconds, action: action)
    }

    /// Stops a pending timer; returns whether it was pending (false: it already fired or was never armed).
    /// When this returns, its action is not running anywhere and will not run.
    @discardableResult
    func cancel() -> Bool {
        KernelTimers.remove(self)
    }

    fileprivate func markFired() -> Bool {
        guard armed.exchange(false, ordering: .acquiringAndReleasing) else { return false }
        firedCount.add(1, ordering: .relaxed)
        return true
    }

    fileprivate func disarm() -> Bool { armed.exchange(false, ordering: .acquiringAndReleasing) }
}

/// The pending timers, sorted by deadline, under one lock. Expired ones are taken out under the lock and
/// run after it is released; `cancel` waits for a running action to finish.
enum KernelTimers {
    private struct Entry {
        let timer: KernelTimer
        let deadline: UInt64
        let action: @Sendable () -> Void
    }
    private struct State {
        var pending: [Entry] = []
        /// Timers whose action runs now: every CPU runs the timers it finds due, so several may run at once.
        var running: [KernelTimer] = []
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    fileprivate static func insert(_ timer: KernelTimer, deadline: UInt64, action: @escaping @Sendable () -> Void) {
        withState { state in
            state.pending.removeAll { $0.timer === timer }
            let index = state.pending.firstIndex { $0.deadline > deadline } ?? state.pending.count
            state.pending.insert(Entry(timer: timer, deadline: deadline, action: action), at: index)
        }
    }

    fileprivate static func remove(_ timer: KernelTimer) -> Bool {
        let wasPending = withState { state -> Bool in
            let before = state.pending.count
            state.pending.removeAll { $0.timer === timer }
            return state.pending.count != before
        }
        // Like del_timer_sync: wait until its action is not running on another CPU.
        while withState({ $0.running.contains { $0 === timer } }) { Scheduler.yield() }
        return timer.disarm() && wasPending
    }

    /// Runs every timer due by now (from the timer interrupt).
    static func runExpired() {
        let now = Clock.nanoseconds
        while true {
            let due = withState { state -> Entry? in
                guard let first = state.pending.first, first.deadline <= now else { return nil }
                state.pending.removeFirst()
                state.running.append(first.timer)
                return first
            }
            guard let due else { return }
            if due.timer.markFired() { due.action() }
            withState { state in
                if let index = state.running.firstIndex(where: { $0 === due.timer }) { state.running.remove(at: index) }
            }
        }
    }
}
