// SPDX-License-Identifier: GPL-2.0-only
// `apus-kpi census`: how many of a tree of Linux modules' imports the Apus kernel and the tree itself
// provide — the arithmetic, apart from reading files and printing.

/// One module of the tree: where it is (for the report) and its symbols.
public struct CensusInput: Sendable {
    public var path: String
    public var symbols: ModuleSymbols

    public init(path: String, symbols: ModuleSymbols) {
        self.path = path
        self.symbols = symbols
    }
}

/// One module's coverage. Config-dependent imports (`ConfigSymbols`) are counted apart and in neither
/// `provided` nor `total`.
public struct ModuleCoverage: Equatable, Sendable {
    public var path: String
    public var provided: Int
    public var total: Int
    public var missing: [String]
    public var ignored: Int

    public var isLinkable: Bool { missing.isEmpty }
}

/// How often one family of config-dependent symbols was imported.
public struct IgnoredFamily: Equatable, Sendable {
    public var label: String
    public var references: Int
    public var modules: Int
}

/// A symbol no one provides and the number of modules that import it.
public struct WantedSymbol: Equatable, Sendable {
    public var symbol: String
    public var modules: Int
}

public struct CensusResult: Equatable, Sendable {
    /// Per module, in the order given.
    public var modules: [ModuleCoverage]
    /// Modules whose every import is provided (by the kernel or by any module of the tree).
    public var linkable: Int
    /// Modules whose every import is provided by the kernel or by modules that are themselves linkable
    /// with their dependencies — what could really be loaded, dependencies first.
    public var linkableWithDependencies: Int
    /// Import references (a module importing a symbol counts once) that count, and how many are provided.
    public var references: Int
    public var satisfied: Int
    /// Every unprovided symbol, most-wanted first (ties by name).
    public var mostWanted: [WantedSymbol]
    /// The config-dependent families that occurred, in `ConfigSymbols.rules` order.
    public var ignored: [IgnoredFamily]
}

public enum Census {
    public static func run(_ inputs: [CensusInput], kernelExports: Set<String>) -> CensusResult {
        var providers: [String: [Int]] = [:]  // symbol → the modules that export it
        for (index, input) in inputs.enumerated() {
            for symbol in input.symbols.exports { providers[symbol, default: []].append(index) }
        }

        var modules: [ModuleCoverage] = []
        var wanted: [String: Int] = [:]
        var ignoredReferences = [Int](repeating: 0, count: ConfigSymbols.rules.count)
        var ignoredModules = [Int](repeating: 0, count: ConfigSymbols.rules.count)
        var needed: [[String]] = []  // per module, the imports that count
        for input in inputs {
            var coverage = ModuleCoverage(path: input.path, provided: 0, total: 0, missing: [], ignored: 0)
            var families = Set<Int>()
            var counted: [String] = []
            for symbol in input.symbols.imports {
                if let rule = ConfigSymbols.ruleIndex(for: symbol) {
                    coverage.ignored += 1
                    ignoredReferences[rule] += 1
                    families.insert(rule)
                    continue
                }
                counted.append(symbol)
                coverage.total += 1
                if kernelExports.contains(symbol) || providers[symbol] != nil {
                    coverage.provided += 1
                } else {
                    coverage.missing.append(symbol)
                    wanted[symbol, default: 0] += 1
                }
            }
            for rule in families { ignoredModules[rule] += 1 }
            modules.append(coverage)
            needed.append(counted)
        }

        let mostWanted = wanted.map { WantedSymbol(symbol: $0.key, modules: $0.value) }
            .sorted { ($0.modules, $1.symbol) > ($1.modules, $0.symbol) }
        let ignored = ConfigSymbols.rules.indices.compactMap { rule -> IgnoredFamily? in
            guard ignoredReferences[rule] > 0 else { return nil }
            return IgnoredFamily(label: ConfigSymbols.rules[rule].label, references: ignoredReferences[rule],
                                 modules: ignoredModules[rule])
        }
        return CensusResult(
            modules: modules,
            linkable: modules.count { $0.isLinkable },
            linkableWithDependencies: linkableWithDependencies(needed, providers: providers, kernelExports: kernelExports),
            references: modules.reduce(0) { $0 + $1.total },
            satisfied: modules.reduce(0) { $0 + $1.provided },
            mostWanted: mostWanted,
            ignored: ignored)
    }

    /// The size of the least set of modules closed under "every import comes from the kernel or from a
    /// module in the set": modules are added until none more qualifies (dependency cycles never qualify).
    static func linkableWithDependencies(_ needed: [[String]], providers: [String: [Int]],
                                         kernelExports: Set<String>) -> Int {
        var loadable = [Bool](repeating: false, count: needed.count)
        var changed = true
        while changed {
            changed = false
            for (index, imports) in needed.enumerated() where !loadable[index] {
                let resolved = imports.allSatisfy { symbol in
                    kernelExports.contains(symbol) || (providers[symbol] ?? []).contains { loadable[$0] }
                }
                if resolved {
                    loadable[index] = true
                    changed = true
                }
            }
        }
        return loadable.count { $0 }
    }
}
