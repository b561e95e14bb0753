// SPDX-License-Identifier: GPL-2.0-only
// Compiles small C sources into relocatable objects at test time (clang + ld.lld -r), as scripts/kmod does.

import Foundation
import XCTest

/// Builds `.ko`-like objects for the module-loader tests with the module ABI's code-generation flags.
enum ModuleCompiler {
    static let flags = ["--target=x86_64-unknown-none-elf", "-ffreestanding", "-nostdinc", "-mno-red-zone", "-mno-sse",
                        "-mno-mmx", "-fno-pic", "-mcmodel=small", "-fno-stack-protector", "-fno-common", "-O2"]

    /// Compiles `source` (with `extraFlags`, e.g. `-fpic`) and links it with `ld.lld -r`; returns the object's bytes.
    static func build(_ source: String, extraFlags: [String] = []) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apus-kmod-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let c = directory.appendingPathComponent("m.c")
        let o = directory.appendingPathComponent("m.o")
        let ko = directory.appendingPathComponent("m.ko")
        try source.write(to: c, atomically: true, encoding: .utf8)
        try run("clang", flags + extraFlags + ["-c", c.path, "-o", o.path])
        try run("ld.lld", ["-r", "-o", ko.path, o.path])
        return Array(try Data(contentsOf: ko))
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure("\(tool) failed: " + String(decoding: message, as: UTF8.self))
        }
    }
}

/// A build tool (clang, ld.lld, scripts/kmod) failed; the message is its error output.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
