// SPDX-License-Identifier: GPL-2.0-only
// apus-kpi's command line: argument parsing, reading the files, the exit status. main.swift only calls
// `run`; the tests call it too, with their own output sinks.

import Foundation

public enum KPICommand {
    public static let usage = """
        usage: apus-kpi check [--kernel ELF] [--ignore-config] MODULE.ko...
               apus-kpi census [--kernel ELF] [--missing] [--top N] DIR

        check   prints `MODULE: SYMBOL` for each import (global undefined symbol) of each MODULE that neither
                the kernel's export table nor another MODULE given exports; --ignore-config leaves out the
                config-dependent imports the census ignores (for checking Debian's builds).
                Exit status: 0 when every import is provided, 1 when some are missing, 2 on errors.
        census  reads every *.ko, *.ko.xz, *.ko.zst under DIR (decompressed with the xz and zstd
                commands) and prints, per module, the imports provided out of the total, then totals:
                modules fully linkable, modules linkable together with the modules they import from,
                import references satisfied, the config-dependent imports left out (__fentry__, retpoline
                and return thunks, __stack_chk_fail, static calls, tracepoints, trace-event support), and
                the N most-wanted missing symbols (default 20). A symbol is provided when the kernel or
                any module of the tree exports it. --missing lists each module's missing symbols.
                Exit status: 0, or 2 when the kernel, DIR or a module could not be read.
        Exports are the symbols named __ksymtab_SYM (EXPORT_SYMBOL, EXPORT_SYMBOL_GPL).
        The kernel is build/apus.elf unless --kernel names another ELF executable.
        """

    public static let defaultKernel = "build/apus.elf"

    /// Runs apus-kpi with `arguments` (without the program name); returns the exit status.
    public static func run(_ arguments: [String], output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        guard let command = arguments.first else {
            errors(usage)
            return 2
        }
        do throws(KPIError) {
            switch command {
            case "check": return try check(Array(arguments.dropFirst()), output: output)
            case "census": return try census(Array(arguments.dropFirst()), output: output, errors: errors)
            case "-h", "--help", "help":
                output(usage)
                return 0
            default: throw KPIError("unknown command '\(command)'")
            }
        } catch {
            errors("apus-kpi: \(error.message)")
            return 2
        }
    }

    private struct Options {
        var kernel = KPICommand.defaultKernel
        var flags: Set<String> = []
        var top = 20
        var operands: [String] = []
    }

    private static func parse(_ arguments: [String], flags allowed: Set<String>, top allowsTop: Bool) throws(KPIError) -> Options {
        var options = Options()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--kernel":
                guard let value = rest.popFirst() else { throw KPIError("--kernel needs a path") }
                options.kernel = value
            case "--top" where allowsTop:
                guard let value = rest.popFirst(), let number = Int(value), number >= 0 else {
                    throw KPIError("--top needs a number")
                }
                options.top = number
            case "--":
                options.operands += rest
                rest = []
            case _ where allowed.contains(argument):
                options.flags.insert(argument)
            case _ where argument.hasPrefix("-") && argument.count > 1:
                throw KPIError("unknown option '\(argument)' (apus-kpi --help)")
            default:
                options.operands.append(argument)
            }
        }
        return options
    }

    private static func kernelExports(_ path: String) throws(KPIError) -> Set<String> {
        do throws(KPIError) {
            return try read(path, as: ModuleSymbols.kernel).exports
        } catch {
            guard path == defaultKernel else { throw error }
            throw KPIError(error.message + " (build it with scripts/build, or name another with --kernel)")
        }
    }

    /// The file at `path` (decompressed when needed) parsed by `parse`; errors start with the path.
    private static func read(_ path: String, as parse: ([UInt8]) throws(KPIError) -> ModuleSymbols) throws(KPIError) -> ModuleSymbols {
        let bytes = try ModuleFile.read(path)
        do throws(KPIError) {
            return try parse(bytes)
        } catch {
            throw error.about(path)
        }
    }

    private static func check(_ arguments: [String], output: (String) -> Void) throws(KPIError) -> Int32 {
        let options = try parse(arguments, flags: ["--ignore-config"], top: false)
        guard !options.operands.isEmpty else { throw KPIError("check needs at least one module") }
        let exports = try kernelExports(options.kernel)
        var modules: [(name: String, symbols: ModuleSymbols)] = []
        for path in options.operands {
            modules.append((path, try read(path, as: ModuleSymbols.module)))
        }
        let missing = ImportCheck.missing(modules: modules, kernelExports: exports,
                                          ignoringConfigSymbols: options.flags.contains("--ignore-config"))
        for entry in missing { output("\(entry.module): \(entry.symbol)") }
        return missing.isEmpty ? 0 : 1
    }

    private static func census(_ arguments: [String], output: (String) -> Void, errors: (String) -> Void) throws(KPIError) -> Int32 {
        let options = try parse(arguments, flags: ["--missing"], top: true)
        guard options.operands.count == 1, let directory = options.operands.first else {
            throw KPIError("census needs one directory")
        }
        let exports = try kernelExports(options.kernel)
        let paths = try modulePaths(under: directory)
        var inputs: [CensusInput] = []
        var unreadable = 0
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for relative in paths {
            do throws(KPIError) {
                let symbols = try read(base + relative, as: ModuleSymbols.module)
                inputs.append(CensusInput(path: ModuleFile.uncompressedName(relative), symbols: symbols))
            } catch {
                errors("apus-kpi: \(error.message)")
                unreadable += 1
            }
        }
        let report = CensusReport(result: Census.run(inputs, kernelExports: exports), directory: directory,
                                  kernel: options.kernel, kernelExports: exports.count, unreadable: unreadable,
                                  listMissing: options.flags.contains("--missing"), top: options.top)
        report.lines.forEach(output)
        return unreadable == 0 ? 0 : 2
    }

    /// The module files under `directory`, as paths relative to it, sorted.
    static func modulePaths(under directory: String) throws(KPIError) -> [String] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: directory)
        guard let type = attributes?[.type] as? FileAttributeType else { throw KPIError("\(directory): no such directory") }
        guard type == .typeDirectory || type == .typeSymbolicLink,
              let walker = FileManager.default.enumerator(atPath: directory) else {
            throw KPIError("\(directory): not a directory")
        }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if ModuleFile.isModule(fileName: name), walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                paths.append(path)
            }
        }
        guard !paths.isEmpty else { throw KPIError("\(directory): no module files (*.ko, *.ko.xz, *.ko.zst) in it") }
        return paths.sorted()
    }
}
