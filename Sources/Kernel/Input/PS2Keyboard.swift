// SPDX-License-Identifier: GPL-2.0-only
// The PS/2 keyboard on IRQ 1: scancodes decoded and typed into the console input, Caps/Num/Scroll Lock LEDs.
import KernelCore
import KernelSupport

/// Brings up the i8042's keyboard port (unless ACPI says there is no 8042) and turns its interrupts into
/// console input with the US layout. Key repeat is the keyboard's own typematic repeat, set to 30 per
/// second after 500 ms.
enum PS2Keyboard {
    private struct State {
        var decoder = ScancodeDecoder()
        var translator = KeyboardTranslator()
        /// The LED byte to send once the keyboard acknowledged the "set LEDs" command.
        var pendingLEDs: UInt8?
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state` (lock order: PS2Keyboard → ConsoleInput).
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    private enum KeyboardCommand {
        static let setLEDs: UInt8 = 0xED
        static let setTypematic: UInt8 = 0xF3
        static let enableScanning: UInt8 = 0xF4
        static let reset: UInt8 = 0xFF
        static let acknowledge: UInt8 = 0xFA
    }

    /// Probes the controller and the keyboard and routes IRQ 1; logs what it found. `i8042=force` on the
    /// command line probes even when the FADT says there is no 8042.
    static func initialize() {
        if let fadt = ACPI.fadt, fadt.revision >= 2, fadt.bootArchitectureFlags & (1 << 1) == 0,
           !BootInfo.commandLine.list("i8042", contains: "force") {
            log(.notice, "i8042: the FADT says there is no 8042 controller (IAPC_BOOT_ARCH); no PS/2 keyboard (i8042=force probes anyway)")
            return
        }
        var configuration: UInt8
        do throws(I8042Controller.Failure) {
            configuration = try I8042Controller.initialize()
        } catch {
            log(.notice) { line in
                line.write("i8042: ")
                line.write(error.reason)
                if let code = error.code {
                    line.write(" (")
                    line.writeHex(UInt64(code), digits: 2)
                    line.write(")")
                }
                line.write("; no PS/2 keyboard")
            }
            return
        }
        // Reset the keyboard (ACK, then AA after its own self-test); a port without a keyboard times out.
        guard I8042Controller.keyboardCommand(KeyboardCommand.reset) == KeyboardCommand.acknowledge else {
            log(.notice, "i8042: no keyboard answers on the keyboard port")
            return
        }
        if I8042Controller.waitForByte(patience: 500_000) != 0xAA {
            log(.warning, "i8042: the keyboard did not report a passed self-test; using it anyway")
        }
        I8042Controller.drain()
        _ = I8042Controller.keyboardCommand(KeyboardCommand.setTypematic)
        _ = I8042Controller.keyboardCommand(0x20)       // 500 ms delay, 30 characters per second
        _ = I8042Controller.keyboardCommand(KeyboardCommand.enableScanning)
        I8042Controller.drain()

        IRQRouting.routeISA(irq: 1, vector: InterruptVector.isaBase + 1)
        Interrupts.register(vector: InterruptVector.isaBase + 1) { PS2Keyboard.serviceInterrupt() }
        configuration |= I8042Controller.Configuration.keyboardInterrupt
        do throws(I8042Controller.Failure) {
            try I8042Controller.writeConfiguration(configuration)
        } catch {
            log(.warning, "i8042: could not enable the keyboard interrupt")
            return
        }
        log(.info, "i8042: PS/2 keyboard on IRQ 1, US layout")
    }

    private static func serviceInterrupt() {
        var typed = false
        withState { state in
            var budget = 16
            while budget > 0 {
                let status = I8042Controller.status
                guard I8042Controller.byteWaiting(status) else { break }
                let byte = I8042Controller.readData()
                budget -= 1
                guard I8042Controller.keyboardByteWaiting(status) else { continue }   // mouse data: not ours
                if byte == KeyboardCommand.acknowledge, let leds = state.pendingLEDs {
                    state.pendingLEDs = nil
                    I8042Controller.writeData(leds)
                    continue
                }
                guard let event = state.decoder.decode(byte) else { continue }
                var sink = ConsoleInputSink()
                if state.translator.translate(event, to: &sink) {
                    state.pendingLEDs = state.translator.ledState
                    I8042Controller.writeData(KeyboardCommand.setLEDs)
                }
                typed = true
            }
        }
        if typed { ConsoleInput.wakeReaders() }
    }
}
