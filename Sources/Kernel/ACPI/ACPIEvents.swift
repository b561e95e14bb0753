// SPDX-License-Identifier: GPL-2.0-only
// Laptop ACPI devices and their events through ACPICA: lids (PNP0C0D), control-method batteries (PNP0C0A) and
// power buttons (PNP0C0C). Their notifications (Notify in AML, from a GPE method or an embedded-controller
// query on real machines) arrive in the `events` thread and become kernel log lines; `acpi battery` reads
// the batteries' _BIX/_BIF and _BST here.
import KernelCore
import KernelSupport

enum ACPIEvents {
    enum Kind {
        case lid, battery, powerButton

        var hardwareID: StaticString {
            switch self {
            case .lid: return "PNP0C0D"
            case .battery: return "PNP0C0A"
            case .powerButton: return "PNP0C0C"
            }
        }
    }

    struct Device {
        let kind: Kind
        /// The absolute namespace path, as ACPICA prints it (`\_SB_.LID0`).
        let path: [UInt8]
    }

    private struct State {
        var devices: [Device] = []
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// The devices found by `install`, in namespace order per kind.
    static var devices: [Device] { withState { $0.devices } }
    static var batteries: [Device] { devices.filter { $0.kind == .battery } }

    /// Finds the lids, batteries and power-button devices and installs a notify handler on each; logs what it
    /// found. Call once ACPICA is up, from the boot thread.
    static func install() {
        guard ACPICA.isReady else { return }
        for kind in [Kind.lid, .battery, .powerButton] {
            for path in paths(withID: kind.hardwareID) {
                let index = withState { state -> Int in
                    state.devices.append(Device(kind: kind, path: path))
                    return state.devices.count - 1
                }
                // The slot index travels as the context pointer (plus one: a null context would be ambiguous).
                let status = unsafe withCString(path) { name in
                    unsafe apus_acpica_install_notify_handler(name, notified, UnsafeMutableRawPointer(bitPattern: index + 1))
                }
                logFound(Device(kind: kind, path: path), status: status)
            }
        }
    }

    private static func paths(withID id: StaticString) -> [[UInt8]] {
        var paths: [[UInt8]] = []
        unsafe withUnsafeMutablePointer(to: &paths) { pointer in
            _ = id.withUTF8Buffer { buffer in
                var name = unsafe Array(buffer).map { CChar(bitPattern: $0) }
                name.append(0)
                return unsafe apus_acpica_walk_devices_with_id(name, { context, path in
                    guard let context = unsafe context, let path = unsafe path else { return }
                    // SAFETY: `context` is the array passed below, alive for the walk; `path` a C string.
                    let list = unsafe context.assumingMemoryBound(to: [[UInt8]].self)
                    unsafe list.pointee.append(cStringBytes(path))
                }, pointer)
            }
        }
        return paths
    }

    private static func logFound(_ device: Device, status installed: UInt32) {
        log(installed == ACPIStatus.ok ? .info : .warning) { line in
            line.write("acpi: ")
            line.write(name(device.kind))
            line.write(" ")
            line.write(contentsOf: device.path)
            if installed != ACPIStatus.ok {
                line.write(": no notify handler: ")
                unsafe line.write(cString: apus_acpica_status_name(installed))
                return
            }
            switch device.kind {
            case .lid: if let open = lidIsOpen(device.path) { line.write(open ? " (open)" : " (closed)") }
            case .battery: if let status = try? status(device.path) { line.write(status.discharging ? " (discharging)" : " (not discharging)") }
            case .powerButton: break
            }
        }
    }

    private static func name(_ kind: Kind) -> StaticString {
        switch kind {
        case .lid: return "lid"
        case .battery: return "battery"
        case .powerButton: return "power button"
        }
    }

    /// ACPICA's notify handler, run by the `events` thread (acpi_os_execute): AML may be evaluated here.
    private static let notified: @convention(c) (UnsafeMutableRawPointer?, UInt32) -> Void = { context, value in
        let index = Int(bitPattern: context) - 1
        guard let device = withState({ state in state.devices.indices.contains(index) ? state.devices[index] : nil })
        else { return }
        handle(device, value: value)
    }

