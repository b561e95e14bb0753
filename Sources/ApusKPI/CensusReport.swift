// SPDX-License-Identifier: GPL-2.0-only
// The text `apus-kpi census` prints: one line per module, then the totals and the most-wanted symbols.

public struct CensusReport {
    public var result: CensusResult
    /// Where the tree and the kernel came from, for the heading.
    public var directory: String
    public var kernel: String
    public var kernelExports: Int
    /// Module files that could not be read (their errors are printed as they happen).
    public var unreadable: Int
    /// List each module's missing symbols under its line.
    public var listMissing: Bool
    /// How many most-wanted symbols to list.
    public var top: Int

    public init(result: CensusResult, directory: String, kernel: String, kernelExports: Int, unreadable: Int,
                listMissing: Bool, top: Int) {
        self.result = result
        self.directory = directory
        self.kernel = kernel
        self.kernelExports = kernelExports
        self.unreadable = unreadable
        self.listMissing = listMissing
        self.top = top
    }

    /// `part` as a percentage of `whole` with one decimal (rounded half up), or `n/a` for an empty whole.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func padded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    public var lines: [String] {
        var lines = ["census of \(result.modules.count) modules under \(directory); kernel \(kernel) exports \(kernelExports) symbols"]
        lines.append("provided/total imports per module (config-dependent imports not counted):")
        let counts = result.modules.map { "\($0.provided)/\($0.total)" }
        let width = counts.map(\.count).max() ?? 0
        for (module, count) in zip(result.modules, counts) {
            lines.append("  \(Self.padded(count, width))  \(module.path)")
            if listMissing {
                lines += module.missing.map { "  \(String(repeating: " ", count: width))    missing \($0)" }
            }
        }
        let modules = result.modules.count
        lines.append("totals:")
        lines.append("  modules read: \(modules)" + (unreadable > 0 ? " (\(unreadable) unreadable, left out)" : ""))
        lines.append("  fully linkable (every import provided): \(result.linkable) of \(modules) (\(Self.percent(result.linkable, of: modules)))")
        lines.append("  linkable with their dependencies: \(result.linkableWithDependencies) of \(modules) (\(Self.percent(result.linkableWithDependencies, of: modules)))")
        lines.append("  import references satisfied: \(result.satisfied) of \(result.references) (\(Self.percent(result.satisfied, of: result.references)))")
        lines.append("  distinct symbols missing: \(result.mostWanted.count)")
        let ignored = result.ignored.reduce(0) { $0 + $1.references }
        lines.append("  config-dependent import references ignored: \(ignored)")
        let labelWidth = result.ignored.map(\.label.count).max() ?? 0
        for family in result.ignored {
            lines.append("    \(family.label)\(String(repeating: " ", count: labelWidth - family.label.count))  \(family.references) in \(family.modules) modules")
        }
        let shown = result.mostWanted.prefix(max(0, top))
        if !shown.isEmpty {
            lines.append("most-wanted missing symbols (top \(shown.count); modules importing each):")
            let numberWidth = String(shown.first?.modules ?? 0).count
            lines += shown.map { "  \(Self.padded(String($0.modules), numberWidth))  \($0.symbol)" }
        }
        return lines
    }
}
