// SPDX-License-Identifier: GPL-2.0-only
// The result of linking a module at its address: the image bytes and what the loader needs from them.

/// What the resolver says about an import.
public struct ModuleImport {
    public let address: UInt64
    /// Exported with `EXPORT_SYMBOL_GPL`.
    public let gplOnly: Bool
    /// Which loaded module exports it (the resolver's own numbering), or nil for the kernel.
    public let provider: Int?

    public init(address: UInt64, gplOnly: Bool, provider: Int?) {
        self.address = address
        self.gplOnly = gplOnly
        self.provider = provider
    }
}

/// One entry of a module's `__ksymtab`, read after relocation.
public struct ModuleExport: Sendable {
    public let name: [UInt8]
    public let address: UInt64
    public let gplOnly: Bool

    public init(name: [UInt8], address: UInt64, gplOnly: Bool) {
        self.name = name
        self.address = address
        self.gplOnly = gplOnly
    }
}

/// A function of the module, for backtraces.
public struct ModuleFunction {
    public let name: [UInt8]
    public let address: UInt64
    public let size: UInt64
}

/// A module's functions sorted by address, for naming the frames of a backtrace.
public struct ModuleFunctionTable {
    public let functions: [ModuleFunction]

    public init(_ functions: [ModuleFunction]) {
        self.functions = functions.sorted { $0.address < $1.address }
    }

    /// The function holding `address`, and the offset into it.
    public func lookup(_ address: UInt64) -> (function: ModuleFunction, offset: UInt64)? {
        var low = 0
        var high = functions.count
        while low < high {
            let middle = (low + high) / 2
            if functions[middle].address <= address { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = functions[low - 1]
        let offset = address - candidate.address
        guard offset < max(candidate.size, 1) else { return nil }
        return (candidate, offset)
    }
}

/// A module linked for `base`: copy `image` there and map each of `layout.regions` with its protection.
public struct LinkedModule {
    public let base: UInt64
    public let image: [UInt8]
    public let layout: ModuleLayout
    public let info: ModuleInfo
    /// `__ksymtab`, in order.
    public let exports: [ModuleExport]
    /// Function symbols in loaded sections.
    public let functions: ModuleFunctionTable
    /// `init_module` (module_init), `cleanup_module` (module_exit) and `__this_module`, when defined.
    public let initAddress: UInt64?
    public let exitAddress: UInt64?
    public let thisModuleAddress: UInt64?
    /// The `struct kernel_param` array of `__param`.
    public let parameterAddress: UInt64
    public let parameterCount: Int
    /// The modules (resolver numbering) this one imports from, each once.
    public let providers: [Int]
}
