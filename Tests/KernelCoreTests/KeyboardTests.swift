// SPDX-License-Identifier: GPL-2.0-only
// Tests of scancode set 1 decoding and the US layout's translation into terminal input.

import KernelCore
import XCTest

private struct Capture: TextSink {
    var bytes: [UInt8] = []
    mutating func write(_ byte: UInt8) { bytes.append(byte) }
}

final class KeyboardTests: XCTestCase {
    private func decode(_ bytes: [UInt8]) -> [KeyEvent] {
        var decoder = ScancodeDecoder()
        return bytes.compactMap { decoder.decode($0) }
    }

    /// Types the scancode bytes and returns what the terminal input would receive.
    private func type(_ bytes: [UInt8], translator: inout KeyboardTranslator) -> String {
        var decoder = ScancodeDecoder()
        var capture = Capture()
        for byte in bytes {
            if let event = decoder.decode(byte) { translator.translate(event, to: &capture) }
        }
        return String(decoding: capture.bytes, as: UTF8.self)
    }

    private func type(_ bytes: [UInt8]) -> String {
        var translator = KeyboardTranslator()
        return type(bytes, translator: &translator)
    }

    /// Press and release of make code `code`.
    private func tap(_ code: UInt8) -> [UInt8] { [code, code | 0x80] }

    func testDecoding() {
        XCTAssertEqual(decode([0x1E, 0x9E]), [KeyEvent(code: 0x1E, pressed: true), KeyEvent(code: 0x1E, pressed: false)])
        XCTAssertEqual(decode([0xE0, 0x48, 0xE0, 0xC8]), [KeyEvent(code: 0xC8, pressed: true), KeyEvent(code: 0xC8, pressed: false)])
        XCTAssertEqual(decode([0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5, 0x10]), [KeyEvent(code: 0x10, pressed: true)], "Pause is swallowed")
        XCTAssertEqual(decode([0xE0, 0x2A, 0xE0, 0x37, 0xE0, 0xB7, 0xE0, 0xAA]),
                       [KeyEvent(code: 0xB7, pressed: true), KeyEvent(code: 0xB7, pressed: false)], "fake shifts dropped")
        XCTAssertEqual(decode([0xFA, 0xFE, 0xEE, 0x00, 0xFF]), [], "replies are not keys")
        XCTAssertEqual(decode([0xAA]), [KeyEvent(code: 0x2A, pressed: false)], "AA is also left Shift's release")
    }

    func testLettersDigitsAndShift() {
        // h e l p Enter
        XCTAssertEqual(type(tap(0x23) + tap(0x12) + tap(0x26) + tap(0x19) + tap(0x1C)), "help\r")
        XCTAssertEqual(type(tap(0x02) + tap(0x0B) + tap(0x0C) + tap(0x39) + tap(0x35)), "10- /")
        // Shift held: A ! _ ?, then released: a
        XCTAssertEqual(type([0x2A] + tap(0x1E) + tap(0x02) + tap(0x0C) + tap(0x35) + [0xAA] + tap(0x1E)), "A!_?a")
        XCTAssertEqual(type([0x36] + tap(0x28) + tap(0x29) + tap(0x2B) + [0xB6]), "\"~|")
    }

    func testCapsLock() {
        var translator = KeyboardTranslator()
        XCTAssertEqual(type(tap(0x3A) + tap(0x1E) + tap(0x02), translator: &translator), "A1", "Caps Lock: letters only")
        XCTAssertTrue(translator.capsLock)
        XCTAssertEqual(translator.ledState, 4)
        XCTAssertEqual(type([0x2A] + tap(0x1E) + [0xAA], translator: &translator), "a", "Shift undoes Caps Lock")
        XCTAssertEqual(type(tap(0x3A) + tap(0x1E), translator: &translator), "a")
        XCTAssertEqual(translator.ledState, 0)
    }

    func testControlAndAlt() {
        XCTAssertEqual(type([0x1D] + tap(0x2E) + tap(0x16) + [0x9D]), "\u{3}\u{15}", "Ctrl-C, Ctrl-U")
        XCTAssertEqual(type([0xE0, 0x1D] + tap(0x2E) + [0xE0, 0x9D] + tap(0x2E)), "\u{3}c", "right Ctrl")
        XCTAssertEqual(type([0x38] + tap(0x1E) + [0xB8] + tap(0x1E)), "\u{1B}aa", "Alt prefixes ESC")
    }

    func testEditingKeys() {
        XCTAssertEqual(type(tap(0x0E) + tap(0x0F) + tap(0x01)), "\u{7F}\t\u{1B}")
        let arrows = [0xE0, 0x48, 0xE0, 0xC8, 0xE0, 0x50, 0xE0, 0xD0, 0xE0, 0x4D, 0xE0, 0xCD, 0xE0, 0x4B, 0xE0, 0xCB] as [UInt8]
        XCTAssertEqual(type(arrows), "\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D")
        XCTAssertEqual(type([0xE0, 0x47, 0xE0, 0x4F, 0xE0, 0x53, 0xE0, 0x52]), "\u{1B}[H\u{1B}[F\u{1B}[3~\u{1B}[2~")
        XCTAssertEqual(type([0xE0, 0x1C, 0xE0, 0x35]), "\r/", "keypad Enter and /")
    }

    func testKeypadFollowsNumLock() {
        var translator = KeyboardTranslator()
        XCTAssertEqual(type(tap(0x48) + tap(0x4E) + tap(0x37), translator: &translator), "\u{1B}[A+*", "Num Lock off: arrows")
        XCTAssertEqual(type(tap(0x45) + tap(0x48) + tap(0x52) + tap(0x53), translator: &translator), "80.")
        XCTAssertEqual(translator.ledState, 2)
    }

    func testTypematicRepeatRepeats() {
        XCTAssertEqual(type([0x1E, 0x1E, 0x1E, 0x9E]), "aaa")
    }

    func testUnknownKeysTypeNothing() {
        XCTAssertEqual(type(tap(0x3B) + tap(0x56) + tap(0x58) + [0xE0, 0x5B, 0xE0, 0xDB]), "", "F1, 102nd key, F12, GUI")
    }
}
