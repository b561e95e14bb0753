// SPDX-License-Identifier: GPL-2.0-only
// The guest's keyboard and screen through QEMU's monitor: typing text with `sendkey`, taking screendumps.

import Foundation

extension QEMUMachine {
    /// Types `text` on the guest's keyboard, one `sendkey` per character (`\n` is Enter, `\u{8}` Backspace).
    /// Characters without a key name on a US keyboard throw.
    func type(_ text: String) throws {
        for character in text {
            guard let key = Self.keyName(character) else {
                throw QEMUError(description: "no US keyboard key types \(character.debugDescription)")
            }
            try monitor("sendkey \(key)")
        }
    }

    /// Presses the named keys together (QEMU's names: `up`, `ctrl-c`, `shift-a`, `caps_lock`).
    func pressKey(_ name: String) throws {
        try monitor("sendkey \(name)")
    }

    /// What the display shows now.
    func screendump() throws -> Screenshot {
        let file = directory.appendingPathComponent("screen-\(UUID().uuidString).ppm")
        let answer = try monitor("screendump \(file.path)")
        defer { try? FileManager.default.removeItem(at: file) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw QEMUError(description: "\(name): screendump wrote nothing: \(answer)")
        }
        return try Screenshot(ppm: data)
    }

    private static let shiftedSymbols: [Character: String] = [
        "!": "1", "@": "2", "#": "3", "$": "4", "%": "5", "^": "6", "&": "7", "*": "8", "(": "9", ")": "0",
        "_": "minus", "+": "equal", "{": "bracket_left", "}": "bracket_right", "|": "backslash",
        ":": "semicolon", "\"": "apostrophe", "~": "grave_accent", "<": "comma", ">": "dot", "?": "slash",
    ]
    private static let symbols: [Character: String] = [
        " ": "spc", "\n": "ret", "\u{8}": "backspace", "\t": "tab", "-": "minus", "=": "equal",
        "[": "bracket_left", "]": "bracket_right", "\\": "backslash", ";": "semicolon", "'": "apostrophe",
        "`": "grave_accent", ",": "comma", ".": "dot", "/": "slash",
    ]

    private static func keyName(_ character: Character) -> String? {
        if let name = symbols[character] { return name }
        if let name = shiftedSymbols[character] { return "shift-" + name }
        guard character.isASCII, let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.value {
        case 0x61...0x7A, 0x30...0x39: return String(character)
        case 0x41...0x5A: return "shift-" + character.lowercased()
        default: return nil
        }
    }
}
