// SPDX-License-Identifier: GPL-2.0-only
// The preemptive scheduler: per-CPU run queues by priority, round-robin time slices driven by each CPU's
// APIC timer, blocking and waking, sleeping until a deadline. One lock guards all of it; threads are
// pinned to a CPU, so a thread being switched out can never be picked up by another CPU meanwhile.
import KernelCore
import KernelSupport

enum Scheduler {
    /// Timer ticks a thread may run before others of its priority get a turn.
    static let timeSliceTicks = 2

    private struct RunQueue {
        var queues: [[Thread]] = Array(repeating: [], count: Thread.Priority.count)
        var current: Thread?
        var idle: Thread?
        var ticksLeft = Scheduler.timeSliceTicks

        mutating func take() -> Thread? {
            for priority in queues.indices where !queues[priority].isEmpty {
                return queues[priority].removeFirst()
            }
            return nil
        }

        var hasRunnable: Bool { queues.contains { !$0.isEmpty } }
    }

    private struct State {
        var cpus: [RunQueue] = []
        var threads: [Thread] = []
        var sleepers: [Thread] = []
        var nextID = 0
        var nextCPU = 0
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// Makes the code running now on the boot CPU its first thread ("main") and prepares a run queue
    /// for every CPU. Call once, before the application processors start.
    static func initialize(cpuCount: Int) {
        withState { state in
            state.cpus = Array(repeating: RunQueue(), count: max(1, cpuCount))
            let main = Thread(id: 0, name: "main", priority: .normal, cpu: 0, entry: nil)
            main.state = .running
            main.runningSince = Clock.nanoseconds
            state.threads.append(main)
            state.cpus[0].current = main
            state.nextID = 1
        }
        startIdleThread(cpu: 0)
    }

    /// On an application processor: turns its start-up context into its idle thread and idles.
    static func runIdleOnThisCPU() -> Never {
        let cpu = SMP.currentIndex
        withState { state in
            let thread = Thread(id: state.nextID, name: "idle", priority: .idle, cpu: cpu, entry: nil)
            state.nextID += 1
            thread.state = .running
            thread.runningSince = Clock.nanoseconds
            state.threads.append(thread)
            state.cpus[cpu].current = thread
            state.cpus[cpu].idle = thread
        }
        idleLoop()
    }

    private static func startIdleThread(cpu: Int) {
        guard let thread = spawn(name: "idle", priority: .idle, cpu: cpu, { idleLoop() }) else {
            panic("no memory for the idle thread")
        }
        withState { state in
            state.cpus[cpu].idle = thread
            state.cpus[cpu].queues[Thread.Priority.idle.rawValue].removeAll { $0 === thread }
        }
    }

    private static func idleLoop() -> Never {
        while true {
            yield()
            cpu_sti_hlt()                               // the next interrupt (the timer at the latest) wakes us
        }
    }

    /// Starts a thread running `body` on `cpu` (or the next CPU round-robin); nil without memory.
    /// `label` names it at run time (a LinuxKPI kthread); `linuxTask` is its LinuxKPI task, if it has one.
    @discardableResult
    static func spawn(name: StaticString, label: [UInt8]? = nil, linuxTask: UInt = 0,
                      priority: Thread.Priority = .normal, cpu: Int? = nil,
                      _ body: @escaping () -> Void) -> Thread? {
        guard let stackTop = KernelStacks.allocate() else { return nil }
        let online = max(1, SMP.onlineCount)
        return withState { state -> Thread in
            let target: Int
            if let cpu, cpu < online {
                target = cpu
            } else {
                target = state.nextCPU % online
                state.nextCPU += 1
            }
            let thread = Thread(id: state.nextID, name: name, label: label, priority: priority, cpu: target, entry: body)
            state.nextID += 1
            thread.linuxTask = linuxTask
            thread.savedStackPointer = prepareStack(top: stackTop)
            state.threads.append(thread)
            state.cpus[target].queues[priority.rawValue].append(thread)
            return thread
        }
    }

    /// Lays out a new stack so that the first switch to it "returns" into thread_start.
    private static func prepareStack(top: UInt64) -> UInt64 {
        let frame = top - 64
        // SAFETY: [top - 64, top) lies in the freshly mapped stack that only this new thread will use.
        let words = unsafe UnsafeMutablePointer<UInt64>(bitPattern: UInt(frame))!
        for index in 0..<6 { unsafe words[index] = 0 }  // r15, r14, r13, r12, rbx, rbp
        unsafe words[6] = thread_start_address()        // the return address of cpu_context_switch
        unsafe words[7] = 0
        return frame
    }

