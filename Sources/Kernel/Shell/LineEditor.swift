// SPDX-License-Identifier: GPL-2.0-only
// Reads one command line from the console with echo and editing: backspace/DEL, Ctrl-U, Ctrl-C, Up/Down for
// the previous lines; CR or LF ends it. Other escape sequences (arrows, function keys) are consumed.
import KernelCore

typealias CommandLineBuffer = LineBuffer<256>

struct LineEditor {
    private var lastWasCR = false
    /// Lines entered before, oldest first.
    private var history: [CommandLineBuffer] = []
    private static let historyLimit = 16

    private enum Escape { case none, started, controlSequence, singleShift }

    /// Reads a line, echoing what is typed; returns it without the line end.
    mutating func readLine() -> CommandLineBuffer {
        var line = CommandLineBuffer()
        var out = ConsoleSink()
        var escape = Escape.none
        var recalled = history.count                    // history.count: the line being typed
        while true {
            let byte = ConsoleInput.waitForByte()
            defer { lastWasCR = byte == 0x0D }
            switch escape {
            case .started:
                escape = byte == 0x5B ? .controlSequence : (byte == 0x4F ? .singleShift : .none)
                continue
            case .controlSequence, .singleShift:
                guard (0x40...0x7E).contains(byte) else { continue }   // parameters of a control sequence
                escape = .none
                if byte == 0x41 && recalled > 0 {                     // Up
                    recalled -= 1
                    replace(&line, with: history[recalled], echo: &out)
                } else if byte == 0x42 && recalled < history.count {  // Down
                    recalled += 1
                    replace(&line, with: recalled < history.count ? history[recalled] : CommandLineBuffer(), echo: &out)
                }
                continue
            case .none:
                break
            }
            switch byte {
            case 0x0A where lastWasCR:
                continue                                // the LF of a CR LF pair
            case 0x0D, 0x0A:
                out.write("\n")
                remember(line)
                return line
            case 0x08, 0x7F:
                if line.count > 0 {
                    line.dropLastByte()
                    out.write("\u{8} \u{8}")
                }
            case 0x15:                                  // Ctrl-U: erase the line
                replace(&line, with: CommandLineBuffer(), echo: &out)
            case 0x03:                                  // Ctrl-C: abandon the line
                out.write("^C\n")
                return CommandLineBuffer()
            case 0x1B:
                escape = .started
            case 0x20...0x7E:
                if line.count < 255 {
                    line.write(byte)
                    out.write(byte)
                }
            default:
                continue                                // other control bytes
            }
        }
    }

    /// Erases the echoed `line` and shows `replacement` instead.
    private func replace(_ line: inout CommandLineBuffer, with replacement: CommandLineBuffer, echo out: inout ConsoleSink) {
        while line.count > 0 {
            line.dropLastByte()
            out.write("\u{8} \u{8}")
        }
        line = replacement
        out.write(line)
    }

    private mutating func remember(_ line: CommandLineBuffer) {
        guard line.contains(where: { $0 != 0x20 }) else { return }
        if let last = history.last, last.elementsEqual(line) { return }
        if history.count == Self.historyLimit { history.removeFirst() }
        history.append(line)
    }
}
