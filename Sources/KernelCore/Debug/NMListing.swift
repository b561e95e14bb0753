// SPDX-License-Identifier: GPL-2.0-only
// Parses `llvm-nm` symbol listings and picks out the kernel's functions for the symbol table.

/// One symbol line of `llvm-nm --defined-only --print-size --numeric-sort` output.
public struct NMSymbol {
    /// The symbol's value (its address in a linked image).
    public let address: UInt64
    /// The symbol's size in bytes (0 if unknown, or if the listing has no size column).
    public let size: UInt64
    /// nm's type letter: `T`/`t` text, `W`/`w` weak, `D`/`d` data, `B`/`b` bss, `R`/`r` read-only…
    public let type: UInt8
    /// The (mangled) name.
    public let name: [UInt8]
}

/// Reading `llvm-nm` listings for the `apus-symtab` tool.
public enum NMListing {
    /// The symbols of every line of the form `ADDRESS [SIZE] TYPE NAME` in `text`.
    ///
    /// Other lines (blank lines, `file.o:` headers, undefined symbols without an address) are
    /// skipped; line ends may be `\n` or `\r\n`.
    public static func parse(_ text: [UInt8]) -> [NMSymbol] {
        var symbols: [NMSymbol] = []
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count && text[lineEnd] != 0x0A {
                lineEnd += 1
            }
            if let symbol = parseLine(text[lineStart..<lineEnd]) {
                symbols.append(symbol)
            }
            lineStart = lineEnd + 1
        }
        return symbols
    }

    /// The function symbols among `symbols`, in the order the symbol table should prefer them.
    ///
    /// Kept: text symbols (`T`, `t`), and weak symbols (`W`, `w`) whose address lies in the text
    /// range, from the lowest text-symbol start to the highest text-symbol end (nm does not name
    /// sections, and weak data exists too). Sorted by address, and at one address strong global
    /// before local before weak, so `SymbolTableEncoder` keeps the most meaningful alias.
    public static func functionSymbols(_ symbols: [NMSymbol]) -> [NMSymbol] {
        var textStart = UInt64.max
        var textEnd: UInt64 = 0
        for symbol in symbols where rank(symbol.type) < 2 {
            textStart = min(textStart, symbol.address)
            textEnd = max(textEnd, symbol.address &+ symbol.size, symbol.address &+ 1)
        }
        let functions = symbols.filter { symbol in
            switch rank(symbol.type) {
            case 0, 1: return true
            case 2, 3: return symbol.address >= textStart && symbol.address < textEnd
            default: return false
            }
        }
        let order = functions.indices.sorted { left, right in
            let a = functions[left]
            let b = functions[right]
            if a.address != b.address { return a.address < b.address }
            if rank(a.type) != rank(b.type) { return rank(a.type) < rank(b.type) }
            return left < right
        }
        return order.map { functions[$0] }
    }

    /// 0 `T`, 1 `t`, 2 `W`, 3 `w`, 4 anything else.
    private static func rank(_ type: UInt8) -> Int {
        switch type {
        case 0x54: return 0  // T
        case 0x74: return 1  // t
        case 0x57: return 2  // W
        case 0x77: return 3  // w
        default: return 4
        }
    }

    private static func parseLine(_ line: ArraySlice<UInt8>) -> NMSymbol? {
        var fields: [ArraySlice<UInt8>] = []
        var index = line.startIndex
        var end = line.endIndex
        if end > index && line[end - 1] == 0x0D { end -= 1 }
        // Up to three space-separated fields, then the name: the rest of the line.
        while index < end && fields.count < 3 {
            let start = index
            while index < end && line[index] != 0x20 { index += 1 }
            guard index > start else { return nil }  // leading or double space: not a symbol line
            fields.append(line[start..<index])
            index += 1
            if fields.count >= 2 && fields[fields.count - 1].count == 1 { break }
        }
        guard index < end, fields.count >= 2, let address = hex(fields[0]) else { return nil }
        let type = fields[fields.count - 1]
        guard type.count == 1 else { return nil }
        var size: UInt64 = 0
        if fields.count == 3 {
            guard let parsed = hex(fields[1]) else { return nil }
            size = parsed
        }
        return NMSymbol(address: address, size: size, type: type[type.startIndex], name: Array(line[index..<end]))
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty && digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            let nibble: UInt8
            switch digit {
            case 0x30...0x39: nibble = digit - 0x30
            case 0x41...0x46: nibble = digit - 0x41 + 10
            case 0x61...0x66: nibble = digit - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
