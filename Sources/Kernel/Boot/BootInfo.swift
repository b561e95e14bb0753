// SPDX-License-Identifier: GPL-2.0-only
// What the boot loader handed over, kept for the rest of the kernel: boot information and command line.
import KernelCore
import KernelSupport

enum BootInfo {
    private struct Received {
        var info: MultibootInfo?
        var physicalAddress: UInt64 = 0
        var commandLine = KernelCommandLine([])
    }
    /// Written once by `accept` during single-threaded boot, read-only afterwards.
    nonisolated(unsafe) private static var received = Received()
    // SAFETY: see `received`.
    private static var current: Received { unsafe received }

    static var info: MultibootInfo? { current.info }
    static var physicalAddress: UInt64 { current.physicalAddress }
    static var commandLine: KernelCommandLine { current.commandLine }

    /// Keeps `info`, applies the command line, and reports what was malformed.
    static func accept(_ info: MultibootInfo, physicalAddress: UInt64) {
        let commandLine = KernelCommandLine(info.commandLine ?? [])
        unsafe received = Received(info: info, physicalAddress: physicalAddress, commandLine: commandLine)
        if let level = try? commandLine.unsignedInteger("loglevel") {
            KernelLog.setConsoleLevel(ConsoleLogLevel(threshold: UInt8(clamping: level)))
        }
        log(.info) { line in
            line.write("boot: multiboot2 information at ")
            line.writeHex(physicalAddress)
            line.write(", ")
            line.writeDecimal(info.totalSize)
            line.write(" bytes, from ")
            line.write(contentsOf: info.bootLoaderName ?? [])
        }
        log(.info) { line in
            line.write("boot: command line: ")
            line.write(contentsOf: info.commandLine ?? [])
        }
        for diagnostic in info.diagnostics {
            log(.warning) { line in
                line.write("boot: multiboot2 tag ")
                if let type = diagnostic.tagType { line.writeDecimal(type) } else { line.write("-") }
                line.write(" at offset ")
                line.writeDecimal(diagnostic.offset)
                line.write(" skipped: ")
                line.write(diagnostic.reason)
            }
        }
    }

    /// Physical memory that must not be handed out: the image, the boot information, the modules.
    static var reservedRanges: [PhysicalRange] {
        var ranges = [PhysicalRange(base: linker_kernel_start(), end: linker_kernel_end())]
        if let info {
            ranges.append(PhysicalRange(base: physicalAddress, end: physicalAddress + UInt64(info.totalSize)))
            for module in info.modules {
                ranges.append(PhysicalRange(base: UInt64(module.start), end: UInt64(module.end)))
            }
        }
        return ranges
    }
}
