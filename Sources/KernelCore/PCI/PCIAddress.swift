// SPDX-License-Identifier: GPL-2.0-only
// A PCI function's address (segment, bus, device, function) and its `bb:dd.f` text form.

/// Where a PCI function sits: segment group, bus, device (0–31) and function (0–7).
public struct PCIAddress: Equatable {
    public let segment: UInt16
    public let bus: UInt8
    public let device: UInt8
    public let function: UInt8

    /// `nil` when `device` or `function` is out of range.
    public init?(segment: UInt16 = 0, bus: UInt8, device: UInt8, function: UInt8) {
        guard device < 32, function < 8 else { return nil }
        self.segment = segment
        self.bus = bus
        self.device = device
        self.function = function
    }

    /// Parses `bb:dd.f` or `ssss:bb:dd.f` (hexadecimal, as lspci prints it); `nil` for anything else.
    public static func parse(_ text: [UInt8]) -> PCIAddress? {
        // Split on ':' into 2 or 3 fields; the last one is `dd.f`.
        var fields: [[UInt8]] = [[]]
        for byte in text {
            if byte == 0x3A { fields.append([]) } else { fields[fields.count - 1].append(byte) }
        }
        guard fields.count == 2 || fields.count == 3 else { return nil }
        let last = fields[fields.count - 1]
        guard let dot = last.firstIndex(of: 0x2E) else { return nil }
        let deviceText = Array(last[..<dot])
        let functionText = Array(last[(dot + 1)...])
        var segment: UInt64 = 0
        if fields.count == 3 {
            guard let value = hexValue(fields[0], maxDigits: 4) else { return nil }
            segment = value
        }
        guard let bus = hexValue(fields[fields.count - 2], maxDigits: 2),
              let device = hexValue(deviceText, maxDigits: 2),
              let function = hexValue(functionText, maxDigits: 1) else { return nil }
        guard device < 32, function < 8 else { return nil }
        return PCIAddress(segment: UInt16(segment), bus: UInt8(bus), device: UInt8(device), function: UInt8(function))
    }

    /// The value of 1 to `maxDigits` hexadecimal digits, or `nil`.
    static func hexValue(_ digits: [UInt8], maxDigits: Int) -> UInt64? {
        guard !digits.isEmpty, digits.count <= maxDigits else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard let digit = hexDigit(byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

extension PCIAddress: TextStreamable {
    /// `bb:dd.f`, with a `ssss:` prefix only for segments other than 0 (as lspci prints it).
    public func write<Sink: TextSink>(to sink: inout Sink) {
        if segment != 0 {
            sink.writeHex(segment, digits: 4, prefix: false)
            sink.write(":")
        }
        sink.writeHex(bus, digits: 2, prefix: false)
        sink.write(":")
        sink.writeHex(device, digits: 2, prefix: false)
        sink.write(".")
        sink.writeHex(function, digits: 1, prefix: false)
    }
}
