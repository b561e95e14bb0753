// SPDX-License-Identifier: GPL-2.0-only
// scripts/kmod with LinuxKPI's headers produces what the loader expects: .modinfo (name, license, parm,
// depends), __ksymtab entries with their GPL flags, __param entries, init/exit and __this_module.

import Foundation
import KernelCore
import XCTest

final class KmodTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Builds Tests/Modules/`name` with scripts/kmod and returns its .ko.
    private func kmod(_ name: String) throws -> [UInt8] {
        let folder = Self.root.appendingPathComponent("Tests/Modules/\(name)")
        let process = Process()
        process.executableURL = Self.root.appendingPathComponent("scripts/kmod")
        process.arguments = [folder.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure("scripts/kmod failed: " + String(decoding: message, as: UTF8.self))
        }
        return Array(try Data(contentsOf: folder.appendingPathComponent("\(name).ko")))
    }

    /// Links at the module area's base with every import at a distinct kernel-like address.
    private func link(_ bytes: [UInt8], gplOnly: Set<String> = []) throws -> LinkedModule {
        let object = try ELFObject(ByteReader(bytes))
        var next: UInt64 = 0x20_0000
        return try ModuleLinker.link(object, layout: try ModuleLayout(object), info: try ModuleInfo(object),
                                     base: 0x4000_0000) { name in
            next += 16
            return ModuleImport(address: next, gplOnly: gplOnly.contains(String(decoding: name, as: UTF8.self)), provider: nil)
        }
    }

    func testExportsOfAKmodBuiltModule() throws {
        let module = try link(try kmod("provider"))
        XCTAssertEqual(module.info.name, Array("provider".utf8))
        XCTAssertEqual(module.info.value("depends"), [])
        XCTAssertTrue(module.info.isGPLCompatible)
        let exports = module.exports.map { (String(decoding: $0.name, as: UTF8.self), $0.gplOnly) }
        XCTAssertEqual(exports.map(\.0), ["provider_double", "provider_gpl_secret"])
        XCTAssertEqual(exports.map(\.1), [false, true])
        for export in module.exports { XCTAssertEqual(module.functions.lookup(export.address)?.offset, 0) }
        XCTAssertNotNil(module.initAddress)
        XCTAssertNotNil(module.exitAddress)
        XCTAssertNotNil(module.thisModuleAddress)
    }

    func testKbuildObjectsAndParameters() throws {
        let module = try link(try kmod("consumer"))
        XCTAssertEqual(module.info.name, Array("consumer".utf8))
        XCTAssertEqual(module.info.license, Array("GPL v2".utf8))
        XCTAssertEqual(module.parameterCount, 6)
        let types = module.info.values("parmtype").map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(Set(types), ["count:int", "greeting:charp", "quiet:bool", "levels:array of uint",
                                    "port_number:ushort", "label:string"])
        XCTAssertEqual(module.info.values("parm").map { String(decoding: $0, as: UTF8.self) },
                       ["count:a number the module doubles through provider"])
        // Both objects are in: consumer_report (report.c) is called by init (main.c).
        XCTAssertTrue(module.functions.functions.contains { $0.name == Array("consumer_report".utf8) })
        XCTAssertThrowsError(try link(try kmod("proprietary"), gplOnly: ["provider_gpl_secret"])) { error in
            XCTAssertEqual((error as? ModuleError)?.kind, .gplOnlySymbol)
        }
    }

    func testErrnoNames() {
        XCTAssertEqual(LinuxErrno.name(-19).map { "\($0)" }, "ENODEV")
        XCTAssertEqual(LinuxErrno.name(2).map { "\($0)" }, "ENOENT")
        XCTAssertEqual(LinuxErrno.name(-512).map { "\($0)" }, "ERESTARTSYS")
        XCTAssertNil(LinuxErrno.name(9999))
    }
}