    private static func handle(_ device: Device, value: UInt32) {
        switch (device.kind, value) {
        case (.lid, 0x80):
            let open = lidIsOpen(device.path)
            log(.notice) { line in
                line.write("acpi: lid ")
                line.write(contentsOf: device.path)
                line.write(open.map { $0 ? " opened" : " closed" } ?? " changed (its _LID failed)")
            }
        case (.battery, 0x80):
            var current: BatteryStatus?
            var failure: BatteryError?
            do { current = try status(device.path) } catch { failure = error }
            let information = try? information(device.path)
            log(.notice) { line in
                line.write("acpi: battery ")
                line.write(contentsOf: device.path)
                line.write(" status changed: ")
                if let current { BatteryReport.writeStatus(current, information: information, to: &line) }
                if let failure { write(failure, to: &line) }
            }
        case (.battery, 0x81):
            log(.notice) { line in
                line.write("acpi: battery ")
                line.write(contentsOf: device.path)
                line.write(" information changed")
            }
        case (.powerButton, 0x80):
            log(.notice, "acpi: power button pressed; powering off")
            let failure = Power.powerOff()
            log(.error) { line in
                line.write("acpi: poweroff failed: ")
                line.write(failure)
            }
        default:
            log(.info) { line in
                line.write("acpi: ")
                line.write(name(device.kind))
                line.write(" ")
                line.write(contentsOf: device.path)
                line.write(" notification ")
                line.writeHex(value, digits: 2)
            }
        }
    }

    // MARK: Lid and battery objects

    /// The lid's _LID: true when open; nil when it cannot be evaluated.
    static func lidIsOpen(_ path: [UInt8]) -> Bool? {
        guard case .integer(let value)? = try? ACPICA.evaluate(path + Array("._LID".utf8)) else { return nil }
        return value != 0
    }

    enum BatteryError: Error {
        case evaluation(object: StaticString, status: UInt32)
        case notAPackage(object: StaticString)
        case package(object: StaticString, BatteryPackageError)
    }

    typealias BatteryInformationResult = Result<BatteryInformation, BatteryError>
    typealias BatteryStatusResult = Result<BatteryStatus, BatteryError>

    /// The battery's static information: _BIX when it has one (ACPI 4.0+), else _BIF.
    static func information(_ path: [UInt8]) throws(BatteryError) -> BatteryInformation {
        if ACPICA.exists(path + Array("._BIX".utf8)) {
            let elements = try package(path, "_BIX")
            do { return try BatteryInformation(bix: elements) } catch { throw .package(object: "_BIX", error) }
        }
        let elements = try package(path, "_BIF")
        do { return try BatteryInformation(bif: elements) } catch { throw .package(object: "_BIF", error) }
    }

    /// The battery's _BST.
    static func status(_ path: [UInt8]) throws(BatteryError) -> BatteryStatus {
        let elements = try package(path, "_BST")
        do { return try BatteryStatus(bst: elements) } catch { throw .package(object: "_BST", error) }
    }

    /// Whether _STA says a battery is inserted (bit 4); true when the device has no _STA.
    static func batteryPresent(_ path: [UInt8]) -> Bool {
        let sta = path + Array("._STA".utf8)
        guard ACPICA.exists(sta) else { return true }
        guard case .integer(let value)? = try? ACPICA.evaluate(sta) else { return false }
        return value & 0x10 != 0
    }

    private static func package(_ path: [UInt8], _ object: StaticString) throws(BatteryError) -> [ACPIPackageElement] {
        let value: ACPICA.Value
        let suffix = unsafe Array(object.bytes)
        let name = path + [0x2E] + suffix
        do { value = try ACPICA.evaluate(name) } catch {
            switch error {
            case .status(let status): throw .evaluation(object: object, status: status)
            }
        }
        guard case .package(let elements) = value else { throw .notAPackage(object: object) }
        return elements.map { element in
            switch element {
            case .integer(let number): return .integer(number)
            case .string(let bytes): return .string(bytes)
            case .buffer(let bytes): return .buffer(bytes)
            case .package, .reference, .other: return .other
            }
        }
    }

    /// `_BST failed: AE_NOT_FOUND` / `_BIF: element 2 is not an integer`.
    static func write<Sink: TextSink>(_ error: BatteryError, to sink: inout Sink) {
        switch error {
        case .evaluation(let object, let status):
            sink.write(object)
            sink.write(" failed: ")
            unsafe sink.write(cString: apus_acpica_status_name(status))
        case .notAPackage(let object):
            sink.write(object)
            sink.write(" is not a package")
        case .package(let object, .tooShort(let needed, let found)):
            sink.write(object)
            sink.write(": ")
            sink.writeDecimal(found)
            sink.write(" elements, needs ")
            sink.writeDecimal(needed)
        case .package(let object, .notAnInteger(let index)):
            sink.write(object)
            sink.write(": element ")
            sink.writeDecimal(index)
            sink.write(" is not an integer")
        }
    }

    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        var terminated = bytes.map { CChar(bitPattern: $0) }
        terminated.append(0)
        return unsafe terminated.withUnsafeBufferPointer { unsafe body($0.baseAddress!) }
    }
}
