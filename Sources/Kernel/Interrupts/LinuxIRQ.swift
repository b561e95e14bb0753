// SPDX-License-Identifier: GPL-2.0-only
// Linux-numbered interrupt lines for LinuxKPI: one descriptor per line (a PCI INTx GSI, an MSI message or
// an MSI-X entry) with its list of actions (several on a shared INTx line), the nesting disable depth,
// threaded handlers with IRQF_ONESHOT, and synchronize (waits for handlers running on any CPU).
//
// Numbering, as Linux numbers IOAPIC lines on x86: the line of GSI n is irq n (1–255); MSI and MSI-X
// messages get numbers from 256 up, handed out by `allocateMessageIRQ` and reused after release.
// Lock order: LinuxIRQ.lock → IOAPIC window lock; the scheduler's lock is never taken under LinuxIRQ.lock.
import KernelCore
import KernelSupport
import Synchronization

/// A C interrupt handler: `irqreturn_t handler(int irq, void *dev_id)`.
typealias LinuxIRQHandler = @convention(c) (Int32, UnsafeMutableRawPointer?) -> Int32

/// Where a Linux irq comes from, which decides how it is masked.
enum LinuxIRQSource {
    /// A level-triggered (or edge) IOAPIC input; the vector is allocated while the line has actions.
    case gsi(UInt32, activeLow: Bool, levelTriggered: Bool)
    /// A single MSI message; `maskOffset` is its per-vector mask register, if the function has one.
    case msi(PCIAddress, maskOffset: Int?)
    /// One entry of a function's MSI-X table.
    case msix(PCIMSIXVectors, entry: Int)
}

/// What a driver asked for with request_threaded_irq.
@safe final class LinuxIRQAction: @unchecked Sendable {
    let handler: LinuxIRQHandler?
    let threadFunction: LinuxIRQHandler?
    let flags: UInt
    /// The `dev_id` cookie (an opaque pointer from C), kept as its bit pattern.
    let cookie: UInt
    /// The `name` pointer, returned by free_irq.
    let name: UInt
    let thread: LinuxIRQThread?

    init(handler: LinuxIRQHandler?, threadFunction: LinuxIRQHandler?, flags: UInt, cookie: UInt, name: UInt,
         thread: LinuxIRQThread?) {
        // SAFETY: C function pointers from the driver; calling them is what `call` vouches for.
        unsafe self.handler = handler
        unsafe self.threadFunction = threadFunction
        self.flags = flags
        self.cookie = cookie
        self.name = name
        self.thread = thread
    }

    var isOneshot: Bool { flags & LinuxIRQ.flagOneshot != 0 }

    func call(_ function: LinuxIRQHandler, irq: UInt32) -> Int32 {
        // SAFETY: the function and its cookie come together from the driver's request_threaded_irq; the
        // driver keeps the cookie valid until free_irq returns, and free_irq waits for running calls.
        unsafe function(Int32(bitPattern: irq), UnsafeMutableRawPointer(bitPattern: cookie))
    }
}

/// The kernel thread of a threaded handler (Linux's irq/N-name thread).
final class LinuxIRQThread: Sendable {
    /// Linux's IRQTF_RUNTHREAD: the hard handler asked for a run.
    let runRequested = Atomic<Bool>(false)
    let stopRequested = Atomic<Bool>(false)
    let exited = Atomic<Bool>(false)
    let queue = WaitQueue()

    init() {}
}

/// One Linux irq.
final class LinuxIRQDescriptor: @unchecked Sendable {
    let number: UInt32
    let source: LinuxIRQSource
    // Guarded by LinuxIRQ.lock.
    var vector: UInt8 = 0
    var actions: [LinuxIRQAction] = []
    /// disable_irq nesting: 0 = enabled.
    var depth = 0
    /// An interrupt arrived while disabled (resent by enable_irq for message-signalled lines).
    var pending = false
    /// ONESHOT threads woken whose handler has not finished: the line stays masked meanwhile.
    var oneshotRunning = 0
    var masked = true
    // Lock-free, read by synchronize.
    /// Hard handlers of this line running now, on any CPU.
    let inProgress = Atomic<Int>(0)
    /// Thread handlers requested and not yet finished.
    let threadsActive = Atomic<Int>(0)
    let synchronizeQueue = WaitQueue()

    init(number: UInt32, source: LinuxIRQSource) {
        self.number = number
        self.source = source
    }

    var isMessageSignalled: Bool {
        if case .gsi = source { return false }
        return true
    }
}

