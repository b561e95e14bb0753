// SPDX-License-Identifier: GPL-2.0-only
// Host tool, our modpost: which imports of Linux modules Apus' export table satisfies (see KPICommand).
import ApusKPI
import Foundation

let status = KPICommand.run(
    Array(CommandLine.arguments.dropFirst()),
    output: { print($0) },
    errors: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
exit(status)
