// SPDX-License-Identifier: GPL-2.0-only
// The i8042 PS/2 controller (ports 0x60/0x64): commands, bounded waits, and bringing up its keyboard port.
import KernelSupport

/// The 8042 keyboard controller as laptops still wire their internal keyboard to it. Every wait is bounded
/// by a number of status-port reads (about a microsecond each on hardware), so a missing or dead
/// controller costs milliseconds and a log line, never a hang.
enum I8042Controller {
    private static let dataPort: UInt16 = 0x60
    private static let statusPort: UInt16 = 0x64          // read: status; write: command

    private enum Status {
        static let outputFull: UInt8 = 0x01               // a byte waits in the data port
        static let inputFull: UInt8 = 0x02                // the controller has not taken our last byte
        static let auxiliary: UInt8 = 0x20                // the waiting byte comes from the mouse port
    }

    private enum Command {
        static let readConfiguration: UInt8 = 0x20
        static let writeConfiguration: UInt8 = 0x60
        static let disableAuxiliary: UInt8 = 0xA7
        static let selfTest: UInt8 = 0xAA
        static let testKeyboardPort: UInt8 = 0xAB
        static let disableKeyboard: UInt8 = 0xAD
        static let enableKeyboard: UInt8 = 0xAE
    }

    /// Configuration byte bits.
    enum Configuration {
        static let keyboardInterrupt: UInt8 = 0x01
        static let auxiliaryInterrupt: UInt8 = 0x02
        static let keyboardClockOff: UInt8 = 0x10
        static let translation: UInt8 = 0x40
    }

    /// Why the controller could not be brought up.
    struct Failure: Error {
        let reason: StaticString
        var code: UInt8?
    }

    /// Status-port reads before a wait gives up (about 20 ms on hardware; QEMU answers at once).
    private static let patience = 20_000

    static var status: UInt8 { cpu_inb(statusPort) }

    /// Whether the data port holds a byte from the keyboard (not the mouse); the caller then reads `data`.
    static func keyboardByteWaiting(_ status: UInt8) -> Bool { status & Status.outputFull != 0 && status & Status.auxiliary == 0 }
    static func byteWaiting(_ status: UInt8) -> Bool { status & Status.outputFull != 0 }
    static func readData() -> UInt8 { cpu_inb(dataPort) }

    private static func waitForInputEmpty(patience: Int = patience) -> Bool {
        for _ in 0..<patience where status & Status.inputFull == 0 { return true }
        return false
    }

    /// Waits (boundedly) for a byte in the data port and reads it.
    static func waitForByte(patience: Int = patience) -> UInt8? {
        for _ in 0..<patience where status & Status.outputFull != 0 { return readData() }
        return nil
    }

    private static func command(_ command: UInt8) throws(Failure) {
        guard waitForInputEmpty() else { throw Failure(reason: "controller busy, command not taken") }
        cpu_outb(statusPort, command)
    }

    private static func command(_ command: UInt8, answer reason: StaticString) throws(Failure) -> UInt8 {
        try self.command(command)
        guard let answer = waitForByte() else { throw Failure(reason: reason) }
        return answer
    }

    /// Writes `byte` to the data port (to the keyboard, or a command's parameter); false if the controller did
    /// not take it.
    @discardableResult
    static func writeData(_ byte: UInt8) -> Bool {
        guard waitForInputEmpty() else { return false }
        cpu_outb(dataPort, byte)
        return true
    }

    /// Sends `byte` to the keyboard and waits for its acknowledgement (FA); the reply byte otherwise.
    static func keyboardCommand(_ byte: UInt8, patience: Int = patience) -> UInt8? {
        guard writeData(byte) else { return nil }
        return waitForByte(patience: patience)
    }

    /// Throws away whatever waits in the data port.
    static func drain() {
        for _ in 0..<64 where byteWaiting(status) { _ = readData() }
    }

    /// Disables both ports, runs the controller's self-test and the keyboard port's test, and leaves the
    /// keyboard port enabled with interrupts off and scancode translation (set 1) on. Returns the
    /// configuration byte then in effect.
    static func initialize() throws(Failure) -> UInt8 {
        guard status != 0xFF else { throw Failure(reason: "no controller (status port reads FF)") }
        try command(Command.disableKeyboard)
        try command(Command.disableAuxiliary)
        drain()
        var configuration = try command(Command.readConfiguration, answer: "no answer to reading the configuration")
        configuration &= ~(Configuration.keyboardInterrupt | Configuration.auxiliaryInterrupt)
        configuration |= Configuration.translation
        try writeConfiguration(configuration)
        let selfTest = try command(Command.selfTest, answer: "no answer to the self-test")
        guard selfTest == 0x55 else { throw Failure(reason: "self-test failed", code: selfTest) }
        try writeConfiguration(configuration)           // some controllers reset themselves in the self-test
        let portTest = try command(Command.testKeyboardPort, answer: "no answer to the keyboard port test")
        guard portTest == 0x00 else { throw Failure(reason: "keyboard port test failed", code: portTest) }
        try command(Command.enableKeyboard)
        configuration &= ~Configuration.keyboardClockOff
        try writeConfiguration(configuration)
        return configuration
    }

    static func writeConfiguration(_ configuration: UInt8) throws(Failure) {
        try command(Command.writeConfiguration)
        guard writeData(configuration) else { throw Failure(reason: "controller busy, configuration not taken") }
    }
}
