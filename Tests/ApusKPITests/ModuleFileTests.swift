// SPDX-License-Identifier: GPL-2.0-only
// Tests module file names, the decompression dispatch by magic bytes (through the real xz and zstd
// commands) and its errors.

@testable import ApusKPI
import XCTest

final class ModuleFileTests: XCTestCase {
    func testModuleFileNames() {
        for name in ["e1000.ko", "nvme-core.ko.xz", "nvme.ko.zst"] {
            XCTAssertTrue(ModuleFile.isModule(fileName: name), name)
        }
        for name in [".ko", "e1000.o", "e1000.ko.gz", "e1000.ko.xz.sig", "modules.dep", "e1000.mod.c", "ko"] {
            XCTAssertFalse(ModuleFile.isModule(fileName: name), name)
        }
        XCTAssertEqual(ModuleFile.uncompressedName("net/e1000.ko.xz"), "net/e1000.ko")
        XCTAssertEqual(ModuleFile.uncompressedName("nvme.ko.zst"), "nvme.ko")
        XCTAssertEqual(ModuleFile.uncompressedName("nvme.ko"), "nvme.ko")
        XCTAssertEqual(ModuleFile.uncompressedName("notes.xz"), "notes.xz")
    }

    func testCompressionIsDetectedByMagic() {
        XCTAssertEqual(ModuleCompression.of([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00]), .xz)
        XCTAssertEqual(ModuleCompression.of([0x28, 0xB5, 0x2F, 0xFD, 0x24]), .zstd)
        XCTAssertEqual(ModuleCompression.of([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1]), .none)
        XCTAssertEqual(ModuleCompression.of([0xFD, 0x37, 0x7A]), .none)  // too short for the xz magic
        XCTAssertEqual(ModuleCompression.of([]), .none)
        XCTAssertEqual(ModuleCompression.xz.command.first, "xz")
        XCTAssertEqual(ModuleCompression.zstd.command.first, "zstd")
    }

    func testCompressedModulesReadAsTheOriginal() throws {
        let f = try FixtureELFs.get()
        let original = try f.bytes("core.ko")
        try FixtureELFs.run(["xz", "--keep", "--force", f.core])
        try FixtureELFs.run(["zstd", "--quiet", "--force", f.core, "-o", f.core + ".zst"])
        XCTAssertNotEqual(try f.bytes("core.ko.xz"), original)
        XCTAssertEqual(try ModuleFile.read(f.core + ".xz"), original)
        XCTAssertEqual(try ModuleFile.read(f.core + ".zst"), original)
        // The dispatch follows the data, not the name: an xz file named .ko is decompressed too.
        let disguised = f.path("disguised.ko")
        try FileManager.default.copyItem(atPath: f.core + ".xz", toPath: disguised)
        XCTAssertEqual(try ModuleFile.read(disguised), original)
        XCTAssertEqual(try ModuleFile.read(f.core), original)
    }

    func testCorruptCompressedDataIsAnError() throws {
        let f = try FixtureELFs.get()
        for (name, magic) in [("corrupt.ko.xz", ModuleCompression.xzMagic), ("corrupt.ko.zst", ModuleCompression.zstdMagic)] {
            let path = f.path(name)
            try Data(magic + Array(repeating: 0x55, count: 64)).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try ModuleFile.read(path)) { error in
                let message = (error as? KPIError)?.message ?? ""
                XCTAssertTrue(message.hasPrefix("\(path): \(name.hasSuffix("xz") ? "xz" : "zstd") could not decompress it: "), message)
            }
        }
    }

    func testMissingDecompressorIsNamed() throws {
        let f = try FixtureELFs.get()
        XCTAssertThrowsError(try ModuleFile.decompress(f.core, with: ["apus-no-such-decompressor", "-dc"])) { error in
            XCTAssertTrue((error as? KPIError)?.message.hasPrefix("cannot run apus-no-such-decompressor (is it installed?") == true,
                          "\(error)")
        }
    }
}
