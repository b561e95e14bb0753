// SPDX-License-Identifier: GPL-2.0-only
// ACPI through ACPICA (the AML interpreter of linux-source-6.1, built by scripts/build): start-up, the
// table list, evaluating namespace objects, PCI interrupt routing (_PRT), the power button and S5. The C
// side of the bridge is LinuxKPI/src/acpi_api.c; the OS services ACPICA calls are OSServices.swift.
import KernelCore
import KernelSupport

enum ACPICA {
    private struct State {
        var ready = false
        var rootPointer: UInt64 = 0
    }
    /// Written during single-threaded boot, read-only afterwards.
    nonisolated(unsafe) private static var state = State()
    // SAFETY: see `state`.
    private static var current: State { unsafe state }

    /// Whether ACPICA initialised: its namespace is loaded and ACPI mode is on.
    static var isReady: Bool { current.ready }
    /// The RSDP's physical address for acpi_os_get_root_pointer.
    static var rootPointer: UInt64 { current.rootPointer }

    /// Brings ACPICA up from the RSDP the boot loader passed, and installs the power-button handler.
    /// Needs the heap, the IOAPICs (the SCI) and the clock; on failure the static tables stay in charge.
    ///
    /// The root pointer: Multiboot2 hands over a copy of the RSDP, not its address (on UEFI it is not in
    /// the BIOS area at all). ACPICA wants a physical address, so the copy goes to the heap, which lives in
    /// the direct map: its physical address is the pointer minus the direct-map base, and ACPICA maps it
    /// back there (acpi_os_map_memory). Without the tag (GRUB always passes one) ACPICA is not started.
    static func initialize(rsdp: [UInt8]?) {
        var root: UInt64 = 0
        if let rsdp, !rsdp.isEmpty, let copy = unsafe KernelHeap.allocate(size: rsdp.count, alignment: 16) {
            // SAFETY: `copy` holds rsdp.count fresh bytes; it is never freed (ACPICA may re-read it).
            unsafe rsdp.withUnsafeBytes { unsafe copy.copyMemory(from: $0.baseAddress!, byteCount: rsdp.count) }
            root = unsafe PhysicalMemory.physicalAddress(of: copy)
        }
        unsafe state.rootPointer = root
        guard root != 0 else {
            log(.warning, "acpica: no RSDP; ACPICA not started")
            return
        }
        var step: UnsafePointer<CChar>? = nil
        let status = unsafe apus_acpica_initialize(&step)
        guard status == ACPIStatus.ok else {
            log(.error) { line in
                line.write("acpica: ")
                if let step = unsafe step { unsafe line.write(cString: step) }
                line.write(" failed: ")
                unsafe line.write(cString: apus_acpica_status_name(status))
                line.write("; poweroff falls back to the static \\_S5 path")
            }
            return
        }
        unsafe state.ready = true
        let button = unsafe apus_acpica_install_power_button_handler(powerButtonPressed)
        if button != ACPIStatus.ok {
            log(.warning) { line in
                line.write("acpica: no power button handler: ")
                unsafe line.write(cString: apus_acpica_status_name(button))
            }
        }
        log(.info) { line in
            line.write("acpica: namespace loaded, ")
            line.writeDecimal(tables.count)
            line.write(" tables, ACPI mode on")
        }
    }

    /// The power button's fixed event, in interrupt context: powering off evaluates AML (which takes the
    /// interpreter's mutex, perhaps held by the interrupted code), so it is deferred to process context.
    private static let powerButtonPressed: @convention(c) (UnsafeMutableRawPointer?) -> UInt32 = { _ in
        unsafe DeferredWork.enqueue({ _ in
            log(.notice, "acpi: power button pressed; powering off")
            let failure = Power.powerOff()
            log(.error) { line in
                line.write("acpi: poweroff failed: ")
                line.write(failure)
            }
        }, context: nil)
        return 1                                        // ACPI_INTERRUPT_HANDLED
    }

    /// Enters S5 through ACPICA (_PTS, then SLP_TYP/SLP_EN); returns only on failure, with ACPICA's status.
    static func enterS5() -> UInt32 {
        apus_acpica_enter_sleep_state(5)
    }

