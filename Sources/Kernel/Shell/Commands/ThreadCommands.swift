// SPDX-License-Identifier: GPL-2.0-only
// `ps`: every thread with its CPU, priority, state and CPU time.
import KernelCore

enum ThreadCommands {
    static var all: [ShellCommand] {
        [ShellCommand(name: "ps", usage: "", summary: "list threads", run: ps)]
    }

    private static func ps(_ arguments: ShellArguments) {
        let threads = Scheduler.threads
        consolePrint { out in
            out.write("  ID  CPU  PRI  STATE      TIME(ms)  NAME\n")
            for thread in threads {
                out.writeDecimal(thread.id, width: 4)
                out.writeDecimal(thread.cpu, width: 5)
                out.writeDecimal(thread.priority.rawValue, width: 5)
                out.write("  ")
                out.write(name(of: thread.state), leftAlignedIn: 9)
                out.writeDecimal(thread.cpuTime / 1_000_000, width: 10)
                out.write("  ")
                if let label = thread.label { out.write(contentsOf: label) } else { out.write(thread.name) }
                out.write("\n")
            }
        }
    }

    private static func name(of state: Thread.State) -> StaticString {
        switch state {
        case .runnable: "runnable"
        case .running: "running"
        case .blocked: "blocked"
        case .sleeping: "sleeping"
        case .dead: "dead"
        }
    }
}
