// SPDX-License-Identifier: GPL-2.0-only
// Builds the test ELF files from the C sources in Fixtures/ with the toolchain's clang and ld.lld, once per
// test run, into a temporary directory: a small kernel (ET_EXEC with __ksymtab_ exports), modules
// (`ld.lld -r`, as scripts/kmod links them), an i386 object and a kernel without a symbol table.

import ApusKPI
import Foundation
import XCTest

struct FixtureELFs {
    let directory: URL
    var kernel: String { path("kernel.elf") }
    var strippedKernel: String { path("kernel-stripped.elf") }
    var core: String { path("core.ko") }
    var driver: String { path("driver.ko") }
    var leaf: String { path("leaf.ko") }
    var object32: String { path("leaf32.o") }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The fixtures, built on first use; a build failure fails every test that needs them.
    static func get() throws -> FixtureELFs { try shared.get() }

    private static let shared = Result { try FixtureELFs.build() }

    /// This test process's scratch directory, removed when the process exits.
    private static let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("apus-kpi-tests-\(ProcessInfo.processInfo.processIdentifier)")

    private static func build() throws -> FixtureELFs {
        let sources = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        let directory = scratch
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FixtureELFs.scratch) }
        let fixtures = FixtureELFs(directory: directory)
        let cflags = ["--target=x86_64-unknown-none-elf", "-ffreestanding", "-fno-pic", "-fno-stack-protector",
                      "-O1", "-I", sources.path, "-c"]
        for name in ["kernel", "core", "driver", "leaf"] {
            try run(["clang"] + cflags + [sources.appendingPathComponent("\(name).c").path, "-o", fixtures.path("\(name).o")])
        }
        try run(["clang", "--target=i386-unknown-none-elf", "-ffreestanding", "-c",
                 sources.appendingPathComponent("leaf.c").path, "-o", fixtures.object32])
        let link = ["ld.lld", "-static", "-nostdlib", "-e", "kernel_entry", fixtures.path("kernel.o")]
        try run(link + ["-o", fixtures.kernel])
        try run(link + ["--strip-all", "-o", fixtures.strippedKernel])
        for name in ["core", "driver", "leaf"] {
            try run(["ld.lld", "-r", "-o", fixtures.path("\(name).ko"), fixtures.path("\(name).o")])
        }
        return fixtures
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs a command found on PATH; throws with its standard error unless it exits with status 0.
    static func run(_ command: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(description: "\(command.joined(separator: " ")) failed: \(message)")
        }
    }
}

/// Runs apus-kpi's command line in-process and collects what it prints.
struct KPIRun {
    var status: Int32 = 0
    var output: [String] = []
    var errors: [String] = []

    init(_ arguments: [String]) {
        var output: [String] = []
        var errors: [String] = []
        status = KPICommand.run(arguments, output: { output.append($0) }, errors: { errors.append($0) })
        self.output = output
        self.errors = errors
    }
}
