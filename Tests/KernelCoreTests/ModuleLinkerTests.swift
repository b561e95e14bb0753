// SPDX-License-Identifier: GPL-2.0-only
// Tests the module loader's ELF reader and linker on objects compiled at test time, and its rejection
// of malformed files: truncated, offsets past the end, bad indices, unknown relocations, missing
// symbols, GPL-only imports, overflowing fields, and random mutations.

import KernelCore
import XCTest

final class ModuleLinkerTests: XCTestCase {
    static let base: UInt64 = 0x4000_0000
    static let kernelFunction: UInt64 = 0x0010_2000
    static let kernelData: UInt64 = 0x0020_0040

    /// A module in the shape scripts/kmod builds, written without the LinuxKPI headers.
    static let source = """
        struct kernel_symbol { unsigned long value; const char *name; unsigned long flags; };
        struct kernel_param { const char *name; void *mod; const void *ops; unsigned short perm;
                              signed char level; unsigned char flags; void *arg; };
        extern int kernel_function(int);
        extern int kernel_counter;
        extern int weak_missing(void) __attribute__((weak));
        static const char greeting[] = "hello";
        const char *greeting_pointer = greeting;
        int storage[16];
        int answer = 42;
        int exported(int x) { kernel_counter += x; return kernel_function(x) + storage[x & 15]; }
        static int init(void) { return weak_missing ? weak_missing() : exported(answer); }
        static void cleanup(void) { storage[0] = 0; }
        int init_module(void) __attribute__((alias("init")));
        void cleanup_module(void) __attribute__((alias("cleanup")));
        static const char name_exported[] __attribute__((section("__ksymtab_strings"), used)) = "exported";
        static const struct kernel_symbol ksym_exported __attribute__((section("__ksymtab"), used, aligned(8)))
            = { (unsigned long)exported, name_exported, 0 };
        static const struct kernel_param param_answer __attribute__((section("__param"), used, aligned(8)))
            = { "answer", 0, 0, 0644, -1, 0, &answer };
        static const char modinfo[] __attribute__((section(".modinfo"), used))
            = "license=GPL\\0name=sample\\0depends=\\0description=a test";
        """

    private func kernel(_ name: [UInt8]) -> ModuleImport? {
        switch String(decoding: name, as: UTF8.self) {
        case "kernel_function": ModuleImport(address: Self.kernelFunction, gplOnly: false, provider: nil)
        case "kernel_counter": ModuleImport(address: Self.kernelData, gplOnly: false, provider: nil)
        default: nil
        }
    }

    private func link(_ bytes: [UInt8], base: UInt64 = base,
                      resolve: (([UInt8]) -> ModuleImport?)? = nil) throws(ModuleError) -> LinkedModule {
        let object = try ELFObject(ByteReader(bytes))
        let info = try ModuleInfo(object)
        let layout = try ModuleLayout(object)
        return try ModuleLinker.link(object, layout: layout, info: info, base: base, resolve: resolve ?? kernel)
    }

    private func expectError(_ kind: ModuleError.Kind, _ bytes: [UInt8], containing text: String? = nil,
                             resolve: (([UInt8]) -> ModuleImport?)? = nil, base: UInt64 = base,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try link(bytes, base: base, resolve: resolve)
            XCTFail("accepted; expected \(kind)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.kind, kind, "message: \(message(error))", file: file, line: line)
            if let text { XCTAssertTrue(message(error).contains(text), "message: \(message(error))", file: file, line: line) }
        }
    }

