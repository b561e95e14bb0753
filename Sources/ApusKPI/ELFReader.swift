// SPDX-License-Identifier: GPL-2.0-only
// The one place apus-kpi calls libelf: the type and symbol table of an ELF image held in memory.

import CLibElf

public enum ELFReader {
    /// Reads `bytes` as an ELF64 x86-64 file. Errors name the problem (no path: the caller adds it).
    public static func symbols(of bytes: [UInt8]) throws(KPIError) -> ELFSymbols {
        try ELFIdentification.check(bytes)
        // elf_version only records the ELF version apus-kpi is written for.
        guard elf_version(UInt32(EV_CURRENT)) != UInt32(EV_NONE) else {
            throw KPIError("libelf is older than the ELF version apus-kpi uses")
        }
        var copy = bytes
        return try unsafe copy.withUnsafeMutableBufferPointer { (buffer) throws(KPIError) -> ELFSymbols in
            // SAFETY: libelf reads the image in `buffer`, which outlives `elf` (ended by the defer below);
            // every pointer libelf hands back (section data, strings) is used before elf_end.
            guard let base = buffer.baseAddress,
                  let elf = unsafe elf_memory(UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self), buffer.count)
            else { throw libelfError("cannot open the ELF image") }
            defer { unsafe _ = elf_end(elf) }
            return try unsafe read(elf)
        }
    }

    private static func read(_ elf: OpaquePointer) throws(KPIError) -> ELFSymbols {
        // SAFETY (whole function): `elf` is a live descriptor (see `symbols(of:)`); GElf structures are
        // filled in by libelf, which checks indices against the section and data sizes it has validated.
        guard unsafe elf_kind(elf) == ELF_K_ELF else { throw KPIError("not an ELF file") }
        var header = GElf_Ehdr()
        guard unsafe gelf_getehdr(elf, &header) != nil else { throw libelfError("bad ELF header") }
        var symbols: [ELFSymbol] = []
        var sawSymbolTable = false
        var section: OpaquePointer? = nil
        while let next = unsafe elf_nextscn(elf, section) {
            unsafe section = next
            var sectionHeader = GElf_Shdr()
            guard unsafe gelf_getshdr(next, &sectionHeader) != nil else { throw libelfError("bad section header") }
            guard sectionHeader.sh_type == SHT_SYMTAB else { continue }
            sawSymbolTable = true
            guard let data = unsafe elf_getdata(next, nil) else { throw libelfError("unreadable symbol table") }
            let entrySize = Int(unsafe gelf_fsize(elf, ELF_T_SYM, 1, UInt32(EV_CURRENT)))
            guard entrySize > 0 else { throw libelfError("unknown symbol size") }
            let count = unsafe data.pointee.d_size / entrySize
            for index in 1..<max(count, 1) {  // entry 0 is the null symbol
                var symbol = GElf_Sym()
                guard unsafe gelf_getsym(data, Int32(clamping: index), &symbol) != nil else {
                    throw libelfError("unreadable symbol \(index)")
                }
                guard let name = unsafe elf_strptr(elf, Int(sectionHeader.sh_link), Int(symbol.st_name)) else {
                    throw KPIError("symbol \(index): name offset \(symbol.st_name) outside its string table (section \(sectionHeader.sh_link))")
                }
                let text = unsafe String(cString: name)
                guard !text.isEmpty else { continue }
                symbols.append(ELFSymbol(name: text, isDefined: symbol.st_shndx != UInt16(SHN_UNDEF),
                                         binding: binding(symbol.st_info >> 4)))
            }
        }
        guard sawSymbolTable else { throw KPIError("no symbol table (stripped?)") }
        return ELFSymbols(type: ELFFileType(header.e_type), symbols: symbols)
    }

    private static func binding(_ value: UInt8) -> ELFSymbol.Binding {
        switch Int32(value) {
        case STB_LOCAL: .local
        case STB_GLOBAL: .global
        case STB_WEAK: .weak
        default: .other
        }
    }

    private static func libelfError(_ what: String) -> KPIError {
        // SAFETY: elf_errmsg returns a static NUL-terminated string (or NULL).
        guard let message = unsafe elf_errmsg(-1) else { return KPIError(what) }
        return KPIError("\(what): \(unsafe String(cString: message))")
    }
}