enum LinuxIRQ {
    // Linux's IRQF_* and irqreturn_t values (include/linux/interrupt.h, irqreturn.h).
    static let flagShared: UInt = 0x0000_0080
    static let flagOneshot: UInt = 0x0000_2000
    static let flagNoAutoEnable: UInt = 0x0008_0000
    static let handled: Int32 = 1
    static let wakeThread: Int32 = 2
    static let firstMessageIRQ: UInt32 = 256

    private struct State {
        var descriptors: [LinuxIRQDescriptor] = []
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state` and to the guarded fields of every descriptor.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state` (and the descriptors' guarded fields).
        lock.withLock { unsafe body(&state) }
    }

    static func descriptor(_ irq: UInt32) -> LinuxIRQDescriptor? {
        withState { state in state.descriptors.first { $0.number == irq } }
    }

    // MARK: - Lines

    /// The irq of a PCI function's INTx route (its GSI), creating its descriptor on first use. Several
    /// functions on one GSI share the descriptor (IRQF_SHARED). `nil` for a GSI outside 1–255.
    static func gsiIRQ(_ route: PCIINTxRoute) -> UInt32? {
        guard route.gsi > 0, route.gsi < firstMessageIRQ else { return nil }
        return withState { state in
            if !state.descriptors.contains(where: { $0.number == route.gsi }) {
                state.descriptors.append(LinuxIRQDescriptor(
                    number: route.gsi, source: .gsi(route.gsi, activeLow: route.activeLow, levelTriggered: route.levelTriggered)))
            }
            return route.gsi
        }
    }

    /// A new irq number for a message-signalled source; its vector is already allocated and its handler
    /// must call `handle(irq:)`.
    static func allocateMessageIRQ(_ source: LinuxIRQSource, vector: UInt8) -> UInt32 {
        withState { state in
            var number = firstMessageIRQ
            while state.descriptors.contains(where: { $0.number == number }) { number += 1 }
            let descriptor = LinuxIRQDescriptor(number: number, source: source)
            descriptor.vector = vector
            state.descriptors.append(descriptor)
            return number
        }
    }

    /// Forgets a message-signalled irq (its vectors are freed by the PCI layer). False while actions remain.
    static func releaseMessageIRQ(_ irq: UInt32) -> Bool {
        withState { state in
            guard let index = state.descriptors.firstIndex(where: { $0.number == irq }),
                  state.descriptors[index].actions.isEmpty else { return false }
            state.descriptors.remove(at: index)
            return true
        }
    }

    /// Masks or unmasks the source (under the lock).
    private static func setMasked(_ descriptor: LinuxIRQDescriptor, _ masked: Bool) {
        descriptor.masked = masked
        switch descriptor.source {
        case .gsi(let gsi, _, _):
            if descriptor.vector != 0 { IRQRouting.setMasked(gsi: gsi, masked) }
        case .msi(let address, let maskOffset):
            if let maskOffset { PCIConfigAccess.write32(address, maskOffset, masked ? 1 : 0) }
        case .msix(let vectors, let entry):
            if masked { vectors.mask(entry) } else { vectors.unmask(entry) }
        }
    }

    /// Unmasks when nothing holds the line masked: not disabled, no ONESHOT thread running, some action.
    private static func unmaskIfIdle(_ descriptor: LinuxIRQDescriptor) {
        if descriptor.depth == 0 && descriptor.oneshotRunning == 0 && !descriptor.actions.isEmpty && descriptor.masked {
            setMasked(descriptor, false)
        }
    }

    // MARK: - Interrupt path

    /// Runs the actions of `descriptor` (from its vector's handler, interrupts off).
    static func handle(_ descriptor: LinuxIRQDescriptor) {
        let actions = withState { _ -> [LinuxIRQAction]? in
            if descriptor.depth > 0 || descriptor.actions.isEmpty {
                descriptor.pending = descriptor.depth > 0
                setMasked(descriptor, true)
                return nil
            }
            let oneshot = descriptor.actions.contains { $0.isOneshot }
            if oneshot { setMasked(descriptor, true) }
            descriptor.inProgress.add(1, ordering: .acquiringAndReleasing)
            return descriptor.actions
        }
        guard let actions else { return }
        var oneshotWoken = 0
        for action in actions {
            // SAFETY: see `call`.
            let result = unsafe action.handler.map { unsafe action.call($0, irq: descriptor.number) } ?? wakeThread
            if result & wakeThread != 0, let thread = action.thread {
                if action.isOneshot { oneshotWoken += 1 }
                requestThreadRun(descriptor, thread)
            }
        }
        withState { _ in
            descriptor.oneshotRunning += oneshotWoken
            descriptor.inProgress.subtract(1, ordering: .acquiringAndReleasing)
            unmaskIfIdle(descriptor)
        }
        for action in actions { action.thread?.queue.wakeAll() }
    }

