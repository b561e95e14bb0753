// SPDX-License-Identifier: GPL-2.0-only
// COM1 as the console: a transmit ring and received bytes (into ConsoleInput) served by the UART interrupt (IRQ 4).
import KernelSupport

enum SerialConsole {
    private struct State {
        var transmit = ByteRing()
        var interruptDriven = false
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    private static let port = SerialPort.com1

    /// Routes the UART interrupt and turns on receive interrupts; output goes through the ring from now on.
    static func enableInterrupts() {
        ConsoleInput.initialize()                       // lazy globals: create them before any interrupt can
        IRQRouting.routeISA(irq: 4, vector: InterruptVector.isaBase + 4)
        Interrupts.register(vector: InterruptVector.isaBase + 4) { SerialConsole.serviceInterrupt() }
        withState { state in
            state.interruptDriven = true
            port.enableInterrupts(receive: true, transmitEmpty: false)
        }
    }

    /// Queues one byte for output (polled while interrupts are not set up or are off).
    static func put(_ byte: UInt8) {
        withState { state in
            guard state.interruptDriven else {
                port.putPolled(byte)
                return
            }
            // Keep order: if the ring holds bytes, this one goes behind them.
            if state.transmit.isEmpty && port.transmitterReady {
                port.putPolled(byte)
                return
            }
            while state.transmit.isFull {
                // Drain by hand: the caller may have interrupts off and nothing else will.
                port.putPolled(state.transmit.pop() ?? 0)
            }
            state.transmit.push(byte)
            port.enableInterrupts(receive: true, transmitEmpty: true)
        }
    }

    /// Writes out everything queued (before a power-off, or before the panic path takes over).
    static func flush() {
        withState { state in
            while let byte = state.transmit.pop() { port.putPolled(byte) }
        }
    }

    private static func serviceInterrupt() {
        withState { state in
            while let byte = port.receivedByte() { ConsoleInput.push(byte) }
            var budget = 16                             // the UART's transmit FIFO depth
            while budget > 0, port.transmitterReady, let byte = state.transmit.pop() {
                port.putPolled(byte)
                budget -= 1
            }
            if state.transmit.isEmpty { port.enableInterrupts(receive: true, transmitEmpty: false) }
        }
        ConsoleInput.wakeReaders()
    }
}
