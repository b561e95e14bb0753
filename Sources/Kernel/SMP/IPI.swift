// SPDX-License-Identifier: GPL-2.0-only
// Inter-processor interrupts: run a function on the other CPUs and wait until each ran it ("call
// function", vector 0xF0), and TLB shootdown (vector 0xF1).
//
// The rules that keep this free of deadlocks:
//
// 1. Never call `SMP.runOnEveryOtherCPU`, `SMP.runOnEveryCPU` or `SMP.flushTLB` (so never unmap a page
//    of the kernel's tables) while holding a SpinLock. `SpinLock.withLock` disables interrupts *before* it
//    spins, so a target CPU waiting for a lock we hold cannot take our IPI, and we would wait for it
//    forever. (The wait is bounded: after `timeoutNanoseconds` the round is abandoned with an error that
//    names the CPUs that did not answer; the shootdown case then leaves a stale TLB entry behind.)
// 2. A CPU that waits — for its own round to be answered, or for another CPU's round to finish before
//    starting its own — answers the requests addressed to it while it waits, with interrupts off so
//    that the IPI handler and the poll never both run the same request. Two CPUs that send to each other
//    at the same time, even with interrupts disabled, therefore both make progress: interrupts being off
//    is allowed, holding a lock is not. Rounds of one kind are serialised by an atomic flag taken with a
//    compare-exchange (not a SpinLock), for the same reason.
// 3. The functions run on the targets in interrupt context (interrupts off, on the interrupted stack):
//    they must be short, must not wait for other CPUs (no nested rounds) and may take only SpinLocks
//    that no CPU holds while sending IPIs (rule 1 makes that every SpinLock).
// 4. The caller must stay on one CPU from the start of a round to its end (the scheduler must not
//    migrate it; today nothing does).
// 5. The kernel's page tables are shared by every CPU (one CR3), so unmapping one of their pages must
//    invalidate it everywhere: `PageTables.unmap` calls `SMP.flushTLB` for the active tables. Before the
//    application processors start (early boot) that is a local `invlpg` only.
import KernelCore
import KernelSupport
import Synchronization

/// One kind of cross-CPU request: at most one round in flight, one bit per target still to answer.
private struct Broadcast: ~Copyable {
    let vector: UInt8
    /// Held by the CPU whose round is in flight.
    let busy = Atomic<Bool>(false)
    /// Bit n: CPU n has not answered the round in flight yet (MAX_CPUS is 64).
    let pending = Atomic<UInt64>(0)

    init(vector: UInt8) { self.vector = vector }
}

enum IPI {
    /// How long a sender waits for every target before it reports an error and gives up.
    static let timeoutNanoseconds: UInt64 = 5_000_000_000

    private static let call = Broadcast(vector: InterruptVector.callFunction)
    private static let shootdown = Broadcast(vector: InterruptVector.tlbShootdown)
    /// The call round's function: written by the owner of `call.busy` before it publishes the targets'
    /// bits (release), read by a target after it saw its bit (acquire) and before it clears it.
    nonisolated(unsafe) private static var callWork: (() -> Void)?
    /// The shootdown round's page, published the same way.
    private static let shootdownAddress = Atomic<UInt64>(0)

    /// Installs the two handlers (needs the interrupt handler table).
    static func install() {
        Interrupts.register(vector: InterruptVector.callFunction) { answerCall() }
        Interrupts.register(vector: InterruptVector.tlbShootdown) { answerShootdown() }
    }

    private static var ownBit: UInt64 { 1 << UInt64(SMP.currentIndex) }

    /// Runs the call round's function if this CPU has not answered it yet. Interrupts are off.
    private static func answerCall() {
        let bit = ownBit
        guard call.pending.load(ordering: .acquiring) & bit != 0 else { return }
        // SAFETY: callWork was written before our bit was published and is not written again until every
        // bit is clear (or the round timed out, see `deliver`), so this read does not race with a write.
        let work = unsafe callWork
        work?()
        call.pending.bitwiseAnd(~bit, ordering: .releasing)
    }

    /// Invalidates the shootdown round's page if this CPU has not answered it yet. Interrupts are off.
    private static func answerShootdown() {
        let bit = ownBit
        guard shootdown.pending.load(ordering: .acquiring) & bit != 0 else { return }
        // SAFETY: invalidating a TLB entry never breaks memory safety by itself.
        unsafe cpu_invlpg(shootdownAddress.load(ordering: .relaxed))
        shootdown.pending.bitwiseAnd(~bit, ordering: .releasing)
    }

    /// Answers whatever this CPU was asked (rule 2).
    private static func answerOwnRequests() {
        withInterruptsDisabled {
            answerShootdown()
            answerCall()
        }
    }