    /// Marks the thread's run request; each false → true transition is counted once in threadsActive.
    private static func requestThreadRun(_ descriptor: LinuxIRQDescriptor, _ thread: LinuxIRQThread) {
        descriptor.threadsActive.add(1, ordering: .acquiringAndReleasing)
        if thread.runRequested.exchange(true, ordering: .acquiringAndReleasing) {
            descriptor.threadsActive.subtract(1, ordering: .acquiringAndReleasing)
        }
    }

    /// The body of a handler thread: waits for run requests, runs the thread function, ends on stop.
    private static func threadLoop(_ descriptor: LinuxIRQDescriptor, _ action: LinuxIRQAction, _ thread: LinuxIRQThread) {
        while true {
            thread.queue.wait {
                thread.runRequested.load(ordering: .acquiring) || thread.stopRequested.load(ordering: .acquiring)
            }
            if thread.runRequested.exchange(false, ordering: .acquiringAndReleasing) {
                // SAFETY: see `call`.
                if let function = unsafe action.threadFunction { _ = unsafe action.call(function, irq: descriptor.number) }
                if action.isOneshot {
                    withState { _ in
                        descriptor.oneshotRunning -= 1
                        unmaskIfIdle(descriptor)
                    }
                }
                if descriptor.threadsActive.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                    descriptor.synchronizeQueue.wakeAll()
                }
            } else if thread.stopRequested.load(ordering: .acquiring) {
                break
            }
        }
        thread.exited.store(true, ordering: .releasing)
        thread.queue.wakeAll()
    }

    // MARK: - Driver requests

    /// request_threaded_irq. Returns 0 or a negative errno. May sleep (starts a thread).
    static func request(irq: UInt32, handler: LinuxIRQHandler?, threadFunction: LinuxIRQHandler?, flags: UInt,
                        name: UInt, cookie: UInt) -> Int32 {
        guard let descriptor = descriptor(irq) else { return -LinuxErrno.invalid }
        let hasHandler = unsafe handler != nil
        let hasThreadFunction = unsafe threadFunction != nil
        guard hasHandler || hasThreadFunction else { return -LinuxErrno.invalid }
        if flags & flagShared != 0 && cookie == 0 { return -LinuxErrno.invalid }
        var flags = flags
        // Message-signalled lines are edge-like and need no masking while the thread runs (Linux's
        // IRQCHIP_ONESHOT_SAFE): ONESHOT is dropped for them, as Linux does.
        if descriptor.isMessageSignalled { flags &= ~flagOneshot }
        // A level-triggered line with only a thread handler would storm until the thread ran.
        if !hasHandler && flags & flagOneshot == 0 && !descriptor.isMessageSignalled { return -LinuxErrno.invalid }
        var thread: LinuxIRQThread?
        if hasThreadFunction { thread = LinuxIRQThread() }
        let action = unsafe LinuxIRQAction(handler: handler, threadFunction: threadFunction, flags: flags, cookie: cookie,
                                    name: name, thread: thread)
        var vector: UInt8 = 0
        if case .gsi = descriptor.source, withState({ _ in descriptor.vector == 0 }) {
            guard let allocated = Interrupts.allocateVector() else { return -LinuxErrno.busy }
            vector = allocated
        }
        let result = withState { _ -> Int32 in
            if let first = descriptor.actions.first {
                guard first.flags & flagShared != 0, flags & flagShared != 0,
                      first.flags & flagOneshot == flags & flagOneshot else { return -LinuxErrno.busy }
            }
            descriptor.actions.append(action)
            guard descriptor.actions.count == 1 else { return 0 }
            // The first action starts the line.
            descriptor.depth = flags & flagNoAutoEnable != 0 ? 1 : 0
            descriptor.pending = false
            if case .gsi(let gsi, let activeLow, let level) = descriptor.source, descriptor.vector == 0 {
                descriptor.vector = vector
                vector = 0
                Interrupts.register(vector: descriptor.vector) { LinuxIRQ.handle(descriptor) }
                IRQRouting.routeGSI(gsi, vector: descriptor.vector, activeLow: activeLow, levelTriggered: level)
                descriptor.masked = false
                if descriptor.depth > 0 { setMasked(descriptor, true) }
            } else if descriptor.depth == 0 {
                unmaskIfIdle(descriptor)
            }
            return 0
        }
        if vector != 0 { Interrupts.freeVector(vector) }        // not needed after all
        if result == 0, let thread {
            let started = Scheduler.spawn(name: "irq-thread", priority: .high) {
                LinuxIRQ.threadLoop(descriptor, action, thread)
            }
            if started == nil {
                thread.exited.store(true, ordering: .releasing)      // never started: nothing to wait for
                _ = free(irq: irq, cookie: cookie)
                return -LinuxErrno.noMemory
            }
        }
        return result
    }

