// SPDX-License-Identifier: GPL-2.0-only
// `poweroff` and `reboot`.
import KernelCore

enum PowerCommands {
    static var all: [ShellCommand] {
        [
            ShellCommand(name: "poweroff", usage: "", summary: "power off through ACPI S5", run: { _ in
                let failure = Power.powerOff()
                consolePrint { out in
                    out.write("error: poweroff failed: ")
                    out.write(failure)
                    out.write("\n")
                }
            }),
            ShellCommand(name: "reboot", usage: "", summary: "restart the machine", run: { _ in Power.reboot() }),
        ]
    }
}
