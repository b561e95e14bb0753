// SPDX-License-Identifier: GPL-2.0-only
// The bridge's "PCI and DMA" section, PCI part: the functions the PCI scan found, their BARs and
// configuration space, INTx/MSI/MSI-X interrupts as Linux irq numbers, and which driver owns a function.
// A function is named by its location: segment << 16 | bus << 8 | device << 3 | function.
import KernelCore

/// The Linux errno values the bridge returns (negated), from include/uapi/asm-generic/errno-base.h.
extension LinuxErrno {
    static let noMemory: Int32 = 12
    static let busy: Int32 = 16
    static let invalid: Int32 = 22
    static let noSpace: Int32 = 28
}

enum KPIPCI {
    static func address(_ location: UInt32) -> PCIAddress? {
        PCIAddress(segment: UInt16(truncatingIfNeeded: location >> 16), bus: UInt8(truncatingIfNeeded: location >> 8),
                   device: UInt8(truncatingIfNeeded: location >> 3) & 0x1F, function: UInt8(truncatingIfNeeded: location) & 7)
    }

    static func location(_ address: PCIAddress) -> UInt32 {
        UInt32(address.segment) << 16 | UInt32(address.bus) << 8 | UInt32(address.device) << 3 | UInt32(address.function)
    }

    /// Message-signalled interrupts a function has enabled through the bridge.
    private struct Enabled {
        var msi: [(address: PCIAddress, vector: UInt8, irq: UInt32)] = []
        var msix: [(address: PCIAddress, vectors: PCIMSIXVectors, irqs: [UInt32])] = []
    }
    nonisolated(unsafe) private static var enabled = Enabled()
    private static let lock = SpinLock()

    /// The one access path to `enabled`.
    private static func withEnabled<Result>(_ body: (inout Enabled) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `enabled`, on every CPU.
        lock.withLock { unsafe body(&enabled) }
    }

    static func enableMSI(_ address: PCIAddress) -> UInt32? {
        guard withEnabled({ state in !state.msi.contains { $0.address == address } && !state.msix.contains { $0.address == address } }),
              let function = PCI.function(at: address), let msi = function.msi else { return nil }
        // The handler needs the irq number, which needs the vector: a box filled in between.
        let box = LinuxIRQBox()
        guard let vector = PCIInterrupts.enableMSI(address, handler: { box.handle() }) else { return nil }
        let irq = LinuxIRQ.allocateMessageIRQ(.msi(address, maskOffset: msi.maskOffset), vector: vector)
        box.descriptor = LinuxIRQ.descriptor(irq)
        withEnabled { $0.msi.append((address, vector, irq)) }
        return irq
    }

    /// Turns MSI off; false while one of its irqs still has a handler.
    static func disableMSI(_ address: PCIAddress) -> Bool {
        guard let entry = withEnabled({ $0.msi.first { $0.address == address } }) else { return true }
        guard LinuxIRQ.releaseMessageIRQ(entry.irq) else { return false }
        PCIInterrupts.disableMSI(address, vector: entry.vector)
        withEnabled { $0.msi.removeAll { $0.address == address } }
        return true
    }

    static func enableMSIX(_ address: PCIAddress, count: Int) -> [UInt32]? {
        guard count > 0, withEnabled({ state in !state.msi.contains { $0.address == address } && !state.msix.contains { $0.address == address } })
        else { return nil }
        let boxes = (0..<count).map { _ in LinuxIRQBox() }
        guard let vectors = PCIInterrupts.enableMSIX(address, count: count, handler: { entry in boxes[entry].handle() })
        else { return nil }
        var irqs: [UInt32] = []
        for entry in 0..<count {
            let irq = LinuxIRQ.allocateMessageIRQ(.msix(vectors, entry: entry), vector: vectors.vectors[entry])
            boxes[entry].descriptor = LinuxIRQ.descriptor(irq)
            irqs.append(irq)
        }
        withEnabled { $0.msix.append((address, vectors, irqs)) }
        return irqs
    }

