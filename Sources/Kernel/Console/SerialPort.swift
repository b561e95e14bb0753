// SPDX-License-Identifier: GPL-2.0-only
// A 16550 UART (COM1 at 115200 8N1): registers, polled output, and interrupt control.
import KernelSupport

struct SerialPort {
    let base: UInt16

    static let com1 = SerialPort(base: 0x3F8)

    private enum Register: UInt16 {
        case data = 0, interruptEnable = 1, fifoControl = 2, lineControl = 3, modemControl = 4, lineStatus = 5
    }

    private func write(_ register: Register, _ value: UInt8) { cpu_outb(base + register.rawValue, value) }
    private func read(_ register: Register) -> UInt8 { cpu_inb(base + register.rawValue) }

    /// 115200 baud, 8 data bits, no parity, one stop bit, FIFOs on, interrupts off.
    func initialize() {
        write(.interruptEnable, 0)
        write(.lineControl, 0x80)           // DLAB: the next two writes set the divisor
        write(.data, 1)                     // 115200 / 1
        write(.interruptEnable, 0)
        write(.lineControl, 0x03)           // 8N1
        write(.fifoControl, 0xC7)           // enable and clear FIFOs, 14-byte receive threshold
        write(.modemControl, 0x0B)          // DTR, RTS, OUT2 (OUT2 gates the IRQ line)
    }

    var transmitterReady: Bool { read(.lineStatus) & 0x20 != 0 }

    /// Writes one byte, waiting (boundedly) for room in the transmitter.
    func putPolled(_ byte: UInt8) {
        var spins = 0
        while !transmitterReady && spins < 100_000 { spins += 1 }
        write(.data, byte)
    }

    func receivedByte() -> UInt8? {
        read(.lineStatus) & 0x01 != 0 ? read(.data) : nil
    }

    func enableInterrupts(receive: Bool, transmitEmpty: Bool) {
        write(.interruptEnable, (receive ? 0x01 : 0) | (transmitEmpty ? 0x02 : 0))
    }
}
