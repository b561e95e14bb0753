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
    /// A name given at run time (a LinuxKPI kthread's comm); shown instead of `name` when set.
    let label: [UInt8]?
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
    /// The address of LinuxKPI's `struct task_struct` of this thread (0: none yet), owned by LinuxKPI; set
    /// once, by this thread or before it starts, and read only by this thread.
    var linuxTask: UInt = 0

    init(id: Int, name: StaticString, label: [UInt8]? = nil, priority: Priority, cpu: Int, entry: (() -> Void)?) {
        self.id = id
        self.name = name
        self.label = label
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
