// SPDX-License-Identifier: GPL-2.0-only
// Decodes PC keyboard scancode set 1 (what an i8042 with translation on delivers) into key presses and releases.

/// A key going down or up. `code` is the set-1 make code, plus 0x80 for keys sent with the `E0` prefix
/// (so right Ctrl is 0x9D, Up is 0xC8), as Linux numbers the extended keys apart from the base ones.
public struct KeyEvent: Equatable {
    public let code: UInt8
    public let pressed: Bool

    public init(code: UInt8, pressed: Bool) {
        self.code = code
        self.pressed = pressed
    }
}

/// Scancode set 1, byte by byte: `E0` prefixes an extended key, bit 7 marks a release, `E1 1D 45 E1 9D C5`
/// (Pause) is swallowed, and the fake shifts some keyboards wrap around extended keys (`E0 2A`, `E0 AA`,
/// `E0 36`, `E0 B6`) and keyboard replies (`FA` ACK, `FE` resend, `EE` echo, `00`/`FF` errors) produce
/// nothing. `AA` (self-test passed) is also left Shift's release, and is decoded as that: harmless.
public struct ScancodeDecoder {
    private var extended = false
    /// Bytes of a Pause sequence still to swallow.
    private var pauseBytes = 0

    public init() {}

    /// Feeds one byte; returns the key event it completes, if any.
    public mutating func decode(_ byte: UInt8) -> KeyEvent? {
        if pauseBytes > 0 {
            pauseBytes -= 1
            return nil
        }
        switch byte {
        case 0xE0:
            extended = true
            return nil
        case 0xE1:
            pauseBytes = 5
            extended = false
            return nil
        case 0x00, 0xFF, 0xFA, 0xFE, 0xEE:
            extended = false
            return nil
        default:
            break
        }
        let wasExtended = extended
        extended = false
        let make = byte & 0x7F
        if wasExtended && (make == 0x2A || make == 0x36) { return nil }
        return KeyEvent(code: make | (wasExtended ? 0x80 : 0), pressed: byte & 0x80 == 0)
    }
}
