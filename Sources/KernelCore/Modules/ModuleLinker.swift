// SPDX-License-Identifier: GPL-2.0-only
// Links a validated module object at a given address: resolves symbols, applies x86-64 relocations
// with overflow checks, fills the GOT, and reads `__ksymtab`, `__param` and the entry points.

/// The module linker. It works on bytes only (no memory is touched), so the host tests run it.
public enum ModuleLinker {
    /// `sizeof(struct kernel_param)` in LinuxKPI's `linux/moduleparam.h` (params.c asserts it).
    public static let kernelParamSize = 40
    /// `sizeof(struct kernel_symbol)` in `linux/export.h`: value, name, flags.
    public static let kernelSymbolSize = 24

    /// Links `object` for the address `base` (page-aligned; the image spans `layout.size` bytes).
    /// `resolve` answers for each undefined symbol by name; an unresolved weak symbol is 0.
    public static func link(_ object: ELFObject, layout: ModuleLayout, info: ModuleInfo, base: UInt64,
                            resolve: ([UInt8]) -> ModuleImport?) throws(ModuleError) -> LinkedModule {
        guard base % UInt64(ModuleLayout.pageSize) == 0, base <= (1 << 47) - UInt64(layout.size) else {
            throw ModuleError(.unsupported, "module base address is misaligned or too high", offset: base)
        }
        var image = [UInt8](repeating: 0, count: layout.size)
        for section in object.sections where section.occupiesFile {
            guard let offset = layout.sectionOffsets[section.index] else { continue }
            let contents = object.contents(of: section)
            for index in 0..<contents.count { image[offset + index] = contents.u8(at: index)! }
        }

        // Symbol addresses.
        var addresses = [UInt64?](repeating: nil, count: object.symbols.count)
        var providers: [Int] = []
        for (index, symbol) in object.symbols.enumerated() {
            if symbol.isInSection {
                guard let offset = layout.sectionOffsets[Int(symbol.sectionIndex)] else { continue }
                addresses[index] = base + UInt64(offset) + symbol.value
            } else if symbol.sectionIndex == ELF.sectionAbsolute {
                addresses[index] = symbol.value
            } else if symbol.sectionIndex == ELF.sectionCommon {
                throw ModuleError(.unsupported, "common symbol (compile with -fno-common)", symbol: symbol.name)
            } else if symbol.name.isEmpty {
                addresses[index] = 0   // the null symbol (index 0)
            } else if let found = resolve(symbol.name) {
                if found.gplOnly && !info.isGPLCompatible {
                    throw ModuleError(.gplOnlySymbol, "GPL-only symbol used by a module whose license is not GPL-compatible",
                                      symbol: symbol.name)
                }
                if let provider = found.provider, !providers.contains(provider) { providers.append(provider) }
                addresses[index] = found.address
            } else if symbol.binding == ELF.bindWeak {
                addresses[index] = 0
            } else {
                throw ModuleError(.undefinedSymbol, "unknown symbol (exported by neither the kernel nor a loaded module)",
                                  symbol: symbol.name)
            }
        }

        // The GOT: one absolute address per symbol a GOTPCREL relocation names.
        for (index, slot) in layout.gotOffsets.enumerated() {
            guard let slot else { continue }
            guard let address = addresses[index] else {
                throw ModuleError(.badSymbol, "GOT entry for a symbol in a section that is not loaded", symbol: object.symbols[index].name)
            }
            store(address, width: 8, into: &image, at: slot)
        }

        for relocations in object.relocationSections {
            guard let targetOffset = layout.sectionOffsets[relocations.target] else { continue }
            let target = object.sections[relocations.target]
            guard target.occupiesFile else {
                throw ModuleError(.badRelocation, "relocations for a section without file contents", section: target.name)
            }
            for relocation in relocations.entries {
                try apply(relocation, in: target, at: targetOffset, object: object, layout: layout, base: base,
                          addresses: addresses, image: &image)
            }
        }

        let exports = try readExports(object, layout: layout, base: base, image: image)
        var parameterAddress: UInt64 = 0
        var parameterCount = 0
        if let section = object.section(named: "__param"), let offset = layout.sectionOffsets[section.index] {
            guard section.size % UInt64(kernelParamSize) == 0 else {
                throw ModuleError(.badModuleInfo, "size is not a multiple of struct kernel_param", section: section.name,
                                  offset: section.size)
            }
            parameterAddress = base + UInt64(offset)
            parameterCount = Int(section.size) / kernelParamSize
        }

        var functions: [ModuleFunction] = []
        var initAddress: UInt64?
        var exitAddress: UInt64?
        var thisModule: UInt64?
        for (index, symbol) in object.symbols.enumerated() where symbol.isInSection {
            guard let address = addresses[index] else { continue }
            if symbol.type == ELF.typeFunction && !symbol.name.isEmpty {
                functions.append(ModuleFunction(name: symbol.name, address: address, size: symbol.size))
            }
            guard !symbol.isLocal else { continue }
            if symbol.name == ByteReader.bytes(of: "init_module") { initAddress = address }
            if symbol.name == ByteReader.bytes(of: "cleanup_module") { exitAddress = address }
            if symbol.name == ByteReader.bytes(of: "__this_module") { thisModule = address }
        }

        return LinkedModule(base: base, image: image, layout: layout, info: info, exports: exports, functions: ModuleFunctionTable(functions),
                            initAddress: initAddress, exitAddress: exitAddress, thisModuleAddress: thisModule,
                            parameterAddress: parameterAddress, parameterCount: parameterCount, providers: providers)
    }