    private func message(_ error: ModuleError) -> String {
        var sink = ByteSink()
        sink.write(error)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    private func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    private func symbolAddress(_ module: LinkedModule, _ object: ELFObject, _ layout: ModuleLayout, _ name: String) -> UInt64? {
        guard let symbol = object.symbols.first(where: { $0.name == Array(name.utf8) && $0.isInSection }),
              let offset = layout.sectionOffsets[Int(symbol.sectionIndex)] else { return nil }
        return module.base + UInt64(offset) + symbol.value
    }

    // MARK: - Linking real objects

    func testLinksAModule() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        let object = try ELFObject(ByteReader(bytes))
        let layout = try ModuleLayout(object)
        let module = try link(bytes)

        // Regions: text, read-only, data, page-aligned, in this order, covering the image.
        XCTAssertEqual(layout.regions.map(\.protection), [.text, .readOnly, .data])
        XCTAssertEqual(layout.regions[0].offset, 0)
        XCTAssertEqual(layout.regions.reduce(0) { $0 + $1.size }, layout.size)
        for region in layout.regions { XCTAssertEqual(region.offset % 4096, 0); XCTAssertEqual(region.size % 4096, 0) }

        // .modinfo.
        XCTAssertEqual(module.info.name, Array("sample".utf8))
        XCTAssertTrue(module.info.isGPLCompatible)
        XCTAssertEqual(module.info.dependencies.count, 0)
        XCTAssertEqual(module.info.value("description"), Array("a test".utf8))

        // An R_X86_64_64 in .data: greeting_pointer holds the address of the string.
        let pointerAddress = try XCTUnwrap(symbolAddress(module, object, layout, "greeting_pointer"))
        let stringAddress = u64(module.image, Int(pointerAddress - module.base))
        XCTAssertEqual(Array(module.image[Int(stringAddress - module.base)..<Int(stringAddress - module.base) + 6]),
                       Array("hello\0".utf8))

        // Exports after relocation, entry points, parameters.
        let exported = try XCTUnwrap(symbolAddress(module, object, layout, "exported"))
        XCTAssertEqual(module.exports.count, 1)
        XCTAssertEqual(module.exports.first?.name, Array("exported".utf8))
        XCTAssertEqual(module.exports.first?.address, exported)
        XCTAssertEqual(module.exports.first?.gplOnly, false)
        XCTAssertEqual(module.initAddress, symbolAddress(module, object, layout, "init_module"))
        XCTAssertNotNil(module.exitAddress)
        XCTAssertEqual(module.parameterCount, 1)
        let answer = try XCTUnwrap(symbolAddress(module, object, layout, "answer"))
        XCTAssertEqual(u64(module.image, Int(module.parameterAddress - module.base) + 32), answer)
        XCTAssertEqual(module.providers, [])

        // Every PC32/PLT32 call to kernel_function lands on it: find `e8 rel32` whose target is the import.
        let textEnd = layout.regions[0].size
        var calls = 0
        for index in 0..<(textEnd - 5) where module.image[index] == 0xE8 {
            let rel = Int32(bitPattern: UInt32(u64(module.image + [0, 0, 0, 0], index + 1) & 0xFFFF_FFFF))
            if Int64(module.base) + Int64(index + 5) + Int64(rel) == Int64(Self.kernelFunction) { calls += 1 }
        }
        XCTAssertGreaterThan(calls, 0, "no call reaches kernel_function")
        XCTAssertEqual(module.functions.lookup(exported + 1)?.function.name, Array("exported".utf8))
    }

    func testWeakUndefinedSymbolIsZero() throws {
        _ = try link(try ModuleCompiler.build(Self.source))   // weak_missing resolves to 0 without error
    }

    func testProvidersAreRecorded() throws {
        let module = try link(try ModuleCompiler.build(Self.source)) { name in
            self.kernel(name).map { ModuleImport(address: $0.address, gplOnly: false, provider: 7) }
        }
        XCTAssertEqual(module.providers, [7])
    }

