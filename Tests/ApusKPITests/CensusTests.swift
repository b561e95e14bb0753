// SPDX-License-Identifier: GPL-2.0-only
// Tests the census arithmetic: per-module coverage, linkable counts (with dependencies), references,
// most-wanted symbols, config-dependent imports, percentages and the report's text.

@testable import ApusKPI
import XCTest

final class CensusTests: XCTestCase {
    private func module(_ path: String, exports: Set<String> = [], imports: [String]) -> CensusInput {
        CensusInput(path: path, symbols: ModuleSymbols(exports: exports, imports: imports.sorted()))
    }

    /// nvme imports from nvme-core, which misses one symbol; e1000 needs only the kernel; two modules
    /// miss `pci_thing`; the thunks and `__fentry__` are config-dependent.
    private var tree: [CensusInput] {
        [
            module("nvme/host/nvme-core.ko", exports: ["nvme_init_ctrl", "nvme_remove"],
                   imports: ["kfree", "blk_mq_alloc", "__fentry__", "__x86_return_thunk"]),
            module("nvme/host/nvme.ko", imports: ["nvme_init_ctrl", "kfree", "pci_thing", "__fentry__"]),
            module("net/e1000.ko", imports: ["kfree", "_printk", "__fentry__", "__x86_indirect_thunk_rax",
                                             "__x86_indirect_thunk_r8", "__tracepoint_x", "__SCT__might_resched"]),
            module("net/e1000e.ko", imports: ["pci_thing", "zzz_only_here", "_printk"]),
            module("misc/empty.ko", imports: ["__fentry__"]),
        ]
    }

    func testPerModuleCoverage() {
        let result = Census.run(tree, kernelExports: ["kfree", "_printk"])
        XCTAssertEqual(result.modules, [
            ModuleCoverage(path: "nvme/host/nvme-core.ko", provided: 1, total: 2, missing: ["blk_mq_alloc"], ignored: 2),
            ModuleCoverage(path: "nvme/host/nvme.ko", provided: 2, total: 3, missing: ["pci_thing"], ignored: 1),
            ModuleCoverage(path: "net/e1000.ko", provided: 2, total: 2, missing: [], ignored: 5),
            ModuleCoverage(path: "net/e1000e.ko", provided: 1, total: 3, missing: ["pci_thing", "zzz_only_here"], ignored: 0),
            ModuleCoverage(path: "misc/empty.ko", provided: 0, total: 0, missing: [], ignored: 1),
        ])
    }

    func testTotals() {
        let result = Census.run(tree, kernelExports: ["kfree", "_printk"])
        XCTAssertEqual(result.linkable, 2)  // e1000 and empty
        XCTAssertEqual(result.linkableWithDependencies, 2)
        XCTAssertEqual(result.references, 10)
        XCTAssertEqual(result.satisfied, 6)
        XCTAssertEqual(result.mostWanted, [
            WantedSymbol(symbol: "pci_thing", modules: 2),
            WantedSymbol(symbol: "blk_mq_alloc", modules: 1),
            WantedSymbol(symbol: "zzz_only_here", modules: 1),
        ])
        XCTAssertEqual(result.ignored, [
            IgnoredFamily(label: "__fentry__", references: 4, modules: 4),
            IgnoredFamily(label: "__x86_return_thunk", references: 1, modules: 1),
            IgnoredFamily(label: "__x86_indirect_thunk_*", references: 2, modules: 1),
            IgnoredFamily(label: "__SCT__*, __SCK__*", references: 1, modules: 1),
            IgnoredFamily(label: "__tracepoint_*, __traceiter_*", references: 1, modules: 1),
        ])
    }

    func testDependenciesMustThemselvesBeLinkable() {
        // Once the kernel exports what nvme-core and nvme miss, both link, nvme only thanks to nvme-core.
        let all = Census.run(tree, kernelExports: ["kfree", "_printk", "blk_mq_alloc", "pci_thing"])
        XCTAssertEqual(all.linkable, 4)
        XCTAssertEqual(all.linkableWithDependencies, 4)
        // nvme's own imports are all provided, but nvme-core (its provider) misses blk_mq_alloc.
        let partial = Census.run(tree, kernelExports: ["kfree", "_printk", "pci_thing"])
        XCTAssertEqual(partial.modules[1].missing, [])
        XCTAssertEqual(partial.linkable, 3)                   // nvme, e1000, empty
        XCTAssertEqual(partial.linkableWithDependencies, 2)  // e1000, empty
    }

