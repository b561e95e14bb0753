// SPDX-License-Identifier: GPL-2.0-only
// A kernel thread: its own guard-paged stack, a priority, the CPU it runs on, and what it is doing.
import KernelCore

final class Thread {
    enum State: UInt8 {
        case runnable, running, blocked, sleeping, dead
    }

    /// Scheduling priorities, most urgent first; equal priorities share the CPU round-robin.
    enum Priority: Int {
        case high = 0, normal = 1, low = 2, idle = 3
        static let count = 4
    }

    let id: Int
    let name: StaticString
    let priority: Priority
    /// Threads never migrate: a thread runs only on this CPU (its run queue is that CPU's).
    let cpu: Int
    fileprivate(set) var entry: (() -> Void)?

    // Owned by the scheduler, changed only under its lock.
    var state: State = .runnable
    /// The saved stack pointer while not running.
    var savedStackPointer: UInt64 = 0
    /// When a sleeping thread is due.
    var wakeDeadline: UInt64 = 0
    /// Nanoseconds spent running, and since when it runs.
    var cpuTime: UInt64 = 0
    var runningSince: UInt64 = 0

    init(id: Int, name: StaticString, priority: Priority, cpu: Int, entry: (() -> Void)?) {
        self.id = id
        self.name = name
        self.priority = priority
        self.cpu = cpu
        self.entry = entry
    }

    /// Hands the entry closure over exactly once (the new thread runs it).
    func takeEntry() -> (() -> Void)? {
        defer { entry = nil }
        return entry
    }
}