    /// free_irq: removes the action with `cookie`, shuts the line down when it was the last, waits for
    /// running handlers and ends its thread. Returns the action's name pointer (0 when none matched).
    static func free(irq: UInt32, cookie: UInt) -> UInt {
        guard let descriptor = descriptor(irq) else { return 0 }
        let removed = withState { _ -> LinuxIRQAction? in
            guard let index = descriptor.actions.firstIndex(where: { $0.cookie == cookie }) else { return nil }
            let action = descriptor.actions.remove(at: index)
            if descriptor.actions.isEmpty {
                setMasked(descriptor, true)
                if case .gsi = descriptor.source {
                    Interrupts.freeVector(descriptor.vector)
                    descriptor.vector = 0
                }
                descriptor.oneshotRunning = 0
            }
            return action
        }
        guard let removed else {
            log(.warning) { line in
                line.write("irq: free_irq of irq ")
                line.writeDecimal(irq)
                line.write(" with an unknown dev_id")
            }
            return 0
        }
        waitForHardHandlers(descriptor)
        if let thread = removed.thread {
            thread.stopRequested.store(true, ordering: .releasing)
            thread.queue.wakeAll()
            thread.queue.wait { thread.exited.load(ordering: .acquiring) }
            // A run request the thread never took still counts as active.
            if thread.runRequested.exchange(false, ordering: .acquiringAndReleasing),
               descriptor.threadsActive.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                descriptor.synchronizeQueue.wakeAll()
            }
        }
        return removed.name
    }

    private static func waitForHardHandlers(_ descriptor: LinuxIRQDescriptor) {
        while descriptor.inProgress.load(ordering: .acquiring) != 0 { cpu_pause() }
    }

    /// synchronize_irq: waits until no hard handler of `irq` runs on any CPU and no thread handler is
    /// requested or running. May sleep. False for an unknown irq.
    static func synchronize(irq: UInt32) -> Bool {
        guard let descriptor = descriptor(irq) else { return false }
        waitForHardHandlers(descriptor)
        descriptor.synchronizeQueue.wait { descriptor.threadsActive.load(ordering: .acquiring) == 0 }
        return true
    }

    /// disable_irq(_nosync): one more level of disabling; masks the source at the first.
    static func disable(irq: UInt32, synchronously: Bool) {
        guard let descriptor = descriptor(irq) else { return }
        withState { _ in
            descriptor.depth += 1
            if descriptor.depth == 1 && !descriptor.masked { setMasked(descriptor, true) }
        }
        if synchronously { _ = synchronize(irq: irq) }
    }

    /// enable_irq: one level less; at zero unmasks and, for a message-signalled line that fired while
    /// disabled, runs the handlers once (Linux's resend). Unbalanced calls are reported and ignored.
    static func enable(irq: UInt32) {
        guard let descriptor = descriptor(irq) else { return }
        let (balanced, resend) = withState { _ -> (Bool, Bool) in
            guard descriptor.depth > 0 else { return (false, false) }
            descriptor.depth -= 1
            guard descriptor.depth == 0 else { return (true, false) }
            unmaskIfIdle(descriptor)
            defer { descriptor.pending = false }
            return (true, descriptor.pending && descriptor.isMessageSignalled)
        }
        if !balanced {
            log(.warning) { line in
                line.write("irq: unbalanced enable for irq ")
                line.writeDecimal(irq)
            }
        }
        if resend { withInterruptsDisabled { handle(descriptor) } }
    }

    /// Whether `irq` has at least one action.
    static func hasActions(_ irq: UInt32) -> Bool {
        withState { state in state.descriptors.first { $0.number == irq }?.actions.isEmpty == false }
    }
}