    func testChainsResolveInAnyOrderAndCyclesNever() {
        let chain = [
            module("c.ko", imports: ["from_b"]),
            module("b.ko", exports: ["from_b"], imports: ["from_a"]),
            module("a.ko", exports: ["from_a"], imports: ["k"]),
        ]
        XCTAssertEqual(Census.run(chain, kernelExports: ["k"]).linkableWithDependencies, 3)
        XCTAssertEqual(Census.run(chain, kernelExports: []).linkableWithDependencies, 0)
        let cycle = [
            module("x.ko", exports: ["from_x"], imports: ["from_y"]),
            module("y.ko", exports: ["from_y"], imports: ["from_x"]),
        ]
        let result = Census.run(cycle, kernelExports: [])
        XCTAssertEqual(result.linkable, 2)
        XCTAssertEqual(result.linkableWithDependencies, 0)
        // A symbol two modules export is there if either of them links.
        let alternatives = [
            module("user.ko", imports: ["shared"]),
            module("broken.ko", exports: ["shared"], imports: ["nowhere"]),
            module("fine.ko", exports: ["shared"], imports: []),
        ]
        XCTAssertEqual(Census.run(alternatives, kernelExports: []).linkableWithDependencies, 2)
    }

    func testEmptyTree() {
        let result = Census.run([], kernelExports: ["kfree"])
        XCTAssertEqual(result.references, 0)
        XCTAssertEqual(result.linkable, 0)
        XCTAssertEqual(result.mostWanted, [])
    }

    func testConfigSymbolRules() {
        for symbol in ["__fentry__", "__x86_return_thunk", "__x86_indirect_thunk_r11", "__stack_chk_fail",
                       "__SCT__cond_resched", "__SCK__tp_func_nvme_sq", "__SCT__tp_func_block_bio_remap",
                       "__tracepoint_nvme_sq", "__traceiter_xdp_exception", "trace_event_raw_init",
                       "perf_trace_buf_alloc", "bpf_trace_run3"] {
            XCTAssertNotNil(ConfigSymbols.ruleIndex(for: symbol), symbol)
        }
        for symbol in ["kfree", "__fentry", "_printk", "__stack_chk_guard", "trace_seq_printf", "__SC__x",
                       "__x86_indirect_thunk", "kmalloc_trace", "tracepoint_probe_register", "__preempt_count"] {
            XCTAssertNil(ConfigSymbols.ruleIndex(for: symbol), symbol)
        }
    }

    func testPercent() {
        XCTAssertEqual(CensusReport.percent(0, of: 0), "n/a")
        XCTAssertEqual(CensusReport.percent(0, of: 7), "0.0%")
        XCTAssertEqual(CensusReport.percent(7, of: 7), "100.0%")
        XCTAssertEqual(CensusReport.percent(1, of: 3), "33.3%")
        XCTAssertEqual(CensusReport.percent(2, of: 3), "66.7%")
        XCTAssertEqual(CensusReport.percent(1, of: 2000), "0.1%")   // 0.05 rounds up
        XCTAssertEqual(CensusReport.percent(1, of: 2001), "0.0%")
        XCTAssertEqual(CensusReport.percent(28452, of: 121885), "23.3%")
    }

    func testReportText() {
        let result = Census.run(tree, kernelExports: ["kfree", "_printk"])
        var report = CensusReport(result: result, directory: "drivers", kernel: "build/apus.elf", kernelExports: 2,
                                  unreadable: 1, listMissing: false, top: 2)
        XCTAssertEqual(report.lines, [
            "census of 5 modules under drivers; kernel build/apus.elf exports 2 symbols",
            "provided/total imports per module (config-dependent imports not counted):",
            "  1/2  nvme/host/nvme-core.ko",
            "  2/3  nvme/host/nvme.ko",
            "  2/2  net/e1000.ko",
            "  1/3  net/e1000e.ko",
            "  0/0  misc/empty.ko",
            "totals:",
            "  modules read: 5 (1 unreadable, left out)",
            "  fully linkable (every import provided): 2 of 5 (40.0%)",
            "  linkable with their dependencies: 2 of 5 (40.0%)",
            "  import references satisfied: 6 of 10 (60.0%)",
            "  distinct symbols missing: 3",
            "  config-dependent import references ignored: 9",
            "    __fentry__                     4 in 4 modules",
            "    __x86_return_thunk             1 in 1 modules",
            "    __x86_indirect_thunk_*         2 in 1 modules",
            "    __SCT__*, __SCK__*             1 in 1 modules",
            "    __tracepoint_*, __traceiter_*  1 in 1 modules",
            "most-wanted missing symbols (top 2; modules importing each):",
            "  2  pci_thing",
            "  1  blk_mq_alloc",
        ])
        report.listMissing = true
        report.top = 0
        let lines = report.lines
        XCTAssertEqual(Array(lines[2...5]), [
            "  1/2  nvme/host/nvme-core.ko",
            "         missing blk_mq_alloc",
            "  2/3  nvme/host/nvme.ko",
            "         missing pci_thing",
        ])
        XCTAssertFalse(lines.contains { $0.hasPrefix("most-wanted") })
    }
}
