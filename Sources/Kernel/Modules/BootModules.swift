// SPDX-License-Identifier: GPL-2.0-only
// Module files arrive as Multiboot2 boot modules named NAME.ko (scripts/mkiso --module); `modules=a,b` on
// the command line loads them at boot, and `NAME.param=value` words set their parameters.
import KernelCore

enum BootModules {
    private static let suffix = ByteReader.bytes(of: ".ko")

    /// The names (without .ko) of the module files the boot loader handed over.
    static var available: [[UInt8]] {
        (BootInfo.info?.modules ?? []).compactMap { module in
            module.string.count > suffix.count && module.string.suffix(suffix.count).elementsEqual(suffix)
                ? Array(module.string.dropLast(suffix.count)) : nil
        }
    }

    /// A copy of the bytes of boot module `NAME.ko` (or `name` as given, if it already ends in .ko).
    static func file(named name: [UInt8]) -> ByteReader? {
        let wanted = name.count > suffix.count && name.suffix(suffix.count).elementsEqual(suffix) ? name : name + suffix
        guard let module = BootInfo.info?.modules.first(where: { $0.string == wanted }), module.end >= module.start else {
            return nil
        }
        return DirectMapReader().read(physicalAddress: UInt64(module.start), count: Int(module.end - module.start))
    }

    /// A module name as Linux uses it: `-` becomes `_` (`list-test.ko` is module `list_test`).
    static func moduleName(_ name: [UInt8]) -> [UInt8] {
        name.map { $0 == 0x2D ? 0x5F : $0 }
    }

    /// `param=value` words for module `name`, from the command line's `name.param=value` words.
    static func commandLineParameters(of name: [UInt8]) -> [[UInt8]] {
        let prefix = moduleName(name) + [0x2E]   // "name."
        return BootInfo.commandLine.parameters.compactMap { parameter in
            guard parameter.key.count > prefix.count, moduleName(Array(parameter.key.prefix(prefix.count))) == prefix else {
                return nil
            }
            let key = Array(parameter.key.dropFirst(prefix.count))
            guard let value = parameter.value else { return key }
            return key + [0x3D] + value
        }
    }

    /// Loads the modules `modules=` names, in order (from the main thread: init may sleep).
    static func loadFromCommandLine() {
        log(.info) { line in
            line.write("modules: ")
            line.writeDecimal(KernelExports.count)
            line.write(" kernel exports, ")
            line.writeDecimal(available.count)
            line.write(" module files")
        }
        for name in BootInfo.commandLine.list("modules") {
            _ = ModuleLoader.load(name, arguments: [])
        }
    }
}