    /// Turns MSI-X off; false while one of its irqs still has a handler.
    static func disableMSIX(_ address: PCIAddress) -> Bool {
        guard let entry = withEnabled({ $0.msix.first { $0.address == address } }) else { return true }
        if entry.irqs.contains(where: { LinuxIRQ.hasActions($0) }) { return false }
        for irq in entry.irqs { _ = LinuxIRQ.releaseMessageIRQ(irq) }
        PCIInterrupts.disableMSIX(entry.vectors)
        withEnabled { $0.msix.removeAll { $0.address == address } }
        return true
    }
}

/// Carries a message-signalled irq's descriptor to its vector handler once the number is known.
final class LinuxIRQBox: @unchecked Sendable {
    /// Written once before the source is unmasked by request_irq; read by the handler.
    var descriptor: LinuxIRQDescriptor?

    func handle() {
        if let descriptor { LinuxIRQ.handle(descriptor) }
    }
}

/// Function `index` in address order: false past the end. `ids` receives vendor, device, subsystem
/// vendor, subsystem device; `classRevision` class << 8 | revision; `headerPin` header type << 8 | pin;
/// `configSize` 4096 (ECAM) or 256.
@_cdecl("apus_pci_function")
func apus_pci_function(_ index: UInt32, _ location: UnsafeMutablePointer<UInt32>, _ ids: UnsafeMutablePointer<UInt16>,
                       _ classRevision: UnsafeMutablePointer<UInt32>, _ headerPin: UnsafeMutablePointer<UInt16>,
                       _ configSize: UnsafeMutablePointer<UInt32>) -> Bool {
    let functions = PCI.functions
    guard Int(index) < functions.count else { return false }
    let function = functions[Int(index)]
    let header = function.header
    // SAFETY: the C caller passes valid out-pointers, `ids` to four elements (bridge.h).
    unsafe location.pointee = KPIPCI.location(function.address)
    unsafe ids[0] = header.vendorID
    unsafe ids[1] = header.deviceID
    unsafe ids[2] = header.subsystemVendorID
    unsafe ids[3] = header.subsystemID
    unsafe classRevision.pointee = UInt32(header.classCode) << 24 | UInt32(header.subclass) << 16
        | UInt32(header.programmingInterface) << 8 | UInt32(header.revision)
    let layout: UInt16
    switch header.layout {
    case .general: layout = 0
    case .bridge: layout = 1
    case .cardBus: layout = 2
    case .unknown(let type): layout = UInt16(type)
    }
    unsafe headerPin.pointee = (layout | (header.isMultiFunction ? 0x80 : 0)) << 8 | UInt16(header.interruptPin)
    unsafe configSize.pointee = PCIConfigAccess.hasECAM(for: function.address) ? 4096 : 256
    return true
}

/// BAR `bar` of the function: its kind (0 none, 1 I/O, 2 memory 32-bit, 3 memory 64-bit, 4 memory
/// below 1 MiB; | 8 when prefetchable) with start and size.
@_cdecl("apus_pci_bar")
func apus_pci_bar(_ location: UInt32, _ bar: Int32, _ start: UnsafeMutablePointer<UInt64>,
                  _ size: UnsafeMutablePointer<UInt64>) -> Int32 {
    guard let address = KPIPCI.address(location), let found = PCI.function(at: address)?.bar(Int(bar)) else { return 0 }
    // SAFETY: valid out-pointers from the C caller.
    unsafe start.pointee = found.address
    unsafe size.pointee = found.size
    let kind: Int32
    switch found.kind {
    case .io: kind = 1
    case .memory32: kind = 2
    case .memory64: kind = 3
    case .memoryBelow1M: kind = 4
    }
    return kind | (found.prefetchable ? 8 : 0)
}

/// Reads `size` (1, 2 or 4) bytes at `offset`, which must be aligned to the size; all ones when outside
/// the function's configuration space (as an absent device answers).
@_cdecl("apus_pci_config_read")
func apus_pci_config_read(_ location: UInt32, _ offset: Int32, _ size: Int32) -> UInt32 {
    guard let address = KPIPCI.address(location), offset >= 0, offset < 4096, offset % size == 0 else { return 0xFFFF_FFFF }
    switch size {
    case 1: return UInt32(PCIConfigAccess.read8(address, Int(offset)))
    case 2: return UInt32(PCIConfigAccess.read16(address, Int(offset)))
    case 4: return PCIConfigAccess.read32(address, Int(offset))
    default: return 0xFFFF_FFFF
    }
}

