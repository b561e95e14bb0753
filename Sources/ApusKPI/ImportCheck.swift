// SPDX-License-Identifier: GPL-2.0-only
// `apus-kpi check`: the imports of a set of modules that neither the kernel nor another module of the set
// exports.

public struct MissingImport: Equatable, Sendable {
    public var module: String
    public var symbol: String

    public init(module: String, symbol: String) {
        self.module = module
        self.symbol = symbol
    }
}

public enum ImportCheck {
    /// Each module's unresolved imports, in the modules' order and each module's symbols sorted.
    /// With `ignoringConfigSymbols`, imports of `ConfigSymbols.rules` are not reported.
    public static func missing(modules: [(name: String, symbols: ModuleSymbols)], kernelExports: Set<String>,
                               ignoringConfigSymbols: Bool = false) -> [MissingImport] {
        var result: [MissingImport] = []
        for (index, module) in modules.enumerated() {
            var provided = kernelExports
            for (other, otherModule) in modules.enumerated() where other != index {
                provided.formUnion(otherModule.symbols.exports)
            }
            for symbol in module.symbols.imports where !provided.contains(symbol) {
                if ignoringConfigSymbols && ConfigSymbols.ruleIndex(for: symbol) != nil { continue }
                result.append(MissingImport(module: module.name, symbol: symbol))
            }
        }
        return result
    }
}
