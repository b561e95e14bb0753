// SPDX-License-Identifier: GPL-2.0-only
// ACPICA's OS services layer (acpi_os_*), Swift part: memory, port and memory-mapped registers, PCI
// configuration space, locks, semaphores, deferred calls, time, the SCI and the root pointer. The entry
// points with varargs or ACPICA structures are C: LinuxKPI/src/acpi_osl.c. Each signature below matches
// include/acpi/acpiosxf.h of linux-source-6.1 (acpi_status = UInt32, acpi_size = UInt, u64 addresses).
//
// Concurrency: the kernel runs on one CPU with no scheduler. A spinlock is therefore an interrupts-off
// section; a semaphore is a counter changed with interrupts off, and waiting on it busy-waits (interrupts
// on, so an interrupt handler can signal it) against the TSC clock until its timeout. Code holding
// interrupts off can never be signalled, so such a wait fails at once instead of hanging.
import KernelCore
import KernelSupport

enum ACPIStatus {
    static let ok: UInt32 = 0
    static let error: UInt32 = 0x0001
    static let noMemory: UInt32 = 0x0004
    static let notExist: UInt32 = 0x0006
    static let alreadyExists: UInt32 = 0x0007
    static let limit: UInt32 = 0x0010
    static let time: UInt32 = 0x0011
    static let badParameter: UInt32 = 0x1001
}

// MARK: Memory

@_cdecl("acpi_os_allocate")
func acpiOSAllocate(_ size: UInt) -> UnsafeMutableRawPointer? {
    unsafe KernelHeap.allocate(size: Int(size), alignment: 16)
}

@_cdecl("acpi_os_free")
func acpiOSFree(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer = unsafe pointer else { return }
    unsafe KernelHeap.free(pointer)
}

/// Physical ranges as ACPICA sees them: RAM (and whatever shares its 2 MiB chunks) through the direct map;
/// anything else (device registers, firmware areas outside RAM) mapped uncached once and kept, because
/// ACPICA maps and unmaps the same registers over and over and the MMIO area is never reclaimed.
enum ACPIMappings {
    private struct Mapping {
        let physical: UInt64    // page-aligned
        let length: UInt64      // whole pages
        let virtual: UInt64
    }
    nonisolated(unsafe) private static var mappings: [Mapping] = []
    private static let lock = SpinLock()

    static func map(physical: UInt64, length: UInt64) -> UInt64 {
        let first = physical & ~0xFFF
        let end = (physical + max(length, 1) + 0xFFF) & ~0xFFF
        let tables = PageTables.active
        var page = first
        while page < end, tables.translate(PhysicalMemory.virtualAddress(of: page)) != nil { page += 0x1000 }
        if page >= end { return PhysicalMemory.virtualAddress(of: physical) }
        // SAFETY: `lock` serialises every access to `mappings`, on every CPU.
        return lock.withLock {
            if let found = unsafe mappings.first(where: { $0.physical <= first && end <= $0.physical + $0.length }) {
                return found.virtual + (physical - found.physical)
            }
            let virtual = KernelMemory.mapMMIO(physical: first, length: end - first)
            unsafe mappings.append(Mapping(physical: first, length: end - first, virtual: virtual))
            return virtual + (physical - first)
        }
    }
}

@_cdecl("acpi_os_map_memory")
func acpiOSMapMemory(_ physical: UInt64, _ length: UInt) -> UnsafeMutableRawPointer? {
    unsafe UnsafeMutableRawPointer(bitPattern: UInt(ACPIMappings.map(physical: physical, length: UInt64(length))))
}

/// Mappings are kept (see ACPIMappings); the direct map needs no unmapping.
@_cdecl("acpi_os_unmap_memory")
func acpiOSUnmapMemory(_ virtual: UnsafeMutableRawPointer?, _ length: UInt) {}

// MARK: Registers

