// SPDX-License-Identifier: GPL-2.0-only
// The scheduler as LinuxKPI sees it (bridge section "threads, scheduling and sleeping"): the running
// thread and its task_struct, schedule()/try_to_wake_up() on a task's state word, kthreads, preemption
// points, the online CPUs; and the start-up of LinuxKPI's own threads (workqueues, RCU).
import KernelCore
import KernelSupport

/// LinuxKPI's C, called from Swift.
@_extern(c, "lkpi_sched_init")
private func lkpi_sched_init()

enum KPISched {
    /// Starts LinuxKPI's scheduling services (system workqueues, the RCU callback thread) and records the
    /// online CPUs. Call once every CPU is online, before any module loads.
    static func initialize() { lkpi_sched_init() }
}

/// A thread as C holds it: an unretained reference (threads are never freed, see `Scheduler`).
private func handle(_ thread: Thread) -> UnsafeMutableRawPointer {
    unsafe Unmanaged.passUnretained(thread).toOpaque()
}

@_cdecl("apus_sched_current_thread")
func apusSchedCurrentThread() -> UnsafeMutableRawPointer? {
    guard let thread = Scheduler.current else { return nil }
    return unsafe handle(thread)
}

@_cdecl("apus_sched_current_task")
func apusSchedCurrentTask() -> UnsafeMutableRawPointer? {
    unsafe UnsafeMutableRawPointer(bitPattern: Scheduler.current?.linuxTask ?? 0)
}

/// Only the running thread sets its own task; Swift stores the address and never dereferences it.
@_cdecl("apus_sched_set_current_task")
func apusSchedSetCurrentTask(_ task: UnsafeMutableRawPointer?) {
    Scheduler.current?.linuxTask = UInt(bitPattern: task)
}

@_cdecl("apus_sched_current_id")
func apusSchedCurrentID() -> Int32 {
    Int32(truncatingIfNeeded: Scheduler.current?.id ?? 0)
}

/// Writes the running thread's name, NUL-terminated and truncated to `size`, into `buffer`.
@_cdecl("apus_sched_current_name")
func apusSchedCurrentName(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int) {
    guard let buffer = unsafe buffer, size > 0 else { return }
    var bytes: [UInt8] = []
    if let thread = Scheduler.current {
        if let label = thread.label {
            bytes = label
        } else {
            // SAFETY: a StaticString's bytes are valid for the program's lifetime.
            bytes = unsafe Array(thread.name.utf8Start.withMemoryRebound(to: UInt8.self, capacity: thread.name.utf8CodeUnitCount) {
                unsafe UnsafeBufferPointer(start: $0, count: thread.name.utf8CodeUnitCount)
            })
        }
    }
    let count = min(bytes.count, size - 1)
    // SAFETY: the caller provides `size` writable bytes.
    for index in 0..<count { unsafe buffer[index] = CChar(bitPattern: bytes[index]) }
    unsafe buffer[count] = 0
}

/// Starts a thread running `entry(argument)`; `cpu` < 0 picks one round-robin; `priority` 0 high,
/// 1 normal, 2 low; `task` becomes its LinuxKPI task. Returns its handle, or nil without memory.
@_cdecl("apus_sched_spawn")
func apusSchedSpawn(_ entry: (@convention(c) (UnsafeMutableRawPointer?) -> Void)?, _ argument: UnsafeMutableRawPointer?,
                    _ name: UnsafePointer<CChar>?, _ cpu: Int32, _ priority: Int32,
                    _ task: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let entry = unsafe entry else { return nil }
    let label: [UInt8]? = unsafe name.map { unsafe cStringBytes($0) }
    let level: Thread.Priority = priority <= 0 ? .high : priority == 1 ? .normal : .low
    let thread = Scheduler.spawn(name: "kthread", label: label, linuxTask: UInt(bitPattern: task), priority: level,
                                 cpu: cpu < 0 ? nil : Int(cpu)) {
        // SAFETY: the C caller keeps `argument` valid for the thread (LinuxKPI's kthread rules).
        unsafe entry(argument)
    }
    guard let thread else { return nil }
    return unsafe handle(thread)
}

/// schedule(): blocks unless `*state` is TASK_RUNNING; `deadline` (Clock nanoseconds, 0: none) ends the
/// wait. Complains (like Linux's "scheduling while atomic") and returns when called in atomic context.
@_cdecl("apus_sched_block")
func apusSchedBlock(_ state: UnsafeMutablePointer<UInt32>?, _ deadline: UInt64) {
    guard let state = unsafe state else { return }
    let count = cpu_preempt_count()
    guard count == 0, interruptsEnabled else {
        log(.error) { line in
            line.write("BUG: scheduling while atomic: preempt_count ")
            line.writeHex(count)
            line.write(interruptsEnabled ? "" : ", interrupts off")
        }
        unsafe state.pointee = 0
        return
    }
    unsafe Scheduler.block(taskState: state, deadline: deadline == 0 ? nil : deadline)
}

/// try_to_wake_up(): wakes `thread` if `*state` has a bit of `mask`; returns whether it did.
@_cdecl("apus_sched_wake")
func apusSchedWake(_ thread: UnsafeMutableRawPointer?, _ state: UnsafeMutablePointer<UInt32>?, _ mask: UInt32) -> Bool {
    guard let thread = unsafe thread, let state = unsafe state else { return false }
    // SAFETY: `thread` came from apus_sched_spawn or apus_sched_current_thread, and threads are never freed.
    let target = unsafe Unmanaged<Thread>.fromOpaque(thread).takeUnretainedValue()
    return unsafe Scheduler.wake(target, taskState: state, mask: mask)
}

/// A preemption point: yields if a preemption was held back (or, with `always`, if anything else waits).
@_cdecl("apus_sched_reschedule")
func apusSchedReschedule(_ always: Bool) {
    guard cpu_preempt_count() == 0, interruptsEnabled else { return }
    Scheduler.reschedule(always: always)
}

@_cdecl("apus_sched_online_mask")
func apusSchedOnlineMask() -> UInt64 { SMP.onlineMask }

@_cdecl("apus_sched_exit")
func apusSchedExit() -> Never { Scheduler.exitCurrent() }

/// Runs `function(info)` on the online CPUs in `targets` (this one with interrupts off) and waits for all.
@_cdecl("apus_smp_call")
func apusSMPCall(_ targets: UInt64, _ function: (@convention(c) (UnsafeMutableRawPointer?) -> Void)?,
                 _ info: UnsafeMutableRawPointer?) -> Bool {
    guard let function = unsafe function else { return false }
    let here: UInt64 = 1 << UInt64(SMP.currentIndex)
    // SAFETY: the C caller keeps `info` valid until this returns, and every target has run by then.
    let answered = SMP.run(onCPUs: targets & ~here) { unsafe function(info) }
    if targets & here != 0 {
        withInterruptsDisabled { unsafe function(info) }
    }
    return answered
}
