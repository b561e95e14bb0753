// SPDX-License-Identifier: GPL-2.0-only
// Module files on disk: which names are modules, how a module's name follows from its file name, and the
// decompression dispatch for `.ko.xz`/`.ko.zst` (by the data's magic bytes, not by the name).

import Foundation

public enum ModuleCompression: Equatable, Sendable {
    case none, xz, zstd

    static let xzMagic: [UInt8] = [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]  // "\xfd7zXZ\0"
    static let zstdMagic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]            // frame magic 0xFD2FB528, little-endian

    /// The compression `bytes` start with; `.none` for anything else (ELF or not, the ELF reader decides).
    public static func of(_ bytes: [UInt8]) -> ModuleCompression {
        if bytes.starts(with: xzMagic) { return .xz }
        if bytes.starts(with: zstdMagic) { return .zstd }
        return .none
    }

    /// The command that writes the decompressed file to standard output (xz-utils' `xz`, zstd's `zstd`).
    /// apus-kpi pipes through these rather than linking liblzma and libzstd: they are on every Debian
    /// system that has compressed modules (kmod needs them), and a module is decompressed once per run.
    public var command: [String] {
        switch self {
        case .none: []
        case .xz: ["xz", "--decompress", "--stdout", "--"]
        case .zstd: ["zstd", "--decompress", "--stdout", "--quiet", "--"]
        }
    }
}

public enum ModuleFile {
    public static let suffixes = [".ko", ".ko.xz", ".ko.zst"]

    /// True for the file names the census reads: `*.ko`, `*.ko.xz`, `*.ko.zst`.
    public static func isModule(fileName: String) -> Bool {
        suffixes.contains { fileName.hasSuffix($0) && fileName.count > $0.count }
    }

    /// The file name with a compression suffix removed: `nvme-core.ko.zst` → `nvme-core.ko`.
    public static func uncompressedName(_ fileName: String) -> String {
        for suffix in [".xz", ".zst"] where fileName.hasSuffix(".ko" + suffix) {
            return String(fileName.dropLast(suffix.count))
        }
        return fileName
    }

    /// The contents of the module or kernel file at `path`, decompressed when it is xz or zstd data.
    public static func read(_ path: String) throws(KPIError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw KPIError("no such file").about(path) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType != .typeDirectory else {
            throw KPIError("is a directory, not a file").about(path)
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw KPIError("cannot read it: \(error.localizedDescription)").about(path)
        }
        let compression = ModuleCompression.of(bytes)
        guard compression != .none else { return bytes }
        do throws(KPIError) {
            return try decompress(path, with: compression.command)
        } catch {
            throw error.about(path)
        }
    }

    /// Runs `command` + [path] and returns its standard output; fails unless it exits with status 0.
    static func decompress(_ path: String, with command: [String]) throws(KPIError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command + [path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw KPIError("cannot run \(command[0]): \(error.localizedDescription)")
        }
        // Standard error is read after standard output reaches its end; the tools write only a line there.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let detail = message.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            if process.terminationStatus == 127 {
                throw KPIError("cannot run \(command[0]) (is it installed? \(detail))")
            }
            throw KPIError("\(command[0]) could not decompress it: \(detail)")
        }
        return [UInt8](data)
    }
}