    private static func apply(_ relocation: ELFObject.Relocation, in target: ELFObject.Section, at targetOffset: Int,
                              object: ELFObject, layout: ModuleLayout, base: UInt64, addresses: [UInt64?],
                              image: inout [UInt8]) throws(ModuleError) {
        typealias R = ELF.Relocation
        let type = relocation.type
        func failure(_ kind: ModuleError.Kind, _ reason: StaticString) -> ModuleError {
            ModuleError(kind, reason, section: target.name, symbol: object.symbols[relocation.symbolIndex].name,
                        relocationType: type, offset: relocation.offset)
        }
        let width: Int
        switch type {
        case R.none: return
        case R.abs64, R.pc64, R.size64: width = 8
        case R.pc32, R.plt32, R.abs32, R.abs32S, R.gotpcrel, R.gotpcrelx, R.rexGotpcrelx, R.size32: width = 4
        case R.abs16, R.pc16: width = 2
        case R.abs8, R.pc8: width = 1
        default: throw failure(.unsupportedRelocation, "is not supported by the module loader")
        }
        guard relocation.offset + UInt64(width) <= target.size else {
            throw failure(.badRelocation, "field extends past the end of its section")
        }
        let symbol = object.symbols[relocation.symbolIndex]
        guard let s = addresses[relocation.symbolIndex] else {
            throw failure(.badSymbol, "refers to a section that is not loaded")
        }
        let a = UInt64(bitPattern: relocation.addend)
        let p = base + UInt64(targetOffset) + relocation.offset
        let value: UInt64
        var fits: (Int64) -> Bool = { _ in true }
        switch type {
        case R.abs64: value = s &+ a
        case R.pc64: value = s &+ a &- p
        case R.size64: value = symbol.size &+ a
        case R.pc32, R.plt32:
            value = s &+ a &- p
            fits = { Int64(Int32.min) <= $0 && $0 <= Int64(Int32.max) }
        case R.gotpcrel, R.gotpcrelx, R.rexGotpcrelx:
            value = base + UInt64(layout.gotOffsets[relocation.symbolIndex]!) &+ a &- p
            fits = { Int64(Int32.min) <= $0 && $0 <= Int64(Int32.max) }
        case R.abs32, R.size32:
            value = type == R.size32 ? symbol.size &+ a : s &+ a
            fits = { 0 <= $0 && $0 <= Int64(UInt32.max) }
        case R.abs32S:
            value = s &+ a
            fits = { Int64(Int32.min) <= $0 && $0 <= Int64(Int32.max) }
        case R.abs16:
            value = s &+ a
            fits = { Int64(Int16.min) <= $0 && $0 <= Int64(UInt16.max) }
        case R.pc16:
            value = s &+ a &- p
            fits = { Int64(Int16.min) <= $0 && $0 <= Int64(Int16.max) }
        case R.abs8:
            value = s &+ a
            fits = { Int64(Int8.min) <= $0 && $0 <= Int64(UInt8.max) }
        default:   // R.pc8
            value = s &+ a &- p
            fits = { Int64(Int8.min) <= $0 && $0 <= Int64(Int8.max) }
        }
        guard fits(Int64(bitPattern: value)) else {
            throw failure(.relocationOverflow, "value does not fit its field")
        }
        store(value, width: width, into: &image, at: targetOffset + Int(relocation.offset))
    }

    private static func readExports(_ object: ELFObject, layout: ModuleLayout, base: UInt64,
                                    image: [UInt8]) throws(ModuleError) -> [ModuleExport] {
        guard let section = object.section(named: "__ksymtab"), let offset = layout.sectionOffsets[section.index] else {
            return []
        }
        guard section.size % UInt64(kernelSymbolSize) == 0 else {
            throw ModuleError(.badModuleInfo, "size is not a multiple of struct kernel_symbol", section: section.name,
                              offset: section.size)
        }
        let reader = ByteReader(image)
        var exports: [ModuleExport] = []
        for entry in stride(from: offset, to: offset + Int(section.size), by: kernelSymbolSize) {
            let value = reader.u64(at: entry)!
            let namePointer = reader.u64(at: entry + 8)!
            let flags = reader.u64(at: entry + 16)!
            guard namePointer >= base, namePointer - base < UInt64(image.count),
                  let name = reader.nulTerminatedBytes(at: Int(namePointer - base)), !name.isEmpty else {
                throw ModuleError(.badModuleInfo, "export's name does not point to a string in the module", section: section.name,
                                  offset: UInt64(entry - offset))
            }
            exports.append(ModuleExport(name: name, address: value, gplOnly: flags & 1 != 0))
        }
        return exports
    }

    private static func store(_ value: UInt64, width: Int, into image: inout [UInt8], at offset: Int) {
        for index in 0..<width {
            image[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))
        }
    }
}
