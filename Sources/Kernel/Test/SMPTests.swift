// SPDX-License-Identifier: GPL-2.0-only
// The `smp` suite: every CPU of the MADT is online, call-function IPIs reach every CPU, a TLB shootdown
// really invalidates the other CPUs' entries, and SpinLock excludes under contention from every CPU.
import KernelCore
import KernelSupport
import Synchronization

enum SMPTests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "smp", cases: [
            KernelTestCase(name: "every_madt_cpu_is_online", run: everyCPUOnline),
            KernelTestCase(name: "ipi_reaches_every_cpu", run: ipiReachesEveryCPU),
            KernelTestCase(name: "tlb_shootdown_invalidates_everywhere", run: shootdownInvalidates),
            KernelTestCase(name: "spinlock_excludes_under_contention", run: spinLockExcludes),
        ])
    }

    private static func everyCPUOnline(_ t: inout TestContext) {
        let listed = SMP.madtAPICIDs
        let cpus = SMP.cpus
        t.note { out in
            out.write("MADT lists "); out.writeDecimal(listed.count)
            out.write(" CPUs, "); out.writeDecimal(SMP.onlineCount); out.write(" online")
        }
        t.expect(!listed.isEmpty, "the MADT lists no CPU")
        t.expect(SMP.onlineCount == min(listed.count, Int(MAX_CPUS))) { out in
            out.writeDecimal(SMP.onlineCount); out.write(" CPUs online, the MADT lists ")
            out.writeDecimal(listed.count)
        }
        t.expect(SMP.onlineMask.nonzeroBitCount == SMP.onlineCount, "the online mask disagrees with the count")
        for id in listed {
            let record = cpus.first { $0.apicID == id }
            t.expect(record?.online == true) { out in
                out.write("the CPU with APIC id "); out.writeDecimal(id); out.write(" is not online")
            }
        }
    }

    private static let seen = Atomic<UInt64>(0)
    private static let runs = Atomic<Int>(0)

    private static func ipiReachesEveryCPU(_ t: inout TestContext) {
        let others = SMP.onlineMask & ~(1 << UInt64(SMP.currentIndex))
        for round in 0..<3 {
            seen.store(0, ordering: .relaxed)
            runs.store(0, ordering: .relaxed)
            let answered = SMP.runOnEveryOtherCPU {
                seen.bitwiseOr(1 << UInt64(SMP.currentIndex), ordering: .relaxed)
                runs.add(1, ordering: .relaxed)
            }
            let mask = seen.load(ordering: .relaxed)
            t.expect(answered, "runOnEveryOtherCPU timed out")
            t.expect(mask == others && runs.load(ordering: .relaxed) == others.nonzeroBitCount) { out in
                out.write("round "); out.writeDecimal(round); out.write(": CPUs that ran it (mask) ")
                out.writeHex(mask); out.write(", expected "); out.writeHex(others)
                out.write(", runs "); out.writeDecimal(runs.load(ordering: .relaxed))
            }
        }
        // Each CPU records its own index through collectFromEveryCPU, this one included.
        let indexes = SMP.collectFromEveryCPU { SMP.currentIndex }
        for (index, recorded) in indexes.enumerated() where SMP.onlineMask & (1 << UInt64(index)) != 0 {
            t.expect(recorded == index) { out in
                out.write("CPU "); out.writeDecimal(index); out.write(" did not record its index")
            }
        }
    }

    /// A virtual page nothing else uses (above the kernel stacks, below the end of the lower half).
    private static let testPage: UInt64 = 0x0000_7000_0000_0000
    private static let oldPattern: UInt64 = 0x01D0_01D0_01D0_01D0
    private static let newPattern: UInt64 = 0x0E30_0E30_0E30_0E30

    private static func shootdownInvalidates(_ t: inout TestContext) {
        guard SMP.onlineCount > 1 else { return t.skip("one CPU online") }
        guard let oldFrame = PhysicalMemory.allocateZeroedFrame(),
              let newFrame = PhysicalMemory.allocateZeroedFrame() else {
            t.expect(false, "no memory for the test frames")
            return
        }
        defer {
            _ = try? PhysicalMemory.free(oldFrame, order: 0)
            _ = try? PhysicalMemory.free(newFrame, order: 0)
        }
        // SAFETY: both frames were just allocated for this test; the direct map reaches them.
        unsafe PhysicalMemory.pointer(to: oldFrame).storeBytes(of: oldPattern, as: UInt64.self)
        unsafe PhysicalMemory.pointer(to: newFrame).storeBytes(of: newPattern, as: UInt64.self)
        let tables = KernelMemory.kernelTables
        do {
            try tables.map(virtual: testPage, physical: oldFrame, size: .small, flags: .kernelData)
        } catch {
            t.expect(false, "cannot map the test page")
            return
        }
        defer { tables.unmap(virtual: testPage) }

        // Every CPU reads the page, so every TLB holds its translation.
        let before = SMP.collectFromEveryCPU { readTestPage() }
        t.expect(before.allSatisfy { $0 == nil || $0 == oldPattern }, "a CPU did not read the first frame")

        // Point the page at the other frame without invalidating anything: CPUs may keep the old frame.
        t.expect(tables.replaceSmallPage(virtual: testPage, physical: newFrame, flags: .kernelData),
                 "cannot remap the test page")
        let stale = SMP.collectFromEveryCPU { readTestPage() }.filter { $0 == oldPattern }.count
        t.note { out in
            out.write("before the shootdown "); out.writeDecimal(stale)
            out.write(" CPU(s) still read the old frame through their TLB")
        }

        SMP.flushTLB(virtual: testPage)
        let after = SMP.collectFromEveryCPU { readTestPage() }
        for (index, value) in after.enumerated() where SMP.onlineMask & (1 << UInt64(index)) != 0 {
            t.expect(value == newPattern) { out in
                out.write("after the shootdown CPU "); out.writeDecimal(index); out.write(" reads ")
                if let value { out.writeHex(value) } else { out.write("nothing (no answer)") }
            }
        }

        // unmap shoots down too: remapped to the first frame, every CPU must see it again.
        tables.unmap(virtual: testPage)
        do {
            try tables.map(virtual: testPage, physical: oldFrame, size: .small, flags: .kernelData)
        } catch {
            t.expect(false, "cannot map the test page again")
            return
        }
        let again = SMP.collectFromEveryCPU { readTestPage() }
        for (index, value) in again.enumerated() where SMP.onlineMask & (1 << UInt64(index)) != 0 {
            t.expect(value == oldPattern) { out in
                out.write("after unmap and map CPU "); out.writeDecimal(index); out.write(" reads a stale frame")
            }
        }
    }

    private static func readTestPage() -> UInt64 {
        // SAFETY: the test maps testPage for as long as any CPU runs this.
        unsafe mmio_read64(testPage)
    }

    private static let counterLock = SpinLock()
    nonisolated(unsafe) private static var counter = 0
    nonisolated(unsafe) private static var lastHolder = -1
    nonisolated(unsafe) private static var handoffs = 0
    private static let iterations = 20_000

    private static func spinLockExcludes(_ t: inout TestContext) {
        counterLock.withLock {
            // SAFETY: counterLock guards counter, lastHolder and handoffs.
            unsafe counter = 0
            unsafe lastHolder = -1
            unsafe handoffs = 0
        }
        let answered = SMP.runOnEveryCPU {
            let me = SMP.currentIndex
            for _ in 0..<iterations {
                counterLock.withLock {
                    // SAFETY: counterLock guards counter, lastHolder and handoffs; a plain, non-atomic
                    // read-modify-write, so a second CPU inside would lose increments.
                    unsafe counter += 1
                    if unsafe lastHolder != me {
                        unsafe handoffs += 1
                        unsafe lastHolder = me
                    }
                }
            }
        }
        // SAFETY: counterLock guards counter and handoffs.
        let (total, switches) = counterLock.withLock { unsafe (counter, handoffs) }
        let expected = iterations * SMP.onlineCount
        t.note { out in
            out.writeDecimal(SMP.onlineCount); out.write(" CPUs x "); out.writeDecimal(iterations)
            out.write(" increments, the lock changed hands "); out.writeDecimal(switches); out.write(" times")
        }
        t.expect(answered, "a CPU did not finish its increments in time")
        t.expect(total == expected) { out in
            out.write("counter "); out.writeDecimal(total); out.write(", expected "); out.writeDecimal(expected)
        }
    }
}
