// SPDX-License-Identifier: GPL-2.0-only
// The console: where kernel text goes (COM1, interrupt-driven once interrupts are on, and the framebuffer).
import KernelCore
import KernelSupport

/// A `TextSink` writing to the console: the serial port (`\n` becomes CR LF for terminals) and the screen.
struct ConsoleSink: TextSink {
    mutating func write(_ byte: UInt8) {
        if byte == 0x0A { SerialConsole.put(0x0D) }
        SerialConsole.put(byte)
        FramebufferConsole.put(byte)
    }
}

/// A `TextSink` that writes straight to the UART, polled, and to the screen without locks: for the panic
/// path, which trusts nothing. A nested panic writes to the UART alone (the screen may be what failed).
struct PanicSink: TextSink {
    var screen = true

    mutating func write(_ byte: UInt8) {
        if byte == 0x0A { SerialPort.com1.putPolled(0x0D) }
        SerialPort.com1.putPolled(byte)
        if screen { FramebufferConsole.panicPut(byte) }
    }
}

/// Prints to the console without logging (shell output).
func consolePrint(_ body: (inout ConsoleSink) -> Void) {
    var sink = ConsoleSink()
    body(&sink)
}
