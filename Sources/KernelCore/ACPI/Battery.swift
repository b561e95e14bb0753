// SPDX-License-Identifier: GPL-2.0-only
// A control-method battery (PNP0C0A) as ACPI describes it: _BIF/_BIX (static information) and _BST (status),
// decoded from their packages with every element checked, and the text lines `acpi battery` prints.

/// One element of an evaluated ACPI package, as far as the battery objects use them.
public enum ACPIPackageElement {
    case integer(UInt64)
    case string([UInt8])
    /// A buffer (some firmware returns the strings of _BIF as buffers), or anything else.
    case buffer([UInt8])
    case other
}

/// Why a battery package was rejected.
public enum BatteryPackageError: Error, Equatable {
    /// Fewer elements than the object needs (`needed`).
    case tooShort(needed: Int, found: Int)
    /// Element `index` is not an integer.
    case notAnInteger(index: Int)
}

/// The static information of a battery (ACPI 6.5 sections 10.2.2.1 _BIF and 10.2.2.2 _BIX).
public struct BatteryInformation: Equatable {
    /// What the capacities and rates count: power (mWh, mW) or current (mAh, mA).
    public enum Unit: Equatable { case power, current }

    public let unit: Unit
    /// In mWh or mAh; nil when the firmware says unknown (0xFFFFFFFF).
    public let designCapacity: UInt32?
    public let lastFullCapacity: UInt32?
    /// Whether the battery is rechargeable (technology 1) rather than primary (0).
    public let rechargeable: Bool
    /// In mV; nil when unknown.
    public let designVoltage: UInt32?
    /// Charge cycles (only _BIX has them); nil when unknown or not reported.
    public let cycleCount: UInt32?
    public let model: [UInt8]
    public let serial: [UInt8]
    public let type: [UInt8]
    public let oem: [UInt8]

    /// Decodes a _BIF package: 13 elements, strings last.
    public init(bif elements: [ACPIPackageElement]) throws(BatteryPackageError) {
        guard elements.count >= 13 else { throw .tooShort(needed: 13, found: elements.count) }
        unit = try Self.integer(elements, 0) == 1 ? .current : .power
        designCapacity = Self.known(try Self.integer(elements, 1))
        lastFullCapacity = Self.known(try Self.integer(elements, 2))
        rechargeable = try Self.integer(elements, 3) == 1
        designVoltage = Self.known(try Self.integer(elements, 4))
        cycleCount = nil
        model = Self.text(elements[9])
        serial = Self.text(elements[10])
        type = Self.text(elements[11])
        oem = Self.text(elements[12])
    }

    /// Decodes a _BIX package (revision 0 has 20 elements, revision 1 adds one at the end).
    public init(bix elements: [ACPIPackageElement]) throws(BatteryPackageError) {
        guard elements.count >= 20 else { throw .tooShort(needed: 20, found: elements.count) }
        unit = try Self.integer(elements, 1) == 1 ? .current : .power
        designCapacity = Self.known(try Self.integer(elements, 2))
        lastFullCapacity = Self.known(try Self.integer(elements, 3))
        rechargeable = try Self.integer(elements, 4) == 1
        designVoltage = Self.known(try Self.integer(elements, 5))
        cycleCount = Self.known(try Self.integer(elements, 8))
        model = Self.text(elements[16])
        serial = Self.text(elements[17])
        type = Self.text(elements[18])
        oem = Self.text(elements[19])
    }

    static func integer(_ elements: [ACPIPackageElement], _ index: Int) throws(BatteryPackageError) -> UInt64 {
        guard case .integer(let value) = elements[index] else { throw .notAnInteger(index: index) }
        return value
    }

    /// 0xFFFFFFFF (and anything wider than 32 bits) means unknown.
    static func known(_ value: UInt64) -> UInt32? {
        value >= 0xFFFF_FFFF ? nil : UInt32(value)
    }

    /// A string element without trailing NULs; a buffer's bytes up to its first NUL; else empty.
    static func text(_ element: ACPIPackageElement) -> [UInt8] {
        switch element {
        case .string(let bytes): return Array(bytes.prefix { $0 != 0 })
        case .buffer(let bytes): return Array(bytes.prefix { $0 != 0 })
        case .integer, .other: return []
        }
    }
}