@_cdecl("acpi_os_read_port")
func acpiOSReadPort(_ address: UInt64, _ value: UnsafeMutablePointer<UInt32>?, _ width: UInt32) -> UInt32 {
    guard let value = unsafe value, address <= 0xFFFF else { return ACPIStatus.badParameter }
    let port = UInt16(address)
    let read: UInt32
    switch width {
    case 8: read = UInt32(cpu_inb(port))
    case 16: read = UInt32(cpu_inw(port))
    case 32: read = cpu_inl(port)
    default: return ACPIStatus.badParameter
    }
    // SAFETY: ACPICA passes a pointer to its own u32.
    unsafe value.pointee = read
    return ACPIStatus.ok
}

@_cdecl("acpi_os_write_port")
func acpiOSWritePort(_ address: UInt64, _ value: UInt32, _ width: UInt32) -> UInt32 {
    guard address <= 0xFFFF else { return ACPIStatus.badParameter }
    let port = UInt16(address)
    switch width {
    case 8: cpu_outb(port, UInt8(truncatingIfNeeded: value))
    case 16: cpu_outw(port, UInt16(truncatingIfNeeded: value))
    case 32: cpu_outl(port, value)
    default: return ACPIStatus.badParameter
    }
    return ACPIStatus.ok
}

@_cdecl("acpi_os_read_memory")
func acpiOSReadMemory(_ address: UInt64, _ value: UnsafeMutablePointer<UInt64>?, _ width: UInt32) -> UInt32 {
    guard let value = unsafe value, [8, 16, 32, 64].contains(width) else { return ACPIStatus.badParameter }
    let virtual = ACPIMappings.map(physical: address, length: UInt64(width / 8))
    // SAFETY: `virtual` maps the register (ACPIMappings); the access has the width firmware asked for.
    let raw = unsafe UnsafeRawPointer(bitPattern: UInt(virtual))!
    let read: UInt64
    switch width {
    case 8: read = UInt64(unsafe raw.load(as: UInt8.self))
    case 16: read = UInt64(unsafe raw.load(as: UInt16.self))
    case 32: read = UInt64(unsafe mmio_read32(virtual))
    default: read = unsafe mmio_read64(virtual)
    }
    // SAFETY: ACPICA passes a pointer to its own u64.
    unsafe value.pointee = read
    return ACPIStatus.ok
}

@_cdecl("acpi_os_write_memory")
func acpiOSWriteMemory(_ address: UInt64, _ value: UInt64, _ width: UInt32) -> UInt32 {
    guard [8, 16, 32, 64].contains(width) else { return ACPIStatus.badParameter }
    let virtual = ACPIMappings.map(physical: address, length: UInt64(width / 8))
    // SAFETY: as in acpi_os_read_memory.
    let raw = unsafe UnsafeMutableRawPointer(bitPattern: UInt(virtual))!
    switch width {
    case 8: unsafe raw.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
    case 16: unsafe raw.storeBytes(of: UInt16(truncatingIfNeeded: value), as: UInt16.self)
    case 32: unsafe mmio_write32(virtual, UInt32(truncatingIfNeeded: value))
    default: unsafe mmio_write64(virtual, value)
    }
    return ACPIStatus.ok
}

/// PCI configuration space for ACPICA, through the PCI layer (ECAM where the MCFG covers the bus, else
/// ports 0xCF8/0xCFC), so both share one lock. Absent functions read as all ones.
enum PCIConfigurationAccess {
    static func read(segment: UInt16, bus: UInt16, device: UInt16, function: UInt16, register: UInt32,
                     width: UInt32) -> UInt64 {
        guard let address = PCIAddress(segment: segment, bus: UInt8(truncatingIfNeeded: bus),
                                       device: UInt8(truncatingIfNeeded: device),
                                       function: UInt8(truncatingIfNeeded: function)),
              register < 4096 else { return UInt64.max }
        let offset = Int(register)
        switch width {
        case 8: return UInt64(PCIConfigAccess.read8(address, offset))
        case 16: return UInt64(PCIConfigAccess.read16(address, offset))
        case 64: return UInt64(PCIConfigAccess.read32(address, offset)) | UInt64(PCIConfigAccess.read32(address, offset + 4)) << 32
        default: return UInt64(PCIConfigAccess.read32(address, offset))
        }
    }