    /// ACPICA's \_S5 sleep type values, or nil.
    static var s5SleepType: (a: UInt8, b: UInt8)? {
        guard isReady else { return nil }
        var a: UInt8 = 0
        var b: UInt8 = 0
        guard unsafe apus_acpica_sleep_type(5, &a, &b) == ACPIStatus.ok else { return nil }
        return (a, b)
    }

    // MARK: Tables

    struct Table {
        let signature: [UInt8]
        let oemID: [UInt8]
        let oemTableID: [UInt8]
        let address: UInt64
        let bytes: [UInt8]
        /// Whether the table has a checksum (every table but the FACS).
        var hasChecksum: Bool { !signature.elementsEqual("FACS".utf8) }
        var checksumOK: Bool { ACPICA.checksumOK(bytes) }
    }

    /// Every table of ACPICA's root table list, copied.
    static var tables: [Table] {
        guard isReady else { return [] }
        var found: [Table] = []
        var index: UInt32 = 0
        while true {
            var raw = unsafe apus_acpi_table(header: nil, address: 0, length: 0, signature: (0, 0, 0, 0),
                                      oem_id: (0, 0, 0, 0, 0, 0), oem_table_id: (0, 0, 0, 0, 0, 0, 0, 0))
            guard unsafe apus_acpica_table(index, &raw) == ACPIStatus.ok, let header = unsafe raw.header else { break }
            // SAFETY: ACPICA keeps the table mapped, `length` bytes long.
            let bytes = unsafe Array(UnsafeBufferPointer(start: header, count: Int(raw.length)))
            found.append(unsafe Table(signature: Array(bytes.prefix(4)),
                               oemID: unsafe withUnsafeBytes(of: raw.oem_id) { unsafe Array($0) },
                               oemTableID: unsafe withUnsafeBytes(of: raw.oem_table_id) { unsafe Array($0) },
                               address: raw.address, bytes: bytes))
            index += 1
        }
        return found
    }

    /// Whether the bytes of a table sum to zero modulo 256 (ACPI 6.5 section 5.2.6).
    static func checksumOK(_ bytes: [UInt8]) -> Bool {
        var sum: UInt8 = 0
        for byte in bytes { sum &+= byte }
        return sum == 0
    }

    // MARK: Namespace

    /// An evaluated object, copied out of ACPICA.
    indirect enum Value {
        case integer(UInt64)
        case string([UInt8])
        case buffer([UInt8])
        case package([Value])
        case reference([UInt8])
        case other(UInt32)
    }

    enum EvaluationError: Error {
        case status(UInt32)
    }

    /// Evaluates the object at absolute path `path` (e.g. `\_SB.PCI0._CRS`) without arguments.
    static func evaluate(_ path: [UInt8]) throws(EvaluationError) -> Value {
        guard isReady else { throw .status(ACPIStatus.error) }
        var result: UnsafeRawPointer? = nil
        let status = unsafe withCString(path) { unsafe apus_acpica_evaluate($0, &result) }
        guard status == ACPIStatus.ok, let object = unsafe result else { throw .status(status) }
        defer { unsafe apus_acpica_release(object) }
        return unsafe value(of: object)
    }

    /// Evaluates the method at `path` with one Integer argument (e.g. `\_PIC`), discarding any result.
    static func call(_ path: [UInt8], integer: UInt64) throws(EvaluationError) {
        guard isReady else { throw .status(ACPIStatus.error) }
        let status = unsafe withCString(path) { unsafe apus_acpica_call_integer($0, integer) }
        guard status == ACPIStatus.ok else { throw .status(status) }
    }

    /// Evaluates the method at `path` with one Buffer argument (e.g. a link's `_SRS`), discarding any result.
    static func call(_ path: [UInt8], buffer: [UInt8]) throws(EvaluationError) {
        guard isReady else { throw .status(ACPIStatus.error) }
        let status = unsafe withCString(path) { name in
            unsafe buffer.withUnsafeBufferPointer { unsafe apus_acpica_call_buffer(name, $0.baseAddress, UInt32(buffer.count)) }
        }
        guard status == ACPIStatus.ok else { throw .status(status) }
    }