    func testGOTRelocations() throws {
        // -fpic makes clang load the address of an extern through the GOT (R_X86_64_REX_GOTPCRELX).
        let bytes = try ModuleCompiler.build("extern int kernel_counter; int get(void) { return kernel_counter; }",
                                             extraFlags: ["-fpic"])
        let object = try ELFObject(ByteReader(bytes))
        let types = object.relocationSections.flatMap { $0.entries.map(\.type) }
        XCTAssertTrue(types.contains(ELF.Relocation.rexGotpcrelx) || types.contains(ELF.Relocation.gotpcrel), "\(types)")
        let layout = try ModuleLayout(object)
        let module = try link(bytes)
        let slot = try XCTUnwrap(layout.gotOffsets.compactMap { $0 }.first)
        XCTAssertEqual(u64(module.image, slot), Self.kernelData)
        // The instruction's rel32 points at the slot.
        let section = try XCTUnwrap(object.relocationSections.first { $0.entries.contains { ModuleLinkerTestsGOT.isGOT($0.type) } })
        let relocation = try XCTUnwrap(section.entries.first { ModuleLinkerTestsGOT.isGOT($0.type) })
        let field = Int(relocation.offset) + layout.sectionOffsets[section.target]!
        let rel = Int64(Int32(bitPattern: UInt32(u64(module.image + [0, 0, 0, 0], field) & 0xFFFF_FFFF)))
        // S + A - P with S the slot: P + rel32 == slot + addend.
        XCTAssertEqual(Int64(field) + rel, Int64(slot) + relocation.addend)
    }

    // MARK: - Symbols and licenses

