// SPDX-License-Identifier: GPL-2.0-only
// Tests `apus-kpi census` end to end on a tree of fixture modules, plain and compressed, with a broken one.

import ApusKPI
import XCTest

final class CensusCommandTests: XCTestCase {
    /// A tree: core.ko and sub/driver.ko.xz, leaf.ko.zst, a README and a leaf object that is no module.
    private func makeTree(_ f: FixtureELFs, name: String) throws -> String {
        let tree = f.path(name)
        try? FileManager.default.removeItem(atPath: tree)
        try FileManager.default.createDirectory(atPath: tree + "/sub", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: f.core, toPath: tree + "/core.ko")
        try FileManager.default.copyItem(atPath: f.driver, toPath: tree + "/sub/driver.ko")
        try FixtureELFs.run(["xz", tree + "/sub/driver.ko"])
        try FixtureELFs.run(["zstd", "--quiet", f.leaf, "-o", tree + "/leaf.ko.zst"])
        try Data("not a module\n".utf8).write(to: URL(fileURLWithPath: tree + "/README"))
        try FileManager.default.copyItem(atPath: f.object32, toPath: tree + "/sub/leaf32.o")
        return tree
    }

    func testCensusOfATree() throws {
        let f = try FixtureELFs.get()
        let tree = try makeTree(f, name: "tree-good")
        let run = KPIRun(["census", "--kernel", f.kernel, "--top", "3", tree])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.output, [
            "census of 3 modules under \(tree); kernel \(f.kernel) exports 4 symbols",
            "provided/total imports per module (config-dependent imports not counted):",
            "  2/3  core.ko",
            "  2/2  leaf.ko",
            "  2/4  sub/driver.ko",
            "totals:",
            "  modules read: 3",
            "  fully linkable (every import provided): 1 of 3 (33.3%)",
            "  linkable with their dependencies: 1 of 3 (33.3%)",
            "  import references satisfied: 6 of 9 (66.7%)",
            "  distinct symbols missing: 3",
            "  config-dependent import references ignored: 1",
            "    __stack_chk_fail  1 in 1 modules",
            "most-wanted missing symbols (top 3; modules importing each):",
            "  1  missing_a",
            "  1  missing_b",
            "  1  missing_core_dep",
        ])
        let missing = KPIRun(["census", "--kernel", f.kernel, "--missing", "--top", "0", tree])
        XCTAssertEqual(Array(missing.output[2...8]), [
            "  2/3  core.ko",
            "         missing missing_core_dep",
            "  2/2  leaf.ko",
            "  2/4  sub/driver.ko",
            "         missing missing_a",
            "         missing missing_b",
            "totals:",
        ])
    }

    func testUnreadableModulesAreReportedAndLeftOut() throws {
        let f = try FixtureELFs.get()
        let tree = try makeTree(f, name: "tree-broken")
        try Data("obj-m += broken.o\n".utf8).write(to: URL(fileURLWithPath: tree + "/broken.ko"))
        try FileManager.default.copyItem(atPath: f.kernel, toPath: tree + "/sub/vmlinux.ko")
        let run = KPIRun(["census", "--kernel", f.kernel, tree + "/"])
        XCTAssertEqual(run.errors, [
            "apus-kpi: \(tree)/broken.ko: not an ELF file (no \\x7fELF magic)",
            "apus-kpi: \(tree)/sub/vmlinux.ko: not a module: its ELF type is ET_EXEC (executable), a module's is ET_REL (relocatable)",
        ])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.output.contains("  modules read: 3 (2 unreadable, left out)"), "\(run.output)")
    }

    func testDirectoryErrors() throws {
        let f = try FixtureELFs.get()
        let empty = f.path("tree-empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            (f.path("no-such-tree"), "apus-kpi: \(f.path("no-such-tree")): no such directory"),
            (f.core, "apus-kpi: \(f.core): not a directory"),
            (empty, "apus-kpi: \(empty): no module files (*.ko, *.ko.xz, *.ko.zst) in it"),
        ]
        for (directory, message) in cases {
            let run = KPIRun(["census", "--kernel", f.kernel, directory])
            XCTAssertEqual(run.errors, [message])
            XCTAssertEqual(run.output, [])
            XCTAssertEqual(run.status, 2)
        }
    }
}
