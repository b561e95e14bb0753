// SPDX-License-Identifier: GPL-2.0-only
// A module's `.modinfo`: NUL-separated `key=value` strings (name, license, depends, parm…).

/// The `.modinfo` section of a module, as `MODULE_*` macros and scripts/kmod's generated mod.c write it.
public struct ModuleInfo {
    public struct Entry {
        public let key: [UInt8]
        public let value: [UInt8]
    }

    public let entries: [Entry]

    /// Licenses whose modules may use GPL-only exports (Linux's `license_is_gpl_compatible`).
    static let gplCompatible: [StaticString] = [
        "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL",
    ]

    /// Splits `bytes` at NULs; empty strings (padding) are skipped, a string without `=` is an error.
    public init(_ bytes: [UInt8]) throws(ModuleError) {
        var entries: [Entry] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0 { end += 1 }
            if end > start {
                let item = bytes[start..<end]
                guard let equals = item.firstIndex(of: 0x3D) else {
                    throw ModuleError(.badModuleInfo, "entry without '=' ", section: ByteReader.bytes(of: ".modinfo"),
                                      symbol: Array(item), offset: UInt64(start))
                }
                entries.append(Entry(key: Array(item[start..<equals]), value: Array(item[(equals + 1)..<end])))
            }
            start = end + 1
        }
        self.entries = entries
    }

    /// The `.modinfo` of `object`; an object without one has no entries.
    public init(_ object: ELFObject) throws(ModuleError) {
        try self.init(object.section(named: ".modinfo").map { object.contents(of: $0).allBytes } ?? [])
    }

    /// The value of the first `key=`.
    public func value(_ key: StaticString) -> [UInt8]? {
        let wanted = ByteReader.bytes(of: key)
        return entries.first { $0.key == wanted }?.value
    }

    /// Every value of `key`, in order (`alias=`, `parm=`…).
    public func values(_ key: StaticString) -> [[UInt8]] {
        let wanted = ByteReader.bytes(of: key)
        return entries.filter { $0.key == wanted }.map { $0.value }
    }

    /// `name=`; a module must have one (scripts/kmod's mod.c writes it).
    public var name: [UInt8]? { value("name") }

    /// `license=`, or nil when the module declares none.
    public var license: [UInt8]? { value("license") }

    /// The module names of `depends=` (empty items dropped).
    public var dependencies: [[UInt8]] {
        guard let list = value("depends") else { return [] }
        return list.split(separator: 0x2C).map { Array($0) }
    }

    /// Whether the license lets the module use GPL-only exports.
    public var isGPLCompatible: Bool {
        guard let license else { return false }
        return Self.gplCompatible.contains { ByteReader.bytes(of: $0) == license }
    }
}