    static func write(segment: UInt16, bus: UInt16, device: UInt16, function: UInt16, register: UInt32,
                      value: UInt64, width: UInt32) {
        guard let address = PCIAddress(segment: segment, bus: UInt8(truncatingIfNeeded: bus),
                                       device: UInt8(truncatingIfNeeded: device),
                                       function: UInt8(truncatingIfNeeded: function)),
              register < 4096 else { return }
        let offset = Int(register)
        switch width {
        case 8: PCIConfigAccess.write8(address, offset, UInt8(truncatingIfNeeded: value))
        case 16: PCIConfigAccess.write16(address, offset, UInt16(truncatingIfNeeded: value))
        case 64:
            PCIConfigAccess.write32(address, offset, UInt32(truncatingIfNeeded: value))
            PCIConfigAccess.write32(address, offset + 4, UInt32(truncatingIfNeeded: value >> 32))
        default: PCIConfigAccess.write32(address, offset, UInt32(truncatingIfNeeded: value))
        }
    }
}

@_cdecl("apus_acpi_pci_config_read")
func acpiPCIConfigRead(_ segment: UInt16, _ bus: UInt16, _ device: UInt16, _ function: UInt16,
                       _ register: UInt32, _ width: UInt32) -> UInt64 {
    PCIConfigurationAccess.read(segment: segment, bus: bus, device: device, function: function,
                                register: register, width: width)
}

@_cdecl("apus_acpi_pci_config_write")
func acpiPCIConfigWrite(_ segment: UInt16, _ bus: UInt16, _ device: UInt16, _ function: UInt16,
                        _ register: UInt32, _ value: UInt64, _ width: UInt32) {
    PCIConfigurationAccess.write(segment: segment, bus: bus, device: device, function: function,
                                 register: register, value: value, width: width)
}

// MARK: Locks and semaphores

