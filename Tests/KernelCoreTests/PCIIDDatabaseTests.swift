// SPDX-License-Identifier: GPL-2.0-only
// Tests of the pci.ids reader against the real Debian database and against small, partly malformed snippets.

import Foundation
import KernelCore
import XCTest

final class PCIIDDatabaseTests: XCTestCase {
    static let systemDatabase = "/usr/share/misc/pci.ids"

    private func text(_ bytes: ArraySlice<UInt8>?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    func testRealDatabase() throws {
        guard let data = FileManager.default.contents(atPath: Self.systemDatabase) else {
            XCTFail("\(Self.systemDatabase) is missing: install Debian's pci.ids package (scripts/test does)")
            return
        }
        let database = PCIIDDatabase(Array(data))
        XCTAssertGreaterThan(database.vendorCount, 1000)
        XCTAssertGreaterThan(database.classCount, 15)
        XCTAssertEqual(database.malformedLines, 0, "the real database has lines the parser does not understand")
        XCTAssertEqual(text(database.vendorName(0x8086)), "Intel Corporation")
        XCTAssertEqual(text(database.vendorName(0x1B36)), "Red Hat, Inc.")
        XCTAssertEqual(text(database.deviceName(vendor: 0x8086, device: 0x100E)), "82540EM Gigabit Ethernet Controller")
        XCTAssertEqual(text(database.deviceName(vendor: 0x8086, device: 0x10D3)), "82574L Gigabit Network Connection")
        XCTAssertEqual(text(database.deviceName(vendor: 0x1B36, device: 0x0010)), "QEMU NVM Express Controller")
        XCTAssertEqual(text(database.deviceName(vendor: 0x8086, device: 0x29C0)), "82G33/G31/P35/P31 Express DRAM Controller")
        XCTAssertEqual(text(database.className(0x02)), "Network controller")
        XCTAssertEqual(text(database.subclassName(classCode: 0x02, subclass: 0x00)), "Ethernet controller")
        XCTAssertEqual(text(database.subclassName(classCode: 0x01, subclass: 0x08)), "Non-Volatile memory controller")
        XCTAssertEqual(text(database.subclassName(classCode: 0x06, subclass: 0x04)), "PCI bridge")
        XCTAssertEqual(text(database.programmingInterfaceName(classCode: 0x01, subclass: 0x08, programmingInterface: 0x02)),
                       "NVM Express")
        XCTAssertNil(database.deviceName(vendor: 0x8086, device: 0xFFFF))
        XCTAssertEqual(text(database.vendorName(0xFFFF)), "Illegal Vendor ID")  // pci.ids lists it
        XCTAssertNil(database.vendorName(0x0BAD))  // not assigned in pci.ids
    }

    func testSnippet() {
        let snippet = """
        # comment
        1234  Example Vendor
        \t0001  First device
        \t\t1234 0001  Its subsystem
        \t0002  Second device   
        abcd  Other Vendor\r
        \tbeef  Beef device\r

        C 02  Network controller
        \t00  Ethernet controller
        \t80  Network controller
        C 0c  Serial bus controller
        \t03  USB controller
        \t\t30  XHCI

        """
        let database = PCIIDDatabase(Array(snippet.utf8))
        XCTAssertEqual(database.malformedLines, 0)
        XCTAssertEqual(text(database.vendorName(0x1234)), "Example Vendor")
        XCTAssertEqual(text(database.deviceName(vendor: 0x1234, device: 0x0002)), "Second device", "trailing spaces trimmed")
        XCTAssertEqual(text(database.vendorName(0xABCD)), "Other Vendor", "CR LF line ends")
        XCTAssertEqual(text(database.deviceName(vendor: 0xABCD, device: 0xBEEF)), "Beef device")
        XCTAssertNil(database.deviceName(vendor: 0xABCD, device: 0x0001), "devices belong to their own vendor")
        XCTAssertEqual(text(database.subclassName(classCode: 0x0C, subclass: 0x03)), "USB controller")
        XCTAssertEqual(text(database.programmingInterfaceName(classCode: 0x0C, subclass: 0x03, programmingInterface: 0x30)), "XHCI")
        XCTAssertNil(database.programmingInterfaceName(classCode: 0x02, subclass: 0x00, programmingInterface: 0x30))
        XCTAssertNil(database.subclassName(classCode: 0x03, subclass: 0x00))
    }

    func testMalformedLines() {
        let snippet = """
        12  Short vendor id
        \t0001  Orphan of a malformed vendor
        5678Glued name
        zzzz  Not hex
        9999
        8888  Good Vendor
        \t01  Short device id
        \t0002  Good device
        \t0003
        \t\t\t0004  Too deep
        C zz  Bad class
        \t00  Orphan subclass
        C 03  Display controller
        \t00  VGA compatible controller
        """
        let database = PCIIDDatabase(Array(snippet.utf8))
        XCTAssertEqual(database.vendorCount, 1)
        XCTAssertEqual(database.classCount, 1)
        XCTAssertEqual(database.malformedLines, 8)
        XCTAssertNil(database.vendorName(0x0012))
        XCTAssertNil(database.deviceName(vendor: 0x8888, device: 0x0001))
        XCTAssertEqual(text(database.deviceName(vendor: 0x8888, device: 0x0002)), "Good device")
        XCTAssertNil(database.deviceName(vendor: 0x8888, device: 0x0003))
        XCTAssertEqual(text(database.subclassName(classCode: 0x03, subclass: 0x00)), "VGA compatible controller")

        // Empty input, a file of only comments, truncated last line, and random bytes never crash.
        XCTAssertEqual(PCIIDDatabase([]).vendorCount, 0)
        XCTAssertEqual(PCIIDDatabase(Array("# x\n#\n".utf8)).malformedLines, 0)
        XCTAssertEqual(text(PCIIDDatabase(Array("1234  V\n\t0001  D".utf8)).deviceName(vendor: 0x1234, device: 1)), "D")
        var random = SplitMix64(state: 0x1D5)
        for _ in 0..<200 {
            let bytes = (0..<512).map { _ in [0x09, 0x0A, 0x20, 0x43, 0x31, 0x61, 0x78][Int(random.next() % 7)] as UInt8 }
            let database = PCIIDDatabase(bytes)
            _ = database.deviceName(vendor: 0x1111, device: 0x1111)
            _ = database.programmingInterfaceName(classCode: 0x11, subclass: 0x11, programmingInterface: 0x11)
        }
    }
}
