// SPDX-License-Identifier: GPL-2.0-only
// Tests the decoding of a battery's _BIF, _BIX and _BST packages and the lines `acpi battery` prints.

import KernelCore
import XCTest

final class BatteryTests: XCTestCase {
    private func strings(_ texts: String...) -> [ACPIPackageElement] { texts.map { .string(Array($0.utf8)) } }
    private func integers(_ values: UInt64...) -> [ACPIPackageElement] { values.map { .integer($0) } }

    private func text(_ body: (inout CapturingTextSink) -> Void) -> String {
        var sink = CapturingTextSink()
        body(&sink)
        return sink.text
    }

    func testBIXRevision1() throws {
        let package = integers(1, 0, 50000, 48000, 1, 11400, 5000, 1000, 7, 95000,
                               0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 100, 100)
            + strings("APUS-BAT-1", "0042", "LION", "Apus Test") + integers(1)
        let information = try BatteryInformation(bix: package)
        XCTAssertEqual(information.unit, .power)
        XCTAssertEqual(information.designCapacity, 50000)
        XCTAssertEqual(information.lastFullCapacity, 48000)
        XCTAssertEqual(information.cycleCount, 7)
        XCTAssertTrue(information.rechargeable)
        XCTAssertEqual(text { BatteryReport.writeIdentity(information, to: &$0) },
                       "model \"APUS-BAT-1\", serial \"0042\", type \"LION\", OEM \"Apus Test\", rechargeable")
        XCTAssertEqual(text { BatteryReport.writeCapacity(information, to: &$0) },
                       "design capacity 50000 mWh, last full 48000 mWh, design voltage 11400 mV, 7 cycles")
    }

    func testBIFInCurrentUnitsWithUnknownValues() throws {
        // Strings as buffers with NUL padding, as some firmware returns them.
        let package = integers(1, 0xFFFF_FFFF, 4000, 1, 0xFFFF_FFFF, 400, 100, 10, 10)
            + [.buffer(Array("BAT\0\0".utf8)), .string([]), .string(Array("LiP".utf8)), .other]
        let information = try BatteryInformation(bif: package)
        XCTAssertEqual(information.unit, .current)
        XCTAssertNil(information.designCapacity)
        XCTAssertNil(information.cycleCount)
        XCTAssertEqual(information.model, Array("BAT".utf8))
        XCTAssertEqual(text { BatteryReport.writeCapacity(information, to: &$0) },
                       "design capacity unknown, last full 4000 mAh, design voltage unknown")
        let status = try BatteryStatus(bst: integers(2, 0xFFFF_FFFF, 3000, 12000))
        XCTAssertEqual(status.percent(of: information), 75)
        XCTAssertEqual(text { BatteryReport.writeStatus(status, information: information, to: &$0) },
                       "charging, remaining 3000 mAh (75%), rate unknown, voltage 12000 mV")
    }

    func testStatusStates() throws {
        let discharging = try BatteryStatus(bst: integers(5, 9000, 36000, 11700))
        XCTAssertTrue(discharging.discharging && discharging.critical && !discharging.charging)
        XCTAssertEqual(text { BatteryReport.writeStatus(discharging, information: nil, to: &$0) },
                       "discharging (critical), remaining 36000 mWh, rate 9000 mW, voltage 11700 mV")
        XCTAssertEqual(try BatteryStatus(bst: integers(0, 0, 48000, 12600)).stateName.description, "idle")
    }

    func testMalformedPackagesAreRejected() {
        XCTAssertThrowsError(try BatteryStatus(bst: integers(1, 2, 3))) { error in
            XCTAssertEqual(error as? BatteryPackageError, .tooShort(needed: 4, found: 3))
        }
        XCTAssertThrowsError(try BatteryStatus(bst: integers(1) + strings("x") + integers(3, 4))) { error in
            XCTAssertEqual(error as? BatteryPackageError, .notAnInteger(index: 1))
        }
        XCTAssertThrowsError(try BatteryInformation(bix: integers(0, 0, 1))) { error in
            XCTAssertEqual(error as? BatteryPackageError, .tooShort(needed: 20, found: 3))
        }
        XCTAssertThrowsError(try BatteryInformation(bif: strings("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m")))
    }

    func testPercentIsCappedAndNeedsACapacity() throws {
        let information = try BatteryInformation(bif: integers(0, 1000, 0xFFFF_FFFF, 1, 0, 0, 0, 0, 0) + strings("", "", "", ""))
        XCTAssertEqual(try BatteryStatus(bst: integers(2, 0, 1200, 0)).percent(of: information), 100)
        let none = try BatteryInformation(bif: integers(0, 0, 0, 1, 0, 0, 0, 0, 0) + strings("", "", "", ""))
        XCTAssertNil(try BatteryStatus(bst: integers(2, 0, 1200, 0)).percent(of: none))
    }
}
