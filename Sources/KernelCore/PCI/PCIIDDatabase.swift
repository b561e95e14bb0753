// SPDX-License-Identifier: GPL-2.0-only
// Looks up vendor, device and class names in the bytes of a pci.ids file (the PCI ID Project's database).

/// An index over the text of `pci.ids`, built once, answering name lookups.
///
/// The format: `#` comments and blank lines; `vvvv  Vendor name`; under a vendor, `\tdddd  Device name`
/// and `\t\tssss ssss  Subsystem name`; a class section of `C cc  Class name`, `\tss  Subclass name` and
/// `\t\tpp  Programming interface name`. A line that fits none of these is counted in `malformedLines`
/// and skipped, and the lines indented under a malformed top-level line are skipped with it, so that
/// they are never taken for another vendor's. Names are returned as the file's bytes (UTF-8).
public struct PCIIDDatabase {
    private struct Vendor {
        let id: UInt16
        let name: Range<Int>
        /// The bytes of its indented lines (devices and subsystems).
        let block: Range<Int>
    }
    private struct Class {
        let id: UInt8
        let name: Range<Int>
        let block: Range<Int>
    }

    private let text: [UInt8]
    private var vendors: [Vendor] = []
    private var classes: [Class] = []
    /// Lines that fit no rule of the format.
    public private(set) var malformedLines = 0

    public var vendorCount: Int { vendors.count }
    public var classCount: Int { classes.count }

    private enum Section { case none, vendor, klass }

    public init(_ text: [UInt8]) {
        self.text = text
        var section = Section.none
        var topName = 0..<0
        var topID = 0
        var blockStart = 0
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count && text[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            let line = trimmed(lineStart..<lineEnd)
            if line.isEmpty || text[line.lowerBound] == 0x23 { continue }       // blank or '#'
            if text[line.lowerBound] == 0x09 { continue }                       // indented: part of a block
            // A top-level line ends the previous entry's block.
            close(section, id: topID, name: topName, block: blockStart..<lineStart)
            if text[line.lowerBound] == 0x43, line.count > 1, text[line.lowerBound + 1] == 0x20 {   // "C "
                if let (id, name) = entry(line.lowerBound + 2..<line.upperBound, digits: 2) {
                    section = .klass; topID = Int(id); topName = name
                } else {
                    section = .none; malformedLines += 1
                }
            } else if let (id, name) = entry(line, digits: 4) {
                section = .vendor; topID = Int(id); topName = name
            } else {
                section = .none; malformedLines += 1
            }
            blockStart = lineEnd
        }
        close(section, id: topID, name: topName, block: blockStart..<text.count)
        // Count malformed indented lines too (a lookup would skip them anyway).
        malformedLines += countMalformedIndented()
    }

    private mutating func close(_ section: Section, id: Int, name: Range<Int>, block: Range<Int>) {
        let block = block.lowerBound <= block.upperBound ? block : block.lowerBound..<block.lowerBound
        switch section {
        case .vendor: vendors.append(Vendor(id: UInt16(id), name: name, block: block))
        case .klass: classes.append(Class(id: UInt8(id), name: name, block: block))
        case .none: break
        }
    }

    private func countMalformedIndented() -> Int {
        var count = 0
        for vendor in vendors {
            forEachLine(in: vendor.block) { line, depth in
                let digits = depth == 1 ? 4 : 0
                if depth == 1 { if entry(line, digits: digits) == nil { count += 1 } }
                else if depth == 2 { if subsystemEntry(line) == nil { count += 1 } }
                else { count += 1 }
                return true
            }
        }
        for klass in classes {
            forEachLine(in: klass.block) { line, depth in
                if depth > 2 || entry(line, digits: 2) == nil { count += 1 }
                return true
            }
        }
        return count
    }

    // MARK: - Lookups

    /// The vendor's name, or `nil`.
    public func vendorName(_ vendor: UInt16) -> ArraySlice<UInt8>? {
        guard let found = vendors.first(where: { $0.id == vendor }) else { return nil }
        return text[found.name]
    }

    /// The device's name (under its vendor), or `nil`.
    public func deviceName(vendor: UInt16, device: UInt16) -> ArraySlice<UInt8>? {
        guard let found = vendors.first(where: { $0.id == vendor }) else { return nil }
        return childName(in: found.block, id: UInt64(device), digits: 4)
    }

