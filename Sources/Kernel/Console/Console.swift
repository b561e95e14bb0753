// SPDX-License-Identifier: GPL-2.0-only
// The console: where kernel text goes (COM1, interrupt-driven once interrupts are on) and where input comes from.
import KernelCore
import KernelSupport

/// A `TextSink` writing to the console; `\n` becomes CR LF for terminals.
struct ConsoleSink: TextSink {
    mutating func write(_ byte: UInt8) {
        if byte == 0x0A { SerialConsole.put(0x0D) }
        SerialConsole.put(byte)
    }
}

/// A `TextSink` that writes straight to the UART, polled: for the panic path, which trusts nothing.
struct PanicSink: TextSink {
    mutating func write(_ byte: UInt8) {
        if byte == 0x0A { SerialPort.com1.putPolled(0x0D) }
        SerialPort.com1.putPolled(byte)
    }
}

/// Prints to the console without logging (shell output).
func consolePrint(_ body: (inout ConsoleSink) -> Void) {
    var sink = ConsoleSink()
    body(&sink)
}
