// SPDX-License-Identifier: GPL-2.0-only
// A sleeping mutex: contenders block on a wait queue instead of spinning (for thread context only).
import Synchronization

final class Mutex: Sendable {
    private let locked = Atomic<Bool>(false)
    private let waiters = WaitQueue()

    init() {}

    func lock() {
        waiters.wait { locked.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged }
    }

    func unlock() {
        locked.store(false, ordering: .releasing)
        waiters.wakeOne()
    }

    func withLock<Result>(_ body: () -> Result) -> Result {
        lock()
        defer { unlock() }
        return body()
    }
}