    /// The class's name (`Network controller`), or `nil`.
    public func className(_ classCode: UInt8) -> ArraySlice<UInt8>? {
        guard let found = classes.first(where: { $0.id == classCode }) else { return nil }
        return text[found.name]
    }

    /// The subclass's name (`Ethernet controller`), or `nil`.
    public func subclassName(classCode: UInt8, subclass: UInt8) -> ArraySlice<UInt8>? {
        guard let found = classes.first(where: { $0.id == classCode }) else { return nil }
        return childName(in: found.block, id: UInt64(subclass), digits: 2)
    }

    /// The programming interface's name (`NVM Express`), or `nil`.
    public func programmingInterfaceName(classCode: UInt8, subclass: UInt8, programmingInterface: UInt8) -> ArraySlice<UInt8>? {
        guard let found = classes.first(where: { $0.id == classCode }) else { return nil }
        var result: ArraySlice<UInt8>?
        var inSubclass = false
        forEachLine(in: found.block) { line, depth in
            if depth == 1 {
                if inSubclass { return false }
                inSubclass = entry(line, digits: 2)?.0 == UInt64(subclass)
            } else if depth == 2, inSubclass, let (id, name) = entry(line, digits: 2), id == UInt64(programmingInterface) {
                result = text[name]
                return false
            }
            return true
        }
        return result
    }

    /// The name of the depth-1 line `id` in `block`.
    private func childName(in block: Range<Int>, id: UInt64, digits: Int) -> ArraySlice<UInt8>? {
        var result: ArraySlice<UInt8>?
        forEachLine(in: block) { line, depth in
            if depth == 1, let (found, name) = entry(line, digits: digits), found == id {
                result = text[name]
                return false
            }
            return true
        }
        return result
    }

    // MARK: - Line parsing

    /// Calls `body` with each non-comment line of `block`, without its leading tabs, and how many tabs it
    /// had; `body` returns false to stop.
    private func forEachLine(in block: Range<Int>, _ body: (Range<Int>, Int) -> Bool) {
        var lineStart = block.lowerBound
        while lineStart < block.upperBound {
            var lineEnd = lineStart
            while lineEnd < block.upperBound && text[lineEnd] != 0x0A { lineEnd += 1 }
            let line = trimmed(lineStart..<lineEnd)
            lineStart = lineEnd + 1
            var start = line.lowerBound
            while start < line.upperBound && text[start] == 0x09 { start += 1 }
            let depth = start - line.lowerBound
            if start == line.upperBound || text[start] == 0x23 { continue }
            if !body(start..<line.upperBound, depth) { return }
        }
    }

    /// `line` without a trailing carriage return, spaces or tabs.
    private func trimmed(_ line: Range<Int>) -> Range<Int> {
        var end = line.upperBound
        while end > line.lowerBound && (text[end - 1] == 0x0D || text[end - 1] == 0x20 || text[end - 1] == 0x09) {
            end -= 1
        }
        return line.lowerBound..<end
    }

    /// Parses `hex…  name`: exactly `digits` hex digits, at least one space, a non-empty name.
    private func entry(_ line: Range<Int>, digits: Int) -> (UInt64, Range<Int>)? {
        guard line.count > digits + 1 else { return nil }
        var value: UInt64 = 0
        for index in line.lowerBound..<line.lowerBound + digits {
            guard let digit = PCIAddress.hexDigit(text[index]) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        var nameStart = line.lowerBound + digits
        guard text[nameStart] == 0x20 else { return nil }
        while nameStart < line.upperBound && text[nameStart] == 0x20 { nameStart += 1 }
        guard nameStart < line.upperBound else { return nil }
        return (value, nameStart..<line.upperBound)
    }

    /// Parses `ssss dddd  name` (a subsystem line).
    private func subsystemEntry(_ line: Range<Int>) -> (UInt64, Range<Int>)? {
        guard let (vendor, rest) = entry(line, digits: 4) else { return nil }
        guard let (device, name) = entry(rest, digits: 4) else { return nil }
        return (vendor << 16 | device, name)
    }
}