    /// The thread running on this CPU.
    static var current: Thread? { withState { $0.cpus[SMP.currentIndex].current } }

    /// Lets other runnable threads of this CPU run first.
    static func yield() {
        withState { state in switchAway(&state, requeue: true) }
    }

    /// Called from every CPU's timer interrupt: wakes due sleepers, and ends the time slice.
    static func timerTick() {
        let now = Clock.nanoseconds
        withState { state in
            if !state.sleepers.isEmpty {
                var waiting: [Thread] = []
                for thread in state.sleepers {
                    if thread.wakeDeadline <= now { makeRunnable(&state, thread) } else { waiting.append(thread) }
                }
                state.sleepers = waiting
            }
            let cpu = SMP.currentIndex
            guard cpu < state.cpus.count else { return }
            state.cpus[cpu].ticksLeft -= 1
        }
    }

    /// From the end of an interrupt: switches if the time slice is over (or the idle thread runs) and
    /// something else waits. The interrupted context stays on this thread's stack until it runs again.
    static func preemptIfDue() {
        withState { state in
            let cpu = SMP.currentIndex
            guard cpu < state.cpus.count, let current = state.cpus[cpu].current else { return }
            let sliceOver = state.cpus[cpu].ticksLeft <= 0 || current.priority == .idle
            guard sliceOver, state.cpus[cpu].hasRunnable else { return }
            // LinuxKPI code in a spinlock, RCU reader or preempt_disable section: switch when it ends.
            guard cpu_preempt_count() == 0 else {
                cpu_set_need_resched(1)
                return
            }
            switchAway(&state, requeue: true)
        }
    }

    /// Blocks the current thread until `wake` (a WaitQueue calls this with the lock held).
    private static func blockCurrent(_ state: inout State) {
        switchAway(&state, requeue: false, newState: .blocked)
    }

    /// Sleeps at least `nanoseconds` (rounded up to the next timer tick).
    static func sleep(nanoseconds: UInt64) {
        let deadline = Clock.nanoseconds + nanoseconds
        withState { state in
            guard let current = state.cpus[SMP.currentIndex].current, current.priority != .idle else { return }
            current.wakeDeadline = deadline
            state.sleepers.append(current)
            switchAway(&state, requeue: false, newState: .sleeping)
        }
    }

    /// Linux's schedule(): blocks the current thread unless `*taskState` is 0 (TASK_RUNNING), until
    /// `wake(_:taskState:mask:)` sets it to 0 or, with a deadline, until `Clock.nanoseconds` reaches it;
    /// returns with `*taskState` 0.
    /// The state is read under the scheduler's lock, which every waker takes, so a wake-up that lands
    /// between the caller setting its state and this call is never lost. Returns without blocking on the
    /// idle thread. The caller must not be in atomic context (LinuxKPI checks that first).
    static func block(taskState: UnsafeMutablePointer<UInt32>, deadline: UInt64?) {
        withState { state in
            guard let current = state.cpus[SMP.currentIndex].current, current.priority != .idle else { return }
            // SAFETY: the caller passes its own task's state word, valid while it runs here.
            guard unsafe taskState.pointee != 0 else { return }
            if let deadline {
                current.wakeDeadline = deadline
                state.sleepers.append(current)
                switchAway(&state, requeue: false, newState: .sleeping)
            } else {
                switchAway(&state, requeue: false, newState: .blocked)
            }
            // Running again (woken, or the deadline passed): TASK_RUNNING, as after Linux's schedule().
            // SAFETY: as above; the lock is held again here.
            unsafe taskState.pointee = 0
        }
    }

    /// Linux's try_to_wake_up(): if `*taskState` has a bit of `mask`, sets it to 0 (TASK_RUNNING) and makes
    /// `thread` runnable; returns whether it did.
    static func wake(_ thread: Thread, taskState: UnsafeMutablePointer<UInt32>, mask: UInt32) -> Bool {
        withState { state in
            // SAFETY: the task (and its state word) of a thread outlives the thread (LinuxKPI frees it only
            // after the thread ended, under the same rules as Linux's task references).
            guard unsafe taskState.pointee & mask != 0 else { return false }
            unsafe taskState.pointee = 0
            makeRunnable(&state, thread)
            return true
        }
    }

    /// Preemption point of LinuxKPI (preempt_enable, cond_resched): yields if this CPU's time slice ran out
    /// while preemption was off, or if `always` and another thread waits.
    static func reschedule(always: Bool) {
        withState { state in
            let cpu = SMP.currentIndex
            guard cpu < state.cpus.count, state.cpus[cpu].hasRunnable else {
                cpu_set_need_resched(0)
                return
            }
            guard always || cpu_need_resched() != 0 || state.cpus[cpu].ticksLeft <= 0 else { return }
            switchAway(&state, requeue: true)
        }
    }

