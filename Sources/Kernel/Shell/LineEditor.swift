// SPDX-License-Identifier: GPL-2.0-only
// Reads one command line from the console with echo and editing: backspace/DEL, Ctrl-U, Ctrl-C; CR or LF ends it.
import KernelCore

typealias CommandLineBuffer = LineBuffer<256>

struct LineEditor {
    private var lastWasCR = false

    /// Reads a line, echoing what is typed; returns it without the line end.
    mutating func readLine() -> CommandLineBuffer {
        var line = CommandLineBuffer()
        var out = ConsoleSink()
        while true {
            let byte = SerialConsole.waitForByte()
            defer { lastWasCR = byte == 0x0D }
            switch byte {
            case 0x0A where lastWasCR:
                continue                                // the LF of a CR LF pair
            case 0x0D, 0x0A:
                out.write("\n")
                return line
            case 0x08, 0x7F:
                if line.count > 0 {
                    line.dropLastByte()
                    out.write("\u{8} \u{8}")
                }
            case 0x15:                                  // Ctrl-U: erase the line
                while line.count > 0 {
                    line.dropLastByte()
                    out.write("\u{8} \u{8}")
                }
            case 0x03:                                  // Ctrl-C: abandon the line
                out.write("^C\n")
                return CommandLineBuffer()
            case 0x20...0x7E:
                if line.count < 255 {
                    line.write(byte)
                    out.write(byte)
                }
            default:
                continue                                // other control bytes and escape sequences
            }
        }
    }
}
