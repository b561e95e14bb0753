// SPDX-License-Identifier: GPL-2.0-only
// The US keyboard layout: key events to the bytes a terminal sends (characters, control codes, escape sequences).

/// Tracks Shift, Ctrl, Alt, Caps Lock and Num Lock and turns key presses into terminal input: printable
/// characters, Ctrl+letter as control codes, Alt+key with an `ESC` prefix, Enter as CR, Backspace as DEL,
/// arrows and the editing keys as VT100/xterm sequences (`ESC [ A`, `ESC [ 3 ~` …). Repeated presses (the
/// keyboard's typematic repeat) produce the key again.
public struct KeyboardTranslator {
    private var leftShift = false, rightShift = false
    private var leftControl = false, rightControl = false
    private var leftAlt = false, rightAlt = false
    public private(set) var capsLock = false
    public private(set) var numLock = false
    public private(set) var scrollLock = false

    public init() {}

    public var shift: Bool { leftShift || rightShift }
    public var control: Bool { leftControl || rightControl }
    public var alt: Bool { leftAlt || rightAlt }

    /// The keyboard's LED byte (command `ED`): bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock.
    public var ledState: UInt8 { (scrollLock ? 1 : 0) | (numLock ? 2 : 0) | (capsLock ? 4 : 0) }

    /// Set 1 make codes 0x00–0x39: the character unshifted and shifted (0 where the key is not a character).
    private let unshifted = Self.bytes("\0\u{1B}1234567890-=\u{7F}\tqwertyuiop[]\r\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ")
    private let shifted = Self.bytes("\0\u{1B}!@#$%^&*()_+\u{7F}\tQWERTYUIOP{}\r\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ")
    /// Keypad 0x47–0x53 with Num Lock on.
    private let keypadDigits = Self.bytes("789-456+1230.")

    private static func bytes(_ text: StaticString) -> [UInt8] {
        // SAFETY: the buffer is valid inside the closure and copied out before it returns.
        text.withUTF8Buffer { unsafe Array($0) }
    }

    /// Applies `event` and writes the bytes it produces to `sink`; returns true when a lock key changed the LEDs.
    @discardableResult
    public mutating func translate<Sink: TextSink>(_ event: KeyEvent, to sink: inout Sink) -> Bool {
        switch event.code {
        case 0x2A: leftShift = event.pressed; return false
        case 0x36: rightShift = event.pressed; return false
        case 0x1D: leftControl = event.pressed; return false
        case 0x9D: rightControl = event.pressed; return false
        case 0x38: leftAlt = event.pressed; return false
        case 0xB8: rightAlt = event.pressed; return false
        default: break
        }
        guard event.pressed else { return false }
        switch event.code {
        case 0x3A: capsLock.toggle(); return true
        case 0x45: numLock.toggle(); return true
        case 0x46: scrollLock.toggle(); return true
        default: break
        }
        if let sequence = Self.editingSequence(event.code, numLock: numLock) {
            if alt { sink.write(0x1B) }
            sink.write(sequence)
            return false
        }
        guard var character = character(for: event.code) else { return false }
        if control {
            switch character {
            case 0x40...0x7E: character &= 0x1F        // Ctrl+A → 01, Ctrl+[ → ESC
            case 0x20: character = 0x00                 // Ctrl+Space → NUL
            default: break
            }
        }
        if alt { sink.write(0x1B) }
        sink.write(character)
        return false
    }

    private func character(for code: UInt8) -> UInt8? {
        if (0x47...0x53).contains(code) {
            guard numLock || code == 0x4A || code == 0x4E else { return nil }
            return keypadDigits[Int(code - 0x47)]
        }
        switch code {
        case 0x9C: return 0x0D                          // keypad Enter
        case 0xB5: return 0x2F                          // keypad /
        case 0x00...0x39:
            let base = unshifted[Int(code)]
            guard base != 0 else { return nil }
            let isLetter = (0x61...0x7A).contains(base)
            let upper = isLetter ? shift != capsLock : shift
            return upper ? shifted[Int(code)] : base
        default:
            return nil
        }
    }

    /// Arrows and the editing block (and the keypad's when Num Lock is off), as xterm sends them.
    private static func editingSequence(_ code: UInt8, numLock: Bool) -> StaticString? {
        let key = code >= 0x80 ? code - 0x80 : (numLock ? 0 : code)
        guard code >= 0x80 || (0x47...0x53).contains(code) else { return nil }
        switch key {
        case 0x48: return "\u{1B}[A"
        case 0x50: return "\u{1B}[B"
        case 0x4D: return "\u{1B}[C"
        case 0x4B: return "\u{1B}[D"
        case 0x47: return "\u{1B}[H"
        case 0x4F: return "\u{1B}[F"
        case 0x52: return "\u{1B}[2~"
        case 0x53: return "\u{1B}[3~"
        case 0x49: return "\u{1B}[5~"
        case 0x51: return "\u{1B}[6~"
        default: return nil
        }
    }
}