    /// Ends the current thread.
    static func exitCurrent() -> Never {
        withState { state in switchAway(&state, requeue: false, newState: .dead) }
        panic("a dead thread was scheduled")
    }

    /// Makes `thread` runnable on its CPU (if it was blocked or sleeping).
    static func wake(_ thread: Thread) {
        withState { state in makeRunnable(&state, thread) }
    }

    private static func makeRunnable(_ state: inout State, _ thread: Thread) {
        guard thread.state == .blocked || thread.state == .sleeping else { return }
        if thread.state == .sleeping { state.sleepers.removeAll { $0 === thread } }
        thread.state = .runnable
        state.cpus[thread.cpu].queues[thread.priority.rawValue].append(thread)
    }

    /// Picks the next thread of this CPU and switches to it, with the lock held across the switch (the
    /// next thread releases it: at the end of its own withState, or in apus_thread_start if it is new).
    private static func switchAway(_ state: inout State, requeue: Bool, newState: Thread.State = .runnable) {
        let cpu = SMP.currentIndex
        guard cpu < state.cpus.count, let previous = state.cpus[cpu].current else { return }
        guard let next = state.cpus[cpu].take() ?? (previous.priority == .idle && requeue ? nil : state.cpus[cpu].idle)
        else { return }
        if next === previous { return }
        let now = Clock.nanoseconds
        previous.cpuTime += now - previous.runningSince
        if previous.state == .running { previous.state = newState }
        if requeue && previous.priority != .idle {
            state.cpus[cpu].queues[previous.priority.rawValue].append(previous)
        }
        next.state = .running
        next.runningSince = now
        state.cpus[cpu].current = next
        cpu_set_need_resched(0)
        state.cpus[cpu].ticksLeft = timeSliceTicks
        // SAFETY: both stacks are kernel stacks of live threads of this CPU; `previous` resumes here
        // when some later switch loads the stack pointer saved now.
        unsafe withUnsafeMutablePointer(to: &previous.savedStackPointer) { save in
            unsafe cpu_context_switch(save, next.savedStackPointer)
        }
    }

    /// The thread list for `ps`: a snapshot.
    static var threads: [(id: Int, name: StaticString, label: [UInt8]?, cpu: Int, priority: Thread.Priority,
                          state: Thread.State, cpuTime: UInt64)] {
        let now = Clock.nanoseconds
        return withState { state in
            state.threads.filter { $0.state != .dead }.map { thread in
                (thread.id, thread.name, thread.label, thread.cpu, thread.priority, thread.state,
                 thread.cpuTime + (thread.state == .running ? now - thread.runningSince : 0))
            }
        }
    }

    /// Blocks the current thread on `queue` unless `condition` already holds (checked under the lock, so a
    /// wake between the check and the block cannot be lost).
    fileprivate static func wait(on queue: WaitQueue, until condition: () -> Bool) {
        while true {
            let done = withState { state -> Bool in
                if condition() { return true }
                guard let current = state.cpus[SMP.currentIndex].current, current.priority != .idle else { return true }
                queue.waiters.append(current)
                blockCurrent(&state)
                return false
            }
            if done { return }
        }
    }

    fileprivate static func wake(_ queue: WaitQueue, all: Bool) {
        withState { state in
            while !queue.waiters.isEmpty {
                makeRunnable(&state, queue.waiters.removeFirst())
                if !all { break }
            }
        }
    }
}

/// A new thread's first Swift code: takes over the scheduler lock from the thread that switched to it,
/// turns interrupts on, runs its body, and exits.
@_cdecl("apus_thread_start")
func threadStart() {
    Scheduler.releaseLockForNewThread()
    cpu_sti()
    if let body = Scheduler.current?.takeEntry() { body() }
    Scheduler.exitCurrent()
}

extension Scheduler {
    fileprivate static func releaseLockForNewThread() { lock.releaseAfterSwitch() }
}

/// Threads waiting for something: `wait(until:)` blocks until a `wakeOne`/`wakeAll` finds the condition
/// true. FIFO: the longest waiter is woken first. Shareable between CPUs: its only state is touched under
/// the scheduler's lock.
final class WaitQueue: @unchecked Sendable {
    /// Guarded by the scheduler's lock.
    fileprivate var waiters: [Thread] = []

    init() {}

    func wait(until condition: () -> Bool) { Scheduler.wait(on: self, until: condition) }
    func wakeOne() { Scheduler.wake(self, all: false) }
    func wakeAll() { Scheduler.wake(self, all: true) }
}