/// Writes `size` (1, 2 or 4) bytes at `offset` (aligned to the size); false when out of range.
@_cdecl("apus_pci_config_write")
func apus_pci_config_write(_ location: UInt32, _ offset: Int32, _ size: Int32, _ value: UInt32) -> Bool {
    guard let address = KPIPCI.address(location), offset >= 0, offset < 4096, offset % size == 0 else { return false }
    switch size {
    case 1: PCIConfigAccess.write8(address, Int(offset), UInt8(truncatingIfNeeded: value))
    case 2: PCIConfigAccess.write16(address, Int(offset), UInt16(truncatingIfNeeded: value))
    case 4: PCIConfigAccess.write32(address, Int(offset), value)
    default: return false
    }
    return true
}

/// The Linux irq of the function's INTx pin (its GSI through ACPI _PRT or the firmware), 0 without one.
@_cdecl("apus_pci_intx_irq")
func apus_pci_intx_irq(_ location: UInt32) -> UInt32 {
    guard let address = KPIPCI.address(location), let function = PCI.function(at: address),
          let route = PCIInterrupts.intxRoute(function) else { return 0 }
    return LinuxIRQ.gsiIRQ(route) ?? 0
}

/// Enables MSI (one message) and returns its irq in `irq`; -ENOSPC without MSI or free vectors, -EBUSY
/// when MSI or MSI-X is already on.
@_cdecl("apus_pci_enable_msi")
func apus_pci_enable_msi(_ location: UInt32, _ irq: UnsafeMutablePointer<UInt32>) -> Int32 {
    guard let address = KPIPCI.address(location), let given = KPIPCI.enableMSI(address) else { return -LinuxErrno.noSpace }
    // SAFETY: a valid out-pointer from the C caller.
    unsafe irq.pointee = given
    return 0
}

/// Turns MSI off; -EBUSY (nothing changes) while its irq still has a handler.
@_cdecl("apus_pci_disable_msi")
func apus_pci_disable_msi(_ location: UInt32) -> Int32 {
    guard let address = KPIPCI.address(location) else { return -LinuxErrno.invalid }
    return KPIPCI.disableMSI(address) ? 0 : -LinuxErrno.busy
}

/// Enables MSI-X entries 0..<count and writes their irqs to `irqs`; -ENOSPC when the function has fewer
/// entries or the vectors run out.
@_cdecl("apus_pci_enable_msix")
func apus_pci_enable_msix(_ location: UInt32, _ count: Int32, _ irqs: UnsafeMutablePointer<UInt32>) -> Int32 {
    guard let address = KPIPCI.address(location), count > 0,
          let given = KPIPCI.enableMSIX(address, count: Int(count)) else { return -LinuxErrno.noSpace }
    for (index, irq) in given.enumerated() {
        // SAFETY: the C caller passes room for `count` irqs.
        unsafe irqs[index] = irq
    }
    return 0
}

/// Turns MSI-X off; -EBUSY (nothing changes) while one of its irqs still has a handler.
@_cdecl("apus_pci_disable_msix")
func apus_pci_disable_msix(_ location: UInt32) -> Int32 {
    guard let address = KPIPCI.address(location) else { return -LinuxErrno.invalid }
    return KPIPCI.disableMSIX(address) ? 0 : -LinuxErrno.busy
}

/// Records that driver `name` (a C string) owns the function, or with NULL that none does.
@_cdecl("apus_pci_bind")
func apus_pci_bind(_ location: UInt32, _ name: UnsafePointer<CChar>?) {
    guard let address = KPIPCI.address(location) else { return }
    guard let name = unsafe name else {
        PCI.unbind(address)
        return
    }
    var bytes: [UInt8] = []
    var index = 0
    // SAFETY: a NUL-terminated driver name from the C caller; at most 64 bytes are read.
    while index < 64, unsafe name[index] != 0 {
        bytes.append(UInt8(bitPattern: unsafe name[index]))
        index += 1
    }
    _ = PCI.bind(driver: bytes, to: address)
}