    private static func value(of object: UnsafeRawPointer) -> Value {
        let type = unsafe apus_acpica_object_type(object)
        switch type {
        case 1: return .integer(unsafe apus_acpica_object_integer(object))
        case 2, 3:
            var length: UInt32 = 0
            guard let bytes = unsafe apus_acpica_object_bytes(object, &length) else { return .other(type) }
            // SAFETY: ACPICA's object holds `length` bytes there.
            let copy = unsafe Array(UnsafeBufferPointer(start: bytes, count: Int(length)))
            return type == 2 ? .string(copy) : .buffer(copy)
        case 4:
            var elements: [Value] = []
            let count = unsafe apus_acpica_object_count(object)
            for index in 0..<count {
                if let element = unsafe apus_acpica_object_element(object, index) {
                    elements.append(unsafe value(of: element))
                }
            }
            return .package(elements)
        case 0x14:
            var name = [CChar](repeating: 0, count: 128)
            let status = unsafe apus_acpica_object_reference_path(object, &name, 128)
            guard status == ACPIStatus.ok else { return .other(type) }
            return .reference(name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        default:
            return .other(type)
        }
    }

    /// Whether a node exists at absolute path `path`.
    static func exists(_ path: [UInt8]) -> Bool {
        guard isReady else { return false }
        return unsafe withCString(path) { unsafe apus_acpica_path_exists($0) } != 0
    }

    /// The absolute paths of every Device in the namespace.
    static var devicePaths: [[UInt8]] {
        guard isReady else { return [] }
        var paths: [[UInt8]] = []
        unsafe withUnsafeMutablePointer(to: &paths) { pointer in
            _ = unsafe apus_acpica_walk_devices({ context, path in
                guard let context = unsafe context, let path = unsafe path else { return }
                // SAFETY: `context` is the array passed below, alive for the walk; `path` a C string.
                let list = unsafe context.assumingMemoryBound(to: [[UInt8]].self)
                unsafe list.pointee.append(cStringBytes(path))
            }, pointer)
        }
        return paths
    }

    // MARK: PCI interrupt routing

    /// One _PRT entry: the device's INTx pin goes to a GSI, or to input `index` of a link device.
    struct PCIRoute {
        enum Target {
            case gsi(UInt32)
            case link(path: [UInt8], index: UInt32)
        }
        /// The PCI device number on the bridge's secondary bus.
        let device: UInt16
        /// 0 = INTA … 3 = INTD.
        let pin: UInt8
        let target: Target
    }

    /// The interrupt routing of the PCI root bridge or bridge at `devicePath` (e.g. `\_SB.PCI0`), from its _PRT.
    static func pciRoutingTable(_ devicePath: [UInt8]) throws(EvaluationError) -> [PCIRoute] {
        guard isReady else { throw .status(ACPIStatus.error) }
        let capacity = 256
        var raw = [apus_acpi_route](repeating: apus_acpi_route(), count: capacity)
        var count: UInt32 = 0
        let status = unsafe withCString(devicePath) { path in
            unsafe raw.withUnsafeMutableBufferPointer { buffer in
                unsafe apus_acpica_routing_table(path, buffer.baseAddress, UInt32(capacity), &count)
            }
        }
        guard status == ACPIStatus.ok else { throw .status(status) }
        var routes: [PCIRoute] = []
        for entry in raw.prefix(min(Int(count), capacity)) {
            let source = unsafe withUnsafeBytes(of: entry.source) { bytes in unsafe Array(bytes.prefix { $0 != 0 }) }
            let target: PCIRoute.Target = source.isEmpty
                ? .gsi(entry.source_index) : .link(path: source, index: entry.source_index)
            routes.append(PCIRoute(device: UInt16(truncatingIfNeeded: entry.address >> 16),
                                   pin: UInt8(truncatingIfNeeded: entry.pin), target: target))
        }
        return routes
    }

    // MARK: C strings

    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        var terminated = bytes.map { CChar(bitPattern: $0) }
        terminated.append(0)
        return unsafe terminated.withUnsafeBufferPointer { unsafe body($0.baseAddress!) }
    }
}

/// The bytes of a NUL-terminated C string.
func cStringBytes(_ text: UnsafePointer<CChar>) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = 0
    // SAFETY: the caller passes a NUL-terminated string.
    while unsafe text[index] != 0 {
        bytes.append(UInt8(bitPattern: unsafe text[index]))
        index += 1
    }
    return bytes
}

extension TextSink {
    /// Appends a NUL-terminated C string.
    mutating func write(cString text: UnsafePointer<CChar>) {
        unsafe write(contentsOf: cStringBytes(text))
    }
}