/// A lock handle is a zeroed heap word used as a spinlock; acquire also turns interrupts off and returns
/// the previous interrupt flag, which release restores.
@_cdecl("acpi_os_create_lock")
func acpiOSCreateLock(_ handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> UInt32 {
    guard let handle = unsafe handle else { return ACPIStatus.badParameter }
    guard let lock = unsafe KernelHeap.allocate(size: 8, alignment: 8) else { return ACPIStatus.noMemory }
    // SAFETY: 8 fresh bytes, 8-aligned: the unlocked lock word.
    unsafe lock.storeBytes(of: UInt64(0), as: UInt64.self)
    // SAFETY: ACPICA passes a pointer to its handle variable.
    unsafe handle.pointee = lock
    return ACPIStatus.ok
}

@_cdecl("acpi_os_delete_lock")
func acpiOSDeleteLock(_ lock: UnsafeMutableRawPointer?) { unsafe acpiOSFree(lock) }

@_cdecl("acpi_os_acquire_lock")
func acpiOSAcquireLock(_ lock: UnsafeMutableRawPointer?) -> UInt {
    let flags = UInt(cpu_read_rflags() & (1 << 9))
    cpu_cli()
    // SAFETY: a handle made by acpi_os_create_lock: an aligned word that lives until delete.
    if let lock = unsafe lock { unsafe spin_lock_word(lock.assumingMemoryBound(to: UInt32.self)) }
    return flags
}

@_cdecl("acpi_os_release_lock")
func acpiOSReleaseLock(_ lock: UnsafeMutableRawPointer?, _ flags: UInt) {
    // SAFETY: as in acpi_os_acquire_lock.
    if let lock = unsafe lock { unsafe spin_unlock_word(lock.assumingMemoryBound(to: UInt32.self)) }
    if flags & (1 << 9) != 0 { cpu_sti() }
}

/// Guards every ACPICA semaphore's counters (they are few and rarely contended).
private let semaphoreLock = SpinLock()

/// A semaphore: two UInt32 on the heap, [0] units available, [1] the maximum.
@_cdecl("acpi_os_create_semaphore")
func acpiOSCreateSemaphore(_ maxUnits: UInt32, _ initialUnits: UInt32,
                           _ handle: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> UInt32 {
    guard let handle = unsafe handle, initialUnits <= maxUnits else { return ACPIStatus.badParameter }
    guard let memory = unsafe KernelHeap.allocate(size: 8, alignment: 8) else { return ACPIStatus.noMemory }
    // SAFETY: 8 fresh bytes, 8-aligned, hold the two counters.
    let counters = unsafe memory.bindMemory(to: UInt32.self, capacity: 2)
    unsafe counters[0] = initialUnits
    unsafe counters[1] = maxUnits
    // SAFETY: ACPICA passes a pointer to its handle variable.
    unsafe handle.pointee = memory
    return ACPIStatus.ok
}

@_cdecl("acpi_os_delete_semaphore")
func acpiOSDeleteSemaphore(_ semaphore: UnsafeMutableRawPointer?) -> UInt32 {
    guard unsafe semaphore != nil else { return ACPIStatus.badParameter }
    unsafe acpiOSFree(semaphore)
    return ACPIStatus.ok
}

/// Waits for `units`; `timeout` in milliseconds, 0xFFFF forever, 0 not at all.
@_cdecl("acpi_os_wait_semaphore")
func acpiOSWaitSemaphore(_ semaphore: UnsafeMutableRawPointer?, _ units: UInt32, _ timeout: UInt16) -> UInt32 {
    guard let semaphore = unsafe semaphore else { return ACPIStatus.badParameter }
    // SAFETY: a handle made by acpi_os_create_semaphore.
    let counters = unsafe semaphore.assumingMemoryBound(to: UInt32.self)
    let deadline = timeout == 0xFFFF ? UInt64.max : Clock.nanoseconds + UInt64(timeout) * 1_000_000
    while true {
        // SAFETY: the counters change only under `semaphoreLock`.
        let taken = semaphoreLock.withLock { () -> Bool in
            guard unsafe counters[0] >= units else { return false }
            unsafe counters[0] -= units
            return true
        }
        if taken { return ACPIStatus.ok }
        if timeout == 0 || Clock.nanoseconds >= deadline { return ACPIStatus.time }
        if !interruptsEnabled && SMP.onlineCount == 1 {
            // Nothing can signal it: no other CPU or thread, and no interrupt while they are off.
            log(.error, "acpi: semaphore wait with interrupts off would never end; failing it")
            return ACPIStatus.time
        }
        cpu_pause()
    }
}

@_cdecl("acpi_os_signal_semaphore")
func acpiOSSignalSemaphore(_ semaphore: UnsafeMutableRawPointer?, _ units: UInt32) -> UInt32 {
    guard let semaphore = unsafe semaphore else { return ACPIStatus.badParameter }
    // SAFETY: a handle made by acpi_os_create_semaphore.
    let counters = unsafe semaphore.assumingMemoryBound(to: UInt32.self)
    // SAFETY: the counters change only under `semaphoreLock`.
    return semaphoreLock.withLock {
        guard unsafe UInt64(counters[0]) + UInt64(units) <= UInt64(counters[1]) else { return ACPIStatus.limit }
        unsafe counters[0] += units
        return ACPIStatus.ok
    }
}

// MARK: Deferred calls and time

/// Notify handlers, GPE methods and the like: queued, run by DeferredWork from the shell's idle loop (the
/// only process context there is), never inside the interrupt that asked for them.
@_cdecl("acpi_os_execute")
func acpiOSExecute(_ type: UInt32, _ function: DeferredWork.Callback?, _ context: UnsafeMutableRawPointer?) -> UInt32 {
    guard let function = unsafe function else { return ACPIStatus.badParameter }
    unsafe DeferredWork.enqueue(function, context: context)
    return ACPIStatus.ok
}

/// Runs what acpi_os_execute queued (ACPICA calls this from process context, e.g. removing handlers).
@_cdecl("acpi_os_wait_events_complete")
func acpiOSWaitEventsComplete() { DeferredWork.runPending() }

@_cdecl("acpi_os_sleep")
func acpiOSSleep(_ milliseconds: UInt64) { Clock.delay(nanoseconds: milliseconds * 1_000_000) }

@_cdecl("acpi_os_stall")
func acpiOSStall(_ microseconds: UInt32) { Clock.delay(nanoseconds: UInt64(microseconds) * 1000) }

/// A monotonic timer in 100 ns units.
@_cdecl("acpi_os_get_timer")
func acpiOSGetTimer() -> UInt64 { Clock.nanoseconds / 100 }

// MARK: Interrupts

/// The SCI: routed through the IOAPIC (level, active low unless an override says otherwise) to the ISA
/// vector range, `isaBase + number`.
@_cdecl("acpi_os_install_interrupt_handler")
func acpiOSInstallInterruptHandler(_ number: UInt32, _ handler: (@convention(c) (UnsafeMutableRawPointer?) -> UInt32)?,
                                   _ context: UnsafeMutableRawPointer?) -> UInt32 {
    guard let handler = unsafe handler, number < 24 else { return ACPIStatus.badParameter }
    let vector = InterruptVector.isaBase + UInt8(number)
    // SAFETY: ACPICA's handler and context stay valid until acpi_os_remove_interrupt_handler.
    Interrupts.register(vector: vector) { _ = unsafe handler(context) }
    guard IRQRouting.routeACPI(number: number, vector: vector) else {
        Interrupts.unregister(vector: vector)
        return ACPIStatus.notExist
    }
    log(.info) { line in
        line.write("acpi: SCI on IRQ ")
        line.writeDecimal(number)
        line.write(", vector ")
        line.writeHex(UInt64(vector), digits: 2)
    }
    return ACPIStatus.ok
}

@_cdecl("acpi_os_remove_interrupt_handler")
func acpiOSRemoveInterruptHandler(_ number: UInt32, _ handler: (@convention(c) (UnsafeMutableRawPointer?) -> UInt32)?) -> UInt32 {
    guard number < 24 else { return ACPIStatus.badParameter }
    IRQRouting.maskACPI(number: number)
    Interrupts.unregister(vector: InterruptVector.isaBase + UInt8(number))
    return ACPIStatus.ok
}

// MARK: Tables and messages

/// The RSDP's physical address: the copy ACPICA.initialize kept on the heap (see there).
@_cdecl("acpi_os_get_root_pointer")
func acpiOSGetRootPointer() -> UInt64 { ACPICA.rootPointer }

/// ACPICA's printf output, in fragments: joined into lines for the kernel log.
enum ACPIMessages {
    nonisolated(unsafe) private static var pending: [UInt8] = []
    private static let lock = SpinLock()

    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        // SAFETY: `lock` serialises every access to `pending`, on every CPU.
        lock.withLock {
            for index in 0..<bytes.count {
                let byte = unsafe bytes[index]
                if byte == 0x0A {
                    unsafe emit(pending)
                    unsafe pending.removeAll(keepingCapacity: true)
                } else if unsafe pending.count < 240 {
                    unsafe pending.append(byte)
                }
            }
        }
    }

    private static func emit(_ line: [UInt8]) {
        guard !line.isEmpty else { return }
        let level: LogLevel
        if Self.contains(line, "Error") || Self.contains(line, "Exception") { level = .error }
        else if Self.contains(line, "Warning") { level = .warning }
        else { level = .info }
        log(level) { $0.write(contentsOf: line) }
    }

    private static func contains(_ line: [UInt8], _ word: StaticString) -> Bool {
        let needle = unsafe word.bytes
        guard line.count >= needle.count else { return false }
        for start in 0...(line.count - needle.count) {
            var match = true
            for index in 0..<needle.count where unsafe line[start + index] != needle[index] {
                match = false
                break
            }
            if match { return true }
        }
        return false
    }
}

@_cdecl("apus_acpi_log_write")
func acpiLogWrite(_ text: UnsafePointer<CChar>?, _ length: Int) {
    guard let text = unsafe text, length > 0 else { return }
    // SAFETY: acpi_osl.c passes `length` bytes of its buffer.
    unsafe ACPIMessages.write(UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: length))
}