    private static func begin(_ broadcast: borrowing Broadcast) {
        while !broadcast.busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            answerOwnRequests()
            cpu_pause()
        }
    }

    private static func end(_ broadcast: borrowing Broadcast) {
        broadcast.busy.store(false, ordering: .releasing)
    }

    /// Publishes `targets` and sends each its IPI.
    private static func send(_ broadcast: borrowing Broadcast, to targets: UInt64) {
        broadcast.pending.store(targets, ordering: .releasing)
        var remaining = targets
        while remaining != 0 {
            let index = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            LocalAPIC.sendIPI(to: SMP.apicID(of: index), vector: broadcast.vector, delivery: .fixed)
        }
    }

    /// Waits until every target answered; on timeout withdraws the round and returns who did not answer.
    private static func wait(_ broadcast: borrowing Broadcast, what: StaticString) -> UInt64 {
        let deadline = Clock.nanoseconds + timeoutNanoseconds
        while true {
            let left = broadcast.pending.load(ordering: .acquiring)
            if left == 0 { return 0 }
            if Clock.nanoseconds >= deadline {
                broadcast.pending.store(0, ordering: .releasing)
                log(.error) { line in
                    line.write("smp: ")
                    line.write(what)
                    line.write(" IPI not answered within ")
                    line.writeDecimal(timeoutNanoseconds / 1_000_000)
                    line.write(" ms by CPU")
                    var rest = left
                    while rest != 0 {
                        line.write(" ")
                        line.writeDecimal(rest.trailingZeroBitCount)
                        rest &= rest - 1
                    }
                    line.write(" (was a SpinLock held while sending?)")
                }
                return left
            }
            answerOwnRequests()
            cpu_pause()
        }
    }

    /// Runs `work` on every online CPU in `targets` (never this one) and, if `alsoHere`, on this CPU while
    /// the others run it; returns once all did (true) or the wait timed out (false, logged).
    static func run(on targets: UInt64, alsoHere: Bool, _ work: @escaping () -> Void) -> Bool {
        let others = targets & SMP.onlineMask & ~ownBit
        guard others != 0 else {
            if alsoHere { work() }
            return true
        }
        begin(call)
        // SAFETY: we own `call.busy`; no target reads callWork until `send` publishes its bit.
        unsafe callWork = work
        send(call, to: others)
        if alsoHere { work() }
        let missed = wait(call, what: "call-function")
        // After a timeout a late target may still read callWork: leave it for the next round to replace.
        // SAFETY: every target answered, so none reads callWork any more.
        if missed == 0 { unsafe callWork = nil }
        end(call)
        return missed == 0
    }

    /// Invalidates the page at `virtual` here and on every other online CPU.
    static func flushTLB(virtual: UInt64) {
        // SAFETY: invalidating a TLB entry never breaks memory safety by itself.
        unsafe cpu_invlpg(virtual)
        // Before the APs start (and on one CPU) there is nobody else: this also runs in early boot, before
        // the GS base that `SMP.currentIndex` reads is set.
        let online = SMP.onlineMask
        guard online.nonzeroBitCount > 1 else { return }
        let others = online & ~ownBit
        begin(shootdown)
        shootdownAddress.store(virtual, ordering: .relaxed)
        send(shootdown, to: others)
        _ = wait(shootdown, what: "TLB shootdown")
        end(shootdown)
    }
}

extension SMP {
    /// Runs `work` on every other online CPU (in interrupt context there) and waits until each ran it.
    /// Returns false (and logs an error) if some CPU did not answer in time. See the rules in IPI.swift:
    /// never call it holding a SpinLock.
    @discardableResult
    static func runOnEveryOtherCPU(_ work: @escaping () -> Void) -> Bool {
        IPI.run(on: ~0, alsoHere: false, work)
    }

    /// Runs `work` on every online CPU, this one included, at the same time; waits for all.
    @discardableResult
    static func runOnEveryCPU(_ work: @escaping () -> Void) -> Bool {
        IPI.run(on: ~0, alsoHere: true, work)
    }

    /// Runs `work` on the online CPUs whose index has its bit set in `targets` (this CPU's bit is ignored).
    @discardableResult
    static func run(onCPUs targets: UInt64, _ work: @escaping () -> Void) -> Bool {
        IPI.run(on: targets, alsoHere: false, work)
    }

    /// Invalidates the TLB entry of `virtual` on this CPU and every other online CPU (TLB shootdown).
    static func flushTLB(virtual: UInt64) {
        IPI.flushTLB(virtual: virtual)
    }
}

/// Per-CPU results of a `collectFromEveryCPU`, filled in on each CPU under its own lock.
private final class PerCPUResults<Value> {
    private let lock = SpinLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.withLock { if index < values.count { values[index] = value } }
    }

    var all: [Value?] { lock.withLock { values } }
}

extension SMP {
    /// Evaluates `body` on every online CPU (the others through a call-function IPI); the result of CPU n
    /// is at index n, nil for CPUs that are offline or did not answer.
    static func collectFromEveryCPU<Value>(_ body: @escaping () -> Value) -> [Value?] {
        let results = PerCPUResults<Value>(count: cpus.count)
        runOnEveryCPU { results.store(body(), at: SMP.currentIndex) }
        return results.all
    }
}
