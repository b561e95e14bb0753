// SPDX-License-Identifier: GPL-2.0-only
// Reading and writing a register described by an ACPI Generic Address Structure (I/O port or memory).
import KernelCore
import KernelSupport

extension GenericAddress {
    /// Writes `value` to the register; returns false for address spaces the kernel cannot reach.
    @discardableResult
    func write(_ value: UInt32) -> Bool {
        switch addressSpace {
        case .systemIO:
            guard address <= 0xFFFF else { return false }
            let port = UInt16(address)
            switch accessWidth {
            case 1: cpu_outb(port, UInt8(truncatingIfNeeded: value))
            case 2: cpu_outw(port, UInt16(truncatingIfNeeded: value))
            default: cpu_outl(port, value)
            }
            return true
        case .systemMemory:
            let virtual = KernelMemory.mapMMIO(physical: address, length: 4)
            // SAFETY: the register was just mapped uncached; firmware describes it as writable.
            unsafe mmio_write32(virtual, value)
            return true
        default:
            return false
        }
    }

    /// Reads the register; nil for address spaces the kernel cannot reach.
    func read() -> UInt32? {
        switch addressSpace {
        case .systemIO:
            guard address <= 0xFFFF else { return nil }
            let port = UInt16(address)
            switch accessWidth {
            case 1: return UInt32(cpu_inb(port))
            case 2: return UInt32(cpu_inw(port))
            default: return cpu_inl(port)
            }
        case .systemMemory:
            let virtual = KernelMemory.mapMMIO(physical: address, length: 4)
            // SAFETY: the register was just mapped uncached.
            return unsafe mmio_read32(virtual)
        default:
            return nil
        }
    }

    /// Bytes per access: the access size field when set (1–4 = byte…qword), else the bit width.
    private var accessWidth: Int {
        if accessSize >= 1 && accessSize <= 4 { return 1 << (Int(accessSize) - 1) }
        return max(1, Int(bitWidth) / 8)
    }
}
