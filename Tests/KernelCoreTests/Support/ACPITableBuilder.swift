// SPDX-License-Identifier: GPL-2.0-only
// Assembles ACPI tables, RSDPs and generic addresses with correct (or deliberately wrong) checksums.

enum ACPITableBuilder {
    /// Sets the byte at `offset` so that all bytes in `range` sum to zero.
    static func fixChecksum(_ bytes: inout [UInt8], at offset: Int, over range: Range<Int>) {
        bytes[offset] = 0
        let sum = bytes[range].reduce(UInt8(0)) { $0 &+ $1 }
        bytes[offset] = 0 &- sum
    }

    /// A table with the common header and `body`; `corrupt` breaks the checksum.
    static func table(_ signature: String, revision: UInt8 = 1, body: [UInt8], corrupt: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendASCII(signature)
        bytes.append32(UInt32(36 + body.count))
        bytes.append(revision)
        bytes.append(0)
        bytes.appendASCII("APUS  ")
        bytes.appendASCII("TESTTABL")
        bytes.append32(1)
        bytes.appendASCII("APUS")
        bytes.append32(1)
        bytes.append(contentsOf: body)
        fixChecksum(&bytes, at: 9, over: 0..<bytes.count)
        if corrupt { bytes[9] &+= 1 }
        return bytes
    }

    static func rsdp(revision: UInt8, rsdt: UInt32, xsdt: UInt64 = 0) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendASCII("RSD PTR ")
        bytes.append(0)
        bytes.appendASCII("APUS  ")
        bytes.append(revision)
        bytes.append32(rsdt)
        if revision >= 2 {
            bytes.append32(36)
            bytes.append64(xsdt)
            bytes.append(0)
            bytes.append(contentsOf: [0, 0, 0])
        }
        fixChecksum(&bytes, at: 8, over: 0..<20)
        if revision >= 2 { fixChecksum(&bytes, at: 32, over: 0..<36) }
        return bytes
    }

    static func gas(space: UInt8, width: UInt8, access: UInt8 = 0, address: UInt64) -> [UInt8] {
        var bytes: [UInt8] = [space, width, 0, access]
        bytes.append64(address)
        return bytes
    }

    static func rsdt(_ entries: [UInt32], corrupt: Bool = false) -> [UInt8] {
        var body: [UInt8] = []
        for entry in entries { body.append32(entry) }
        return table("RSDT", body: body, corrupt: corrupt)
    }

    static func xsdt(_ entries: [UInt64], corrupt: Bool = false) -> [UInt8] {
        var body: [UInt8] = []
        for entry in entries { body.append64(entry) }
        return table("XSDT", body: body, corrupt: corrupt)
    }
}