    func testMissingSymbolIsNamed() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        expectError(.undefinedSymbol, bytes, containing: "'kernel_counter'") { name in
            name == Array("kernel_counter".utf8) ? nil : self.kernel(name)
        }
    }

    func testGPLOnlyExportNeedsAGPLModule() throws {
        let gplOnly: ([UInt8]) -> ModuleImport? = { name in
            self.kernel(name).map { ModuleImport(address: $0.address, gplOnly: true, provider: nil) }
        }
        let proprietary = try ModuleCompiler.build(Self.source.replacingOccurrences(of: "license=GPL", with: "license=Proprietary"))
        expectError(.gplOnlySymbol, proprietary, containing: "'kernel_counter'", resolve: gplOnly)
        let unlicensed = try ModuleCompiler.build(Self.source.replacingOccurrences(of: "license=GPL\\0", with: ""))
        expectError(.gplOnlySymbol, unlicensed, resolve: gplOnly)
        let dual = try ModuleCompiler.build(Self.source.replacingOccurrences(of: "license=GPL", with: "license=Dual MIT/GPL"))
        XCTAssertNoThrow(try link(dual, resolve: gplOnly))
    }

    func testCommonSymbolsAreRefused() throws {
        let bytes = try ModuleCompiler.build("int shared; int get(void) { return shared; }", extraFlags: ["-fcommon"])
        expectError(.unsupported, bytes, containing: "common symbol")
    }

    // MARK: - Overflow

    func testPC32OverflowIsCaught() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        expectError(.relocationOverflow, bytes, containing: "R_X86_64_P") { name in   // PC32 or PLT32
            self.kernel(name).map { ModuleImport(address: $0.address + 0x1_0000_0000, gplOnly: false, provider: nil) }
        }
    }

    func testAbsolute32OverflowIsCaught() throws {
        // R_X86_64_32S of `storage` from code at a base above 2 GiB.
        let bytes = try ModuleCompiler.build("int storage[4]; int get(int i) { return storage[i & 3]; }")
        let types = try ELFObject(ByteReader(bytes)).relocationSections.flatMap { $0.entries.map(\.type) }
        XCTAssertTrue(types.contains(ELF.Relocation.abs32S))
        expectError(.relocationOverflow, bytes, containing: "R_X86_64_32S", base: 0x1_0000_0000)
    }

    // MARK: - Malformed files

    func testTruncatedFilesAreRejected() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        expectError(.truncated, [], containing: "shorter than an ELF header")
        expectError(.truncated, Array(bytes.prefix(63)))
        let sectionTable = Int(u64(bytes, 40))
        expectError(.truncated, Array(bytes.prefix(sectionTable + 100)), containing: "section header table")
        // Cut inside the section contents, keeping the header table by moving it: shrink the file
        // under the last section's data instead.
        var shortened = bytes
        let lastData = try XCTUnwrap(try ELFObject(ByteReader(bytes)).sections.filter(\.occupiesFile).max { $0.fileOffset < $1.fileOffset })
        patch64(&shortened, sectionTable + lastData.index * 64 + 24, UInt64(bytes.count) - 4)
        expectError(.truncated, shortened, containing: "past the end")
    }

    func testBadHeadersAreRejected() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        func with(_ offset: Int, _ value: UInt8) -> [UInt8] { var b = bytes; b[offset] = value; return b }
        expectError(.badHeader, with(0, 0x7E), containing: "magic")
        expectError(.badHeader, with(4, 1), containing: "64-bit")
        expectError(.badHeader, with(5, 2), containing: "little-endian")
        expectError(.badHeader, with(6, 2), containing: "version")
        expectError(.badHeader, with(16, 2), containing: "ET_REL")
        expectError(.badHeader, with(18, 3), containing: "x86-64")
        expectError(.badHeader, with(58, 40), containing: "e_shentsize")
        var badIndex = bytes
        badIndex[62] = 0xFF; badIndex[63] = 0x00
        expectError(.badHeader, badIndex, containing: "e_shstrndx")
        var notStrings = bytes
        notStrings[62] = 0; notStrings[63] = 0   // section 0, SHT_NULL
        expectError(.badHeader, notStrings, containing: "string table")
    }

    func testBadSectionsAreRejected() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        let object = try ELFObject(ByteReader(bytes))
        let table = Int(u64(bytes, 40))
        let text = try XCTUnwrap(object.section(named: ".text"))
        let header = table + text.index * 64

        var pastEnd = bytes
        patch64(&pastEnd, header + 24, UInt64(bytes.count) + 16)
        expectError(.truncated, pastEnd, containing: "past the end")
        var hugeSize = bytes
        patch64(&hugeSize, header + 32, UInt64.max - 8)
        expectError(.truncated, hugeSize)
        var alignment = bytes
        patch64(&alignment, header + 48, 24)
        expectError(.badSection, alignment, containing: "power of two")
        var link = bytes
        patch32(&link, header + 40, 999)
        expectError(.badSection, link, containing: "sh_link")
        let symtab = try XCTUnwrap(object.sections.first { $0.type == ELF.sectionSymbolTable })
        var globals = bytes
        patch32(&globals, table + symtab.index * 64 + 44, 100_000)
        expectError(.badSection, globals, containing: "first global index")

        let rela = try XCTUnwrap(object.sections.first { $0.type == ELF.sectionRela })
        var badInfo = bytes
        patch32(&badInfo, table + rela.index * 64 + 44, 999)
        expectError(.badSection, badInfo, containing: "sh_info")
        var badLink = bytes
        patch32(&badLink, table + rela.index * 64 + 40, UInt32(text.index))
        expectError(.badSection, badLink, containing: "link")
        var badEntrySize = bytes
        patch64(&badEntrySize, table + rela.index * 64 + 56, 16)
        expectError(.badSection, badEntrySize, containing: "entry size")

        // The section-name table without its final NUL.
        let names = object.sections[Int(bytes[62]) | Int(bytes[63]) << 8]
        var unterminated = bytes
        unterminated[names.fileOffset + Int(names.size) - 1] = 0x41
        expectError(.badString, unterminated, containing: "NUL")
        // A section name offset past the table.
        var badName = bytes
        patch32(&badName, header, UInt32(names.size) + 5)
        expectError(.badString, badName, containing: "section name")
    }

    func testBadSymbolsAndRelocationsAreRejected() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        let object = try ELFObject(ByteReader(bytes))
        let symtab = try XCTUnwrap(object.sections.first { $0.type == ELF.sectionSymbolTable })
        let defined = try XCTUnwrap(object.symbols.firstIndex { $0.name == Array("exported".utf8) })
        var badSection = bytes
        patch16(&badSection, symtab.fileOffset + defined * 24 + 6, 0x7000)
        expectError(.badSymbol, badSection, containing: "'exported'")
        var badValue = bytes
        patch64(&badValue, symtab.fileOffset + defined * 24 + 8, 0x10_0000)
        expectError(.badSymbol, badValue, containing: "past the end of its section")
        var badName = bytes
        patch32(&badName, symtab.fileOffset + defined * 24, 0x7FFF_FFFF)
        expectError(.badString, badName, containing: "symbol name")

        let rela = try XCTUnwrap(object.relocationSections.first { object.sections[$0.target].name == Array(".text".utf8) })
        let entry = object.sections[rela.index].fileOffset
        var badIndex = bytes
        patch32(&badIndex, entry + 12, UInt32(object.symbols.count))
        expectError(.badRelocation, badIndex, containing: "symbol index")
        var badOffset = bytes
        patch64(&badOffset, entry, 0x100_0000)
        expectError(.badRelocation, badOffset, containing: "outside its target")
        var unknown = bytes
        patch32(&unknown, entry + 8, 99)
        expectError(.unsupportedRelocation, unknown, containing: "relocation type 99 is not supported")
        var dynamic = bytes
        patch32(&dynamic, entry + 8, 8)   // R_X86_64_RELATIVE
        expectError(.unsupportedRelocation, dynamic, containing: "R_X86_64_RELATIVE")
        var fieldPastEnd = bytes
        let text = object.sections[rela.target]
        patch64(&fieldPastEnd, entry, text.size - 2)
        patch32(&fieldPastEnd, entry + 8, ELF.Relocation.pc32)
        expectError(.badRelocation, fieldPastEnd, containing: "past the end")
    }

    func testBadModuleInfoIsRejected() throws {
        XCTAssertThrowsError(try ModuleInfo(Array("name=x\0oops\0".utf8)))
        let info = try ModuleInfo(Array("\0\0name=x\0depends=a,b\0license=Dual BSD/GPL\0parm=p:desc\0parm=q:d\0".utf8))
        XCTAssertEqual(info.name, Array("x".utf8))
        XCTAssertEqual(info.dependencies, [Array("a".utf8), Array("b".utf8)])
        XCTAssertTrue(info.isGPLCompatible)
        XCTAssertEqual(info.values("parm").count, 2)
        XCTAssertFalse(try ModuleInfo(Array("license=GPLv3\0".utf8)).isGPLCompatible)
    }

    /// Random byte and field mutations of a valid module: every one is linked or refused, never a trap.
    func testMutatedModulesNeverTrap() throws {
        let bytes = try ModuleCompiler.build(Self.source)
        var random = SplitMix64(state: 0xA905)
        var refused = 0
        for _ in 0..<3000 {
            var mutated = bytes
            for _ in 0..<(1 + random.below(4)) {
                let offset = random.below(mutated.count)
                switch random.below(3) {
                case 0: mutated[offset] = UInt8(truncatingIfNeeded: random.next())
                case 1: mutated[offset] ^= 1 << UInt8(random.below(8))
                default: if offset + 8 <= mutated.count { patch64(&mutated, offset, random.next() % UInt64(mutated.count * 2)) }
                }
            }
            if random.below(10) == 0 { mutated = Array(mutated.prefix(random.below(mutated.count))) }
            do { _ = try link(mutated) } catch { refused += 1 }
        }
        XCTAssertGreaterThan(refused, 100)
    }

    // MARK: - Helpers

    private func patch16(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt16) {
        for i in 0..<2 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt16(i))) }
    }
    private func patch32(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt32) {
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }
    private func patch64(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt64) {
        for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }
}

private enum ModuleLinkerTestsGOT {
    static func isGOT(_ type: UInt32) -> Bool {
        type == ELF.Relocation.gotpcrel || type == ELF.Relocation.gotpcrelx || type == ELF.Relocation.rexGotpcrelx
    }
}

/// Collects written text.
private struct ByteSink: TextSink {
    var bytes: [UInt8] = []
    mutating func write(_ byte: UInt8) { bytes.append(byte) }
}
