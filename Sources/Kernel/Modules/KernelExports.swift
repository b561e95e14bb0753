// SPDX-License-Identifier: GPL-2.0-only
// The kernel's export table: LinuxKPI's EXPORT_SYMBOL entries between __start___ksymtab and __stop___ksymtab,
// read once and sorted by name for the module linker's lookups.
import KernelCore
import KernelSupport

enum KernelExports {
    /// Exports sorted by name.
    private static let table: [ModuleExport] = read()

    static var count: Int { table.count }

    /// The kernel's export called `name`.
    static func lookup(_ name: [UInt8]) -> ModuleExport? {
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle].name.lexicographicallyPrecedes(name) { low = middle + 1 } else { high = middle }
        }
        guard low < table.count, table[low].name == name else { return nil }
        return table[low]
    }

    private static func read() -> [ModuleExport] {
        let start = linker_ksymtab_start()
        let end = linker_ksymtab_end()
        let entrySize = UInt64(ModuleLinker.kernelSymbolSize)
        guard end > start, (end - start) % entrySize == 0 else { return [] }
        var exports: [ModuleExport] = []
        var entry = start
        while entry < end {
            // SAFETY: [__start___ksymtab, __stop___ksymtab) is read-only data of the image holding
            // struct kernel_symbol entries (8-byte aligned, kernel.ld), mapped for the kernel's lifetime.
            let words = unsafe UnsafePointer<UInt64>(bitPattern: UInt(entry))!
            let (value, name, flags) = unsafe (words[0], words[1], words[2])
            if let bytes = imageString(at: name) {
                exports.append(ModuleExport(name: bytes, address: value, gplOnly: flags & 1 != 0))
            } else {
                log(.error, "modules: a kernel export's name is not a string in the image; skipped")
            }
            entry += entrySize
        }
        exports.sort { $0.name.lexicographicallyPrecedes($1.name) }
        return exports
    }

    /// The NUL-terminated string at `address` if it lies in the kernel's read-only data.
    private static func imageString(at address: UInt64) -> [UInt8]? {
        let limit = linker_rodata_end()
        guard address >= linker_rodata_start(), address < limit else { return nil }
        var bytes: [UInt8] = []
        var cursor = address
        while cursor < limit {
            // SAFETY: `cursor` lies in the image's read-only data, mapped for the kernel's lifetime.
            let byte = unsafe UnsafePointer<UInt8>(bitPattern: UInt(cursor))!.pointee
            if byte == 0 { return bytes }
            bytes.append(byte)
            cursor += 1
        }
        return nil
    }
}
