// SPDX-License-Identifier: GPL-2.0-only
// An interrupt-safe spinlock, correct on SMP: interrupts off on this CPU, then a test-and-test-and-set loop.
import KernelSupport
import Synchronization

/// Guards a subsystem's state. Declare one as a `static let` beside the state it protects and reach the
/// state only inside `withLock`; the lock order is written where two locks nest.
struct SpinLock: ~Copyable {
    private let word = Atomic<UInt32>(0)

    init() {}

    /// Runs `body` with interrupts disabled on this CPU and the lock held; restores the interrupt state.
    func withLock<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        try withInterruptsDisabled { () throws(Failure) -> Result in
            while true {
                if word.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged { break }
                while word.load(ordering: .relaxed) != 0 { cpu_pause() }
            }
            defer { word.store(0, ordering: .releasing) }
            return try body()
        }
    }

    /// Releases a lock this thread did not take: a new thread's first act, since the thread that switched
    /// to it held the scheduler's lock across the switch.
    func releaseAfterSwitch() { word.store(0, ordering: .releasing) }
}
