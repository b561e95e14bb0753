// SPDX-License-Identifier: GPL-2.0-only
// Tests reading exports and imports from compiled fixture ELFs, and the rejection of malformed files.

import ApusKPI
import XCTest

final class ELFReaderTests: XCTestCase {
    func testKernelExportsAreTheKsymtabSymbols() throws {
        let fixtures = try FixtureELFs.get()
        let kernel = try ModuleSymbols.kernel(fixtures.bytes("kernel.elf"))
        XCTAssertEqual(kernel.exports, ["kmalloc", "kfree", "_printk", "gpl_only"])
        XCTAssertFalse(kernel.exports.contains("internal_helper"))
        XCTAssertEqual(kernel.imports, [])
    }

    func testModuleImportsLeaveOutDefinedAndWeakSymbols() throws {
        let fixtures = try FixtureELFs.get()
        let core = try ModuleSymbols.module(fixtures.bytes("core.ko"))
        XCTAssertEqual(core.exports, ["core_register"])
        XCTAssertEqual(core.imports, ["kfree", "kmalloc", "missing_core_dep"])
        let driver = try ModuleSymbols.module(fixtures.bytes("driver.ko"))
        XCTAssertEqual(driver.exports, [])
        XCTAssertEqual(driver.imports, ["__stack_chk_fail", "_printk", "core_register", "missing_a", "missing_b"])
    }

    func testDerivationFromSymbolTable() {
        let elf = ELFSymbols(type: .relocatable, symbols: [
            ELFSymbol(name: "__ksymtab_local_label", isDefined: true, binding: .local),
            ELFSymbol(name: "__ksymtab_", isDefined: true, binding: .global),
            ELFSymbol(name: "__ksymtab_undefined", isDefined: false, binding: .global),
            ELFSymbol(name: "zeta", isDefined: false, binding: .global),
            ELFSymbol(name: "alpha", isDefined: false, binding: .global),
            ELFSymbol(name: "alpha", isDefined: false, binding: .global),
            ELFSymbol(name: "weakling", isDefined: false, binding: .weak),
            ELFSymbol(name: "defined", isDefined: true, binding: .global),
        ])
        let symbols = ModuleSymbols(elf)
        XCTAssertEqual(symbols.exports, ["local_label"])
        XCTAssertEqual(symbols.imports, ["__ksymtab_undefined", "alpha", "zeta"])
    }

    func testWrongFileTypesAreNamed() throws {
        let fixtures = try FixtureELFs.get()
        XCTAssertThrowsError(try ModuleSymbols.module(fixtures.bytes("kernel.elf"))) { error in
            XCTAssertEqual((error as? KPIError)?.message,
                           "not a module: its ELF type is ET_EXEC (executable), a module's is ET_REL (relocatable)")
        }
        XCTAssertThrowsError(try ModuleSymbols.kernel(fixtures.bytes("core.ko"))) { error in
            XCTAssertEqual((error as? KPIError)?.message,
                           "not a kernel image: its ELF type is ET_REL (relocatable), a kernel's is ET_EXEC (executable)")
        }
    }

    private func assertRejected(_ bytes: [UInt8], _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ModuleSymbols.module(bytes), file: file, line: line) { error in
            let message = (error as? KPIError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains(expected), "'\(message)' does not contain '\(expected)'", file: file, line: line)
        }
    }

    func testMalformedFilesAreRejectedWithTheReason() throws {
        let fixtures = try FixtureELFs.get()
        let good = try fixtures.bytes("core.ko")
        assertRejected([], "empty file")
        assertRejected(Array("obj-m += e1000.o\n".utf8), "not an ELF file")
        assertRejected(Array(good[0..<40]), "truncated ELF file: 40 bytes")
        assertRejected(try fixtures.bytes("leaf32.o"), "32-bit ELF file")
        var bigEndian = good
        bigEndian[5] = 2
        assertRejected(bigEndian, "not a little-endian ELF file")
        var version = good
        version[6] = 0
        assertRejected(version, "ELF version 0, not 1")
        var arm = good
        arm[18] = 183  // EM_AARCH64
        assertRejected(arm, "machine 183, not x86-64")
        assertRejected(try fixtures.bytes("kernel-stripped.elf"), "no symbol table")
        XCTAssertThrowsError(try ModuleSymbols.kernel(fixtures.bytes("kernel-stripped.elf")))

        var farSections = good
        farSections.replaceSubrange(40..<48, with: le(UInt64(good.count) * 4, 8))  // e_shoff past the end
        assertRejected(farSections, "the section header table (offset \(good.count * 4), \(header(good).shnum) entries) extends past the end of the file (\(good.count) bytes)")
        var cutOff = good
        cutOff.removeLast(good.count - header(good).shoff - 8)  // the section header table cut short
        assertRejected(cutOff, "extends past the end of the file (\(header(good).shoff + 8) bytes)")
        var oddEntries = good
        oddEntries[58] = 40  // e_shentsize
        assertRejected(oddEntries, "section header size 40, not 64")
    }

    func testSymbolNameOutsideStringTableIsRejected() throws {
        var bytes = try FixtureELFs.get().bytes("core.ko")
        let symtab = try XCTUnwrap(sections(bytes).first { $0.type == 2 })  // SHT_SYMTAB
        // The st_name of symbol 1 points far past the end of the string table.
        bytes.replaceSubrange(symtab.offset + 24..<symtab.offset + 28, with: le(0x7FFF_0000, 4))
        assertRejected(bytes, "symbol 1: name offset 2147418112 outside its string table (section \(symtab.link))")
    }

    /// Every byte of the ELF header, of each section header and of the first symbols set to 0x00, 0x80 and
    /// 0xFF in turn: each variant is read or rejected with a KPIError, never a crash; many are rejected.
    func testMutatedHeadersNeverCrash() throws {
        let good = try FixtureELFs.get().bytes("core.ko")
        let layout = header(good)
        var offsets = Array(0..<64)
        offsets += (0..<(layout.shnum * 64)).map { layout.shoff + $0 }
        if let symtab = sections(good).first(where: { $0.type == 2 }) {
            offsets += (0..<min(symtab.size, 6 * 24)).map { symtab.offset + $0 }
        }
        var rejected = 0
        var read = 0
        for offset in offsets where offset < good.count {
            for value: UInt8 in [0x00, 0x80, 0xFF] where good[offset] != value {
                var bytes = good
                bytes[offset] = value
                do {
                    _ = try ModuleSymbols.module(bytes)
                    read += 1
                } catch {
                    rejected += 1
                    if ProcessInfo.processInfo.environment["APUS_KPI_SHOW_MUTATIONS"] != nil { print("byte \(offset) = \(value): \(error)") }
                }
            }
        }
        XCTAssertGreaterThan(rejected, 100)
        XCTAssertGreaterThan(read, 100)
    }

    // MARK: - reading the fixtures' layout in the tests themselves

    private func le(_ value: UInt64, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    private func field(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }

    private func header(_ bytes: [UInt8]) -> (shoff: Int, shnum: Int) {
        (field(bytes, 40, 8), field(bytes, 60, 2))
    }

    private func sections(_ bytes: [UInt8]) -> [(type: Int, offset: Int, size: Int, link: Int)] {
        let layout = header(bytes)
        return (0..<layout.shnum).map { index in
            let base = layout.shoff + index * 64
            return (field(bytes, base + 4, 4), field(bytes, base + 24, 8), field(bytes, base + 32, 8), field(bytes, base + 40, 4))
        }
    }
}