/// The present state of a battery (ACPI 6.5 section 10.2.2.11, _BST).
public struct BatteryStatus: Equatable {
    public let discharging: Bool
    public let charging: Bool
    public let critical: Bool
    /// In mW or mA (the information's unit); nil when unknown.
    public let rate: UInt32?
    /// In mWh or mAh; nil when unknown.
    public let remaining: UInt32?
    /// In mV; nil when unknown.
    public let voltage: UInt32?

    /// Decodes a _BST package: state, rate, remaining capacity, voltage.
    public init(bst elements: [ACPIPackageElement]) throws(BatteryPackageError) {
        guard elements.count >= 4 else { throw .tooShort(needed: 4, found: elements.count) }
        let state = try BatteryInformation.integer(elements, 0)
        discharging = state & 1 != 0
        charging = state & 2 != 0
        critical = state & 4 != 0
        rate = BatteryInformation.known(try BatteryInformation.integer(elements, 1))
        remaining = BatteryInformation.known(try BatteryInformation.integer(elements, 2))
        voltage = BatteryInformation.known(try BatteryInformation.integer(elements, 3))
    }

    /// `discharging`, `charging`, or `idle` (full, or on AC without charging); `critical` appended.
    public var stateName: StaticString {
        if discharging { return critical ? "discharging (critical)" : "discharging" }
        if charging { return critical ? "charging (critical)" : "charging" }
        return critical ? "idle (critical)" : "idle"
    }

    /// Remaining charge in percent of the last full capacity (or the design capacity), at most 100.
    public func percent(of information: BatteryInformation) -> Int? {
        guard let remaining, let full = information.lastFullCapacity ?? information.designCapacity, full > 0 else {
            return nil
        }
        return min(100, Int(UInt64(remaining) * 100 / UInt64(full)))
    }
}

/// The lines `acpi battery` prints for one battery, each written without its line end.
public enum BatteryReport {
    /// `model "…", serial "…", type "…", OEM "…", rechargeable`
    public static func writeIdentity<Sink: TextSink>(_ information: BatteryInformation, to sink: inout Sink) {
        sink.write("model \"")
        sink.write(contentsOf: printable(information.model))
        sink.write("\", serial \"")
        sink.write(contentsOf: printable(information.serial))
        sink.write("\", type \"")
        sink.write(contentsOf: printable(information.type))
        sink.write("\", OEM \"")
        sink.write(contentsOf: printable(information.oem))
        sink.write(information.rechargeable ? "\", rechargeable" : "\", primary")
    }

    /// `design capacity 50000 mWh, last full 48000 mWh, design voltage 11400 mV, 7 cycles`
    public static func writeCapacity<Sink: TextSink>(_ information: BatteryInformation, to sink: inout Sink) {
        let unit: StaticString = information.unit == .current ? "mAh" : "mWh"
        sink.write("design capacity ")
        writeQuantity(information.designCapacity, unit: unit, to: &sink)
        sink.write(", last full ")
        writeQuantity(information.lastFullCapacity, unit: unit, to: &sink)
        sink.write(", design voltage ")
        writeQuantity(information.designVoltage, unit: "mV", to: &sink)
        if let cycles = information.cycleCount {
            sink.write(", ")
            sink.writeDecimal(cycles)
            sink.write(" cycles")
        }
    }

    /// `discharging, remaining 36000 mWh (75%), rate 9000 mW, voltage 11700 mV`
    public static func writeStatus<Sink: TextSink>(_ status: BatteryStatus, information: BatteryInformation?,
                                                   to sink: inout Sink) {
        let current = information?.unit == .current
        sink.write(status.stateName)
        sink.write(", remaining ")
        writeQuantity(status.remaining, unit: current ? "mAh" : "mWh", to: &sink)
        if let information, let percent = status.percent(of: information) {
            sink.write(" (")
            sink.writeDecimal(percent)
            sink.write("%)")
        }
        sink.write(", rate ")
        writeQuantity(status.rate, unit: current ? "mA" : "mW", to: &sink)
        sink.write(", voltage ")
        writeQuantity(status.voltage, unit: "mV", to: &sink)
    }

    private static func writeQuantity<Sink: TextSink>(_ value: UInt32?, unit: StaticString, to sink: inout Sink) {
        guard let value else { return sink.write("unknown") }
        sink.writeDecimal(value)
        sink.write(" ")
        sink.write(unit)
    }

    private static func printable(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 ? $0 : 0x2E }
    }
}
