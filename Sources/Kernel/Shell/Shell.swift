// SPDX-License-Identifier: GPL-2.0-only
// The serial shell: prompt `apus> `, one command a line, plain-text output; unknown commands are errors.
import KernelCore

/// A shell command: its name, a one-line summary for `help`, and what it does with its arguments.
struct ShellCommand {
    let name: StaticString
    let usage: StaticString
    let summary: StaticString
    let run: (ShellArguments) -> Void
}

/// The words after the command name.
struct ShellArguments {
    let words: [[UInt8]]

    var count: Int { words.count }
    subscript(index: Int) -> [UInt8] { words[index] }

    func word(_ index: Int, is literal: StaticString) -> Bool {
        unsafe index < words.count && words[index].elementsEqual(literal.bytes)
    }
}

extension StaticString {
    /// The literal's UTF-8 bytes as a collection.
    var bytes: UnsafeBufferPointer<UInt8> {
        // SAFETY: a StaticString's storage is immutable and lives in the image for the kernel's lifetime.
        unsafe UnsafeBufferPointer(start: utf8Start, count: utf8CodeUnitCount)
    }
}

enum Shell {
    static let prompt: StaticString = "apus> "

    static var commands: [ShellCommand] {
        SystemCommands.all + PCICommands.all + MemoryCommands.all + PowerCommands.all + ACPICommands.all
            + ThreadCommands.all + DebugCommands.all + ModuleCommands.all + HardwareInfoCommand.all
    }

    /// Reads and runs commands forever.
    static func run() -> Never {
        let table = commands
        var editor = LineEditor()
        while true {
            consolePrint { $0.write(prompt) }
            let line = editor.readLine()
            let words = split(line)
            guard let name = words.first else { continue }
            let arguments = ShellArguments(words: Array(words.dropFirst()))
            if let command = table.first(where: { unsafe name.elementsEqual($0.name.bytes) }) {
                command.run(arguments)
            } else {
                consolePrint { out in
                    out.write("error: unknown command '")
                    out.write(contentsOf: name)
                    out.write("' (type 'help' for the list)\n")
                }
            }
        }
    }

    private static func split(_ line: CommandLineBuffer) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in line {
            if byte == 0x20 || byte == 0x09 {
                if !current.isEmpty { words.append(current); current = [] }
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Prints a usage error for `command`.
    static func usageError(_ command: StaticString, _ usage: StaticString) {
        consolePrint { out in
            out.write("error: usage: ")
            out.write(command)
            out.write(" ")
            out.write(usage)
            out.write("\n")
        }
    }
}
