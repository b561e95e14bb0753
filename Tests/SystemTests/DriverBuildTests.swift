// SPDX-License-Identifier: GPL-2.0-only
// The upstream Linux drivers Apus targets, built from linux-source-6.1 against LinuxKPI by scripts/kpi-missing
// (scripts/build-drivers, then apus-kpi check against build/apus.elf): a header change that breaks their
// compilation fails here. Each module must be an x86-64 ELF64 relocatable with init_module and cleanup_module,
// and the missing-symbol report must agree with the modules' own undefined symbols. That something is still
// missing is expected (LinuxKPI's networking and block cores are later work) and is not a failure.

import Foundation
import XCTest

final class DriverBuildTests: XCTestCase {
    /// The modules that must compile; a module dropping out is a regression.
    static let expectedModules = ["e1000.ko", "e1000e.ko", "nvme-core.ko", "nvme.ko"]

    private struct Report {
        var missing: [String: [String]] = [:]          // module → missing symbols, as apus-kpi check lists them
        var counts: [String: (missing: Int, imports: Int)] = [:]
    }

    private static let root = SystemImages.packageRoot

    private static var driversDirectory: URL { root.appendingPathComponent("build/drivers") }

    /// Runs scripts/kpi-missing --list once per test run and parses its report. It uses the apus-kpi that
    /// swift test built next to this test bundle: SwiftPM's build folder is locked while tests run.
    private static let report: Result<(Report, String), Error> = Result {
        let script = DriverBuildTests.root.appendingPathComponent("scripts/kpi-missing").path
        let apusKPI = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("apus-kpi")
        guard FileManager.default.isExecutableFile(atPath: apusKPI.path) else {
            throw QEMUError(description: "no apus-kpi next to the test bundle at \(apusKPI.path)")
        }
        let (status, output, errors) = try DriverBuildTests.run(script, ["--list", "--apus-kpi", apusKPI.path])
        guard status == 0 || status == 1 else {
            throw QEMUError(description: "scripts/kpi-missing failed (\(status)): \(errors)")
        }
        var report = Report()
        for line in output.split(separator: "\n").map(String.init) {
            let words = line.split(separator: " ").map(String.init)
            if words.count == 6, words[2] == "of", words[4] == "imports", words[5] == "missing",
               let missing = Int(words[1]), let imports = Int(words[3]) {
                report.counts[String(words[0].dropLast())] = (missing, imports)
            } else if words.count == 2, words[0].hasSuffix(".ko:") {
                report.missing[String(words[0].dropLast()), default: []].append(words[1])
            }
        }
        return (report, errors)
    }

    /// Runs a tool in the package root; its output goes through files, so neither stream can fill up.
    private static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("apus-drivers-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputFile = scratch.appendingPathComponent("stdout"), errorFile = scratch.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
              FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw QEMUError(description: "cannot create output files in \(scratch.path)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
                String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }

    /// Symbols of a module as llvm-nm prints them: (type letter, name).
    private func symbols(_ module: URL) throws -> [(String, String)] {
        let (status, output, errors) = try Self.run("/usr/bin/env", ["llvm-nm", module.path])
        XCTAssertEqual(status, 0, errors)
        return output.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            return words.count >= 2 ? (words[words.count - 2], words[words.count - 1]) : nil
        }
    }

    func testExpectedDriversCompileIntoRelocatableModules() throws {
        let (report, errors) = try Self.report.get()
        for name in Self.expectedModules {
            let module = Self.driversDirectory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: module.path) else {
                XCTFail("\(name) did not compile:\n\(errors)")
                continue
            }
            let header = try Data(contentsOf: module).prefix(20)
            XCTAssertEqual(Array(header.prefix(4)), [0x7F, 0x45, 0x4C, 0x46], "\(name): not ELF")
            XCTAssertEqual(header[4], 2, "\(name): not ELF64")
            XCTAssertEqual(header[5], 1, "\(name): not little-endian")
            XCTAssertEqual(UInt16(header[16]) | UInt16(header[17]) << 8, 1, "\(name): not ET_REL")
            XCTAssertEqual(UInt16(header[18]) | UInt16(header[19]) << 8, 62, "\(name): not x86-64")
            let defined = Set(try symbols(module).filter { $0.0 != "U" && $0.0 != "w" }.map { $0.1 })
            XCTAssertTrue(defined.contains("init_module"), "\(name) has no init_module")
            XCTAssertTrue(defined.contains("cleanup_module"), "\(name) has no cleanup_module")
            XCTAssertNotNil(report.counts[name], "scripts/kpi-missing printed no summary for \(name)")
        }
    }

    func testMissingSymbolReportMatchesTheModules() throws {
        let (report, _) = try Self.report.get()
        XCTAssertFalse(report.counts.isEmpty, "scripts/kpi-missing checked no module")
        var exportsOfOthers: [String: Set<String>] = [:]
        for name in report.counts.keys {
            let exports = try symbols(Self.driversDirectory.appendingPathComponent(name))
                .filter { $0.0 != "U" && $0.1.hasPrefix("__ksymtab_") }
                .map { String($0.1.dropFirst("__ksymtab_".count)) }
            exportsOfOthers[name] = Set(exports)
        }
        for (name, count) in report.counts {
            let module = Self.driversDirectory.appendingPathComponent(name)
            let undefined = Set(try symbols(module).filter { $0.0 == "U" }.map { $0.1 })
            let missing = report.missing[name] ?? []
            XCTAssertEqual(undefined.count, count.imports, "\(name): import count differs from llvm-nm's")
            XCTAssertEqual(missing.count, count.missing, "\(name): listed and counted missing symbols differ")
            XCTAssertEqual(Set(missing).count, missing.count, "\(name): a missing symbol is listed twice")
            for symbol in missing {
                XCTAssertTrue(undefined.contains(symbol), "\(name): \(symbol) is listed missing but not imported")
                for (other, exports) in exportsOfOthers where other != name {
                    XCTAssertFalse(exports.contains(symbol), "\(name): \(symbol) is exported by \(other)")
                }
            }
        }
    }
}
