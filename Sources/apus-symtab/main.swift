// SPDX-License-Identifier: GPL-2.0-only
// Host tool: turns `llvm-nm` output for the kernel ELF into the binary symbol table the panic path reads.
import Foundation
import KernelCore

let usage = """
    usage: apus-symtab [--max-name-length N] [--no-demangle] NM_OUTPUT|- OUT.bin

    Reads the output of
        llvm-nm --defined-only --print-size --numeric-sort apus.elf
    from NM_OUTPUT (or standard input for -), keeps the function symbols (T/t, and W/w inside
    the text range), demangles Swift names with `swift demangle --simplified --compact` (names
    stay mangled if that fails), cuts names to N bytes (default 120) and writes the symbol table
    (format: Sources/KernelCore/Debug/SymbolTable.swift) to OUT.bin.

    Example:
        llvm-nm --defined-only --print-size --numeric-sort build/apus.elf | apus-symtab - build/symtab.bin

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("apus-symtab: \(message)\n".utf8))
    exit(1)
}

/// The demangled forms of `names`, in order, or `nil` if `swift demangle` cannot be run or
/// answers with a different number of lines.
func demangled(_ names: [[UInt8]]) -> [[UInt8]]? {
    let input = FileManager.default.temporaryDirectory
        .appendingPathComponent("apus-symtab-\(ProcessInfo.processInfo.processIdentifier).txt")
    defer { try? FileManager.default.removeItem(at: input) }
    var text: [UInt8] = []
    for name in names {
        text += name
        text.append(0x0A)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "demangle", "--simplified", "--compact"]
    let output = Pipe()
    process.standardOutput = output
    do {
        try Data(text).write(to: input)
        // A file, not a pipe, on standard input: the tool's output is read only after all its
        // input is written, which would deadlock on a full pipe.
        process.standardInput = try FileHandle(forReadingFrom: input)
        try process.run()
    } catch {
        return nil
    }
    let answer = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    var lines = answer.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard lines.count == names.count else { return nil }
    // `--simplified` drops LLVM's suffixes (`.cold.1`, `.resume.0`): put them back, since a cold
    // split or a coroutine part is a different function in a backtrace. Swift manglings contain no
    // dot, so a demangled name's suffix starts at the first dot of its mangled form.
    return zip(names, lines).map { mangled, readable in
        guard readable != mangled, let dot = mangled.firstIndex(of: 0x2E) else { return readable }
        return readable + mangled[dot...]
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
var maximumNameLength = 120
var demangle = true
var paths: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "-h", "--help":
        print(usage, terminator: "")
        exit(0)
    case "--no-demangle":
        demangle = false
    case "--max-name-length":
        guard let value = arguments.first.flatMap({ Int($0) }), value >= 4 else {
            fail("--max-name-length needs a number of at least 4")
        }
        arguments.removeFirst()
        maximumNameLength = value
    default:
        paths.append(argument)
    }
}
guard paths.count == 2 else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}

let listing: [UInt8]
if paths[0] == "-" {
    listing = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
} else {
    guard let data = FileManager.default.contents(atPath: paths[0]) else { fail("cannot read \(paths[0])") }
    listing = [UInt8](data)
}

let functions = NMListing.functionSymbols(NMListing.parse(listing))
var names = functions.map(\.name)
if demangle && !names.isEmpty {
    if let readable = demangled(names) {
        names = readable
    } else {
        FileHandle.standardError.write(Data("apus-symtab: warning: swift demangle failed; names stay mangled\n".utf8))
    }
}
let symbols = zip(functions, names).map { function, name in
    SymbolTableEncoder.Symbol(address: function.address, size: function.size, name: name)
}
let table = SymbolTableEncoder.encode(symbols, maximumNameLength: maximumNameLength)
do {
    try Data(table).write(to: URL(fileURLWithPath: paths[1]))
} catch {
    fail("cannot write \(paths[1]): \(error)")
}
