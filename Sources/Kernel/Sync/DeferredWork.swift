// SPDX-License-Identifier: GPL-2.0-only
// Deferred calls (ACPICA's acpi_os_execute, the power button): queued from any context, interrupt handlers
// included, and run later in thread context by the "events" worker thread, in order.
import KernelSupport

enum DeferredWork {
    typealias Callback = @convention(c) (UnsafeMutableRawPointer?) -> Void

    @safe private struct Item {
        let callback: Callback
        let context: UnsafeMutableRawPointer?
    }
    nonisolated(unsafe) private static var queue: [Item] = []
    private static let lock = SpinLock()

    /// The one access path to `queue`.
    private static func withQueue<Result>(_ body: (inout [Item]) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `queue`, on every CPU.
        lock.withLock { unsafe body(&queue) }
    }

    private static let worker = WaitQueue()

    /// Starts the worker thread that runs queued calls.
    static func startWorker() {
        _ = worker                                      // a lazy global: create it before any interrupt can
        Scheduler.spawn(name: "events", priority: .high, cpu: 0) {
            while true {
                worker.wait { hasPending }
                runPending()
            }
        }
    }

    /// Queues `callback(context)`; callable from interrupt handlers.
    static func enqueue(_ callback: Callback, context: UnsafeMutableRawPointer?) {
        // SAFETY: the context is opaque here; whoever queued it keeps it alive until the call.
        withQueue { unsafe $0.append(Item(callback: callback, context: context)) }
        worker.wakeOne()
    }

    /// Whether anything waits (call with interrupts off to decide atomically whether to halt).
    static var hasPending: Bool { withQueue { !$0.isEmpty } }

    /// Runs every queued call, oldest first, including calls queued meanwhile. Process context only.
    static func runPending() {
        while true {
            let next = withQueue { queue -> Item? in queue.isEmpty ? nil : queue.removeFirst() }
            guard let item = next else { return }
            // SAFETY: the callback and context come from a C caller of acpi_os_execute (or our own code)
            // that asked for exactly this call.
            unsafe item.callback(item.context)
        }
    }
}
