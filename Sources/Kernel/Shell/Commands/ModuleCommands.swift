// SPDX-License-Identifier: GPL-2.0-only
// `insmod`, `rmmod` and `lsmod`: loadable modules from the boot modules, as Linux's tools show them.
import KernelCore

enum ModuleCommands {
    static var all: [ShellCommand] {
        [
            ShellCommand(name: "insmod", usage: "NAME [param=value ...]", summary: "load module NAME.ko from the boot modules (no NAME: list them)",
                         run: insmod),
            ShellCommand(name: "rmmod", usage: "NAME", summary: "unload a module", run: rmmod),
            ShellCommand(name: "lsmod", usage: "", summary: "list loaded modules", run: lsmod),
        ]
    }

    private static func insmod(_ arguments: ShellArguments) {
        guard arguments.count >= 1 else {
            Shell.usageError("insmod", "NAME [param=value ...]")
            let files = BootModules.available
            return consolePrint { out in
                out.write("module files:")
                for file in files {
                    out.write(" ")
                    out.write(contentsOf: file)
                }
                out.write("\n")
            }
        }
        let status = ModuleLoader.load(arguments[0], arguments: Array(arguments.words.dropFirst()))
        guard status != 0 else { return }
        consolePrint { out in
            out.write("insmod: ERROR: could not insert module ")
            out.write(contentsOf: arguments[0])
            out.write(": ")
            ModuleLoader.writeErrno(status, to: &out)
            out.write("\n")
        }
    }

    private static func rmmod(_ arguments: ShellArguments) {
        guard arguments.count == 1 else { return Shell.usageError("rmmod", "NAME") }
        let status = ModuleLoader.unload(arguments[0])
        guard status != 0 else { return }
        consolePrint { out in
            out.write("rmmod: ERROR: could not remove module ")
            out.write(contentsOf: arguments[0])
            out.write(": ")
            ModuleLoader.writeErrno(status, to: &out)
            out.write("\n")
        }
    }

    /// `Module                  Size  Used by` then `name size count user,user` as kmod's lsmod prints.
    private static func lsmod(_ arguments: ShellArguments) {
        let modules = Modules.list
        consolePrint { out in
            out.write("Module                  Size  Used by\n")
            for module in modules {
                out.write(contentsOf: module.name, leftAlignedIn: 19)
                out.write(" ")
                out.writeDecimal(module.size, width: 8)
                out.write("  ")
                out.writeDecimal(module.count)
                for (index, user) in module.users.enumerated() {
                    out.write(index == 0 ? " " : ",")
                    out.write(contentsOf: user)
                }
                out.write("\n")
            }
        }
    }
}
