// SPDX-License-Identifier: GPL-2.0-only
// Multiprocessor start-up: every application processor the MADT lists is started with INIT-SIPI-SIPI
// through a real-mode trampoline below 1 MiB, gets its own GDT, TSS, exception stacks and APIC timer.
import KernelCore
import KernelSupport
import Synchronization

/// One CPU as the kernel knows it.
struct CPURecord {
    let index: Int
    let apicID: UInt32
    var online: Bool
    /// Tops of this CPU's double-fault, NMI and machine-check stacks.
    var exceptionStacks: (UInt64, UInt64, UInt64)
}

enum SMP {
    private struct State {
        var cpus: [CPURecord] = []
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()
    private static let online = Atomic<Int>(1)
    /// Bit n: CPU n is online (MAX_CPUS is 64). The boot CPU is.
    private static let onlineBits = Atomic<UInt64>(1)

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// The CPUs known, online or not, by index.
    static var cpus: [CPURecord] { withState { $0.cpus } }
    static var onlineCount: Int { online.load(ordering: .acquiring) }
    /// The online CPUs, bit n for index n.
    static var onlineMask: UInt64 { onlineBits.load(ordering: .acquiring) }
    /// The APIC id of CPU `index`.
    static func apicID(of index: Int) -> UInt32 { withState { $0.cpus[index].apicID } }
    /// This CPU's index (0 is the boot CPU).
    static var currentIndex: Int { Int(cpu_current_index()) }

    /// Records the boot CPU (call once its APIC is on).
    static func registerBootCPU() {
        withState {
            $0.cpus = [CPURecord(index: 0, apicID: LocalAPIC.id, online: true,
                                 exceptionStacks: DescriptorTables.bootExceptionStacks)]
        }
        IPI.install()
    }

    /// The APIC ids of the CPUs the MADT says are enabled or can be brought online, each once.
    static var madtAPICIDs: [UInt32] {
        guard let madt = ACPI.madt else { return [] }
        var ids: [UInt32] = []
        for entry in madt.localAPICs where (entry.isEnabled || entry.isOnlineCapable) && !ids.contains(UInt32(entry.apicID)) {
            ids.append(UInt32(entry.apicID))
        }
        for entry in madt.localX2APICs where (entry.isEnabled || entry.isOnlineCapable) && !ids.contains(entry.x2apicID) {
            ids.append(entry.x2apicID)
        }
        return ids
    }

    /// Starts every other enabled (or online-capable) CPU in the MADT, one at a time.
    static func startApplicationProcessors() {
        guard ACPI.madt != nil else {
            log(.warning, "smp: no MADT; running on the boot CPU only")
            return
        }
        let boot = LocalAPIC.id
        let targets = madtAPICIDs.filter { $0 != boot }
        guard !targets.isEmpty else { return }
        guard let trampoline = Trampoline.install() else {
            log(.error, "smp: no free page below 1 MiB for the start-up trampoline; running on one CPU")
            return
        }
        defer { trampoline.remove() }
        for apicID in targets {
            let index = withState { $0.cpus.count }
            guard index < Int(MAX_CPUS) else {
                log(.warning, "smp: more CPUs than the kernel supports; the rest stay off")
                break
            }
            start(apicID: apicID, index: index, trampoline: trampoline)
        }
        log(.info) { line in
            line.write("smp: ")
            line.writeDecimal(onlineCount)
            line.write(" of ")
            line.writeDecimal(targets.count + 1)
            line.write(" CPUs online")
        }
    }

    private static func start(apicID: UInt32, index: Int, trampoline: Trampoline) {
        guard let stack = KernelStacks.allocate(), let doubleFault = KernelStacks.allocate(),
              let nmi = KernelStacks.allocate(), let machineCheck = KernelStacks.allocate() else {
            log(.error, "smp: no memory for an application processor's stacks")
            return
        }
        withState {
            $0.cpus.append(CPURecord(index: index, apicID: apicID, online: false,
                                     exceptionStacks: (doubleFault, nmi, machineCheck)))
        }
        let before = onlineCount
        trampoline.prepare(stack: stack, index: UInt64(index))
        LocalAPIC.sendIPI(to: apicID, vector: 0, delivery: .initialize)
        Clock.delay(nanoseconds: 10_000_000)
        for _ in 0..<2 {
            LocalAPIC.sendIPI(to: apicID, vector: trampoline.startupVector, delivery: .startup)
            Clock.delay(nanoseconds: 200_000)
            if trampoline.started { break }
        }
        // TCG emulates the other CPUs with host threads: allow time for them to be scheduled.
        let deadline = Clock.nanoseconds + 2_000_000_000
        while onlineCount == before && Clock.nanoseconds < deadline { cpu_pause() }
        if onlineCount == before {
            log(.error) { line in
                line.write("smp: CPU with APIC id ")
                line.writeDecimal(apicID)
                line.write(" did not start")
            }
        }
    }

    fileprivate static func markOnline(_ index: Int) {
        withState { $0.cpus[index].online = true }
        onlineBits.bitwiseOr(1 << UInt64(index), ordering: .acquiringAndReleasing)
        online.add(1, ordering: .acquiringAndReleasing)
    }

    fileprivate static func exceptionStacks(of index: Int) -> (UInt64, UInt64, UInt64) {
        withState { $0.cpus[index].exceptionStacks }
    }
}

/// Where each application processor continues in 64-bit mode, on its own stack, interrupts off.
@_cdecl("apus_ap_entry")
func applicationProcessorEntry(_ index: UInt64) {
    cpu_set_local(UInt32(index))
    PAT.configure()                                     // the same memory types as the boot CPU
    DescriptorTables.loadGDT(cpu: Int(index), exceptionStacks: SMP.exceptionStacks(of: Int(index)))
    DescriptorTables.loadIDT()
    LocalAPIC.enableOnThisCPU(spuriousVector: InterruptVector.spurious)
    LocalAPIC.startPeriodicTimer(vector: InterruptVector.timer, milliseconds: 1000 / Clock.hz)
    SMP.markOnline(Int(index))
    Scheduler.runIdleOnThisCPU()
}
