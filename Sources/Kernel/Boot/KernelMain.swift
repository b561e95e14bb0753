// SPDX-License-Identifier: GPL-2.0-only
// The kernel's Swift entry point: brings up each subsystem in order, then runs the tests or the shell.
import KernelCore
import KernelSupport

private let multiboot2Magic: UInt32 = 0x36D7_6289

/// Called by multiboot_entry.S in 64-bit mode on the boot stack, interrupts off.
@_cdecl("apus_main")
func kernelMain(magic: UInt32, bootInfo: UInt32) {
    SerialPort.com1.initialize()
    CPU.identify()
    Interrupts.installExceptionHandlers()
    let haveClock = Clock.start()
    log(.notice, "Apus: an x86_64 kernel in Embedded Swift")
    if !haveClock { log(.warning, "time: no PIT; the TSC is calibrated once the ACPI tables are read") }
    guard magic == multiboot2Magic else { panic("not started by a Multiboot2 boot loader") }

    // Parsing uses the early arena (the heap has no pages yet) and the boot map of the first 4 GiB.
    guard let info = MultibootInfo.read(at: UInt64(bootInfo), from: DirectMapReader()) else {
        panic("the Multiboot2 boot information is unreadable")
    }
    BootInfo.accept(info, physicalAddress: UInt64(bootInfo))
    KernelMemory.initialize(memoryMap: info.memoryMap, reserved: BootInfo.reservedRanges)
    guard let stack = KernelStacks.allocate() else { panic("no memory for the kernel stack") }
    // SAFETY: the new stack is mapped in the tables just activated; kernelMainOnKernelStack never returns.
    unsafe cpu_switch_stack(stack, { _ in kernelMainOnKernelStack() }, 0)
}

private func kernelMainOnKernelStack() -> Never {
    KernelMemory.finishBoot()
    KernelHeap.enablePageBackedAllocation()
    Interrupts.initializeHandlers()
    PAT.configure()
    FramebufferConsole.initialize()
    log(.info) { line in
        let (total, free) = PhysicalMemory.statistics
        line.write("mm: ")
        line.writeDecimal(total * 4)
        line.write(" kB managed, ")
        line.writeDecimal(free * 4)
        line.write(" kB free")
    }

    ACPI.initialize(rsdp: BootInfo.info?.rsdpBytes)
    if !Clock.isCalibrated {
        guard Clock.calibrateWithoutPIT() else { panic("no reference clock: neither a PIT nor an ACPI PM timer") }
        log(.info, "time: TSC calibrated against the ACPI PM timer")
    }
    PIC.disableIfPresent()
    LocalAPIC.enable(physicalBase: ACPI.localAPICAddress, spuriousVector: InterruptVector.spurious)
    SMP.registerBootCPU()
    IRQRouting.initialize()
    PCI.initialize()
    if !Clock.calibrateLocalAPICTimer() { panic("LAPIC timer calibration failed: the TSC rate is unknown") }
    log(.info) { line in
        line.write("time: TSC ")
        line.writeDecimal(Clock.tscFrequency / 1000)
        line.write(" kHz, LAPIC timer ")
        line.writeDecimal(LocalAPIC.timerTicksPerMillisecond)
        line.write(" ticks/ms, ")
        line.write(LocalAPIC.x2APIC ? "x2APIC" : "xAPIC")
    }
    Scheduler.initialize(cpuCount: Int(MAX_CPUS))
    DeferredWork.startWorker()
    FramebufferConsole.startRenderer()
    Interrupts.register(vector: InterruptVector.timer) {
        if SMP.currentIndex == 0 { Clock.tick() }
        Scheduler.timerTick()
        KernelTimers.runExpired()
        KPITime.tick()
    }
    LocalAPIC.startPeriodicTimer(vector: InterruptVector.timer, milliseconds: 1000 / Clock.hz)
    SerialConsole.enableInterrupts()
    PS2Keyboard.initialize()
    cpu_sti()
    ACPICA.initialize(rsdp: BootInfo.info?.rsdpBytes)   // after the IOAPICs (the SCI) and the clock
    ACPIEvents.install()                                // lid, battery, power-button notifications
    PCIACPIRouting.install()                            // INTx through _PRT (needs ACPICA and the PCI scan)
    SMP.startApplicationProcessors()
    KPISched.initialize()                               // LinuxKPI's workqueues and RCU (every CPU online)
    Softirq.startThreads()                              // LinuxKPI's tasklets, one thread per CPU
    log(.info) { line in
        line.write("boot: ready in ")
        line.writeDecimal(Clock.nanoseconds / 1_000_000)
        line.write(" ms")
    }

    BootModules.loadFromCommandLine()                  // modules=: after core init, on this thread (init may sleep)

    let suites = BootInfo.commandLine.list("ktest")
    if !suites.isEmpty { KernelTests.run(suites) }
    Shell.run()
}
