// SPDX-License-Identifier: GPL-2.0-only
// A PhysicalMemoryReader over byte arrays placed at chosen physical addresses, for host tests.

import KernelCore

struct BlobPhysicalMemory: PhysicalMemoryReader {
    private(set) var blobs: [(address: UInt64, bytes: [UInt8])] = []

    mutating func place(_ bytes: [UInt8], at address: UInt64) {
        blobs.append((address, bytes))
    }

    func read(physicalAddress address: UInt64, count: Int) -> ByteReader? {
        for blob in blobs where address >= blob.address {
            let offset = address - blob.address
            guard offset <= UInt64(blob.bytes.count), count >= 0, UInt64(count) <= UInt64(blob.bytes.count) - offset else { continue }
            return ByteReader(Array(blob.bytes[Int(offset)..<(Int(offset) + count)]))
        }
        return nil
    }
}
