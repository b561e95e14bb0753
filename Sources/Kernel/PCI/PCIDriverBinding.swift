// SPDX-License-Identifier: GPL-2.0-only
// Which driver owns which PCI function: set when a driver's probe accepts a function (the future LinuxKPI
// pci_register_driver), cleared when it lets go; read by `hwinfo`.
import KernelCore

extension PCI {
    private struct Bindings {
        var entries: [(address: PCIAddress, driver: [UInt8])] = []
    }
    nonisolated(unsafe) private static var bindings = Bindings()
    private static let bindingLock = SpinLock()

    /// The one access path to `bindings`.
    private static func withBindings<Result>(_ body: (inout Bindings) -> Result) -> Result {
        // SAFETY: `bindingLock` serialises every access to `bindings`, on every CPU.
        bindingLock.withLock { unsafe body(&bindings) }
    }

    /// The name of the driver bound to the function at `address`, or nil.
    static func boundDriver(of address: PCIAddress) -> [UInt8]? {
        withBindings { bindings in bindings.entries.first { $0.address == address }?.driver }
    }

    /// Records that `driver` now owns the function at `address`; false (nothing changes) if another driver
    /// already does.
    static func bind(driver: [UInt8], to address: PCIAddress) -> Bool {
        withBindings { bindings in
            if bindings.entries.contains(where: { $0.address == address }) { return false }
            bindings.entries.append((address, driver))
            return true
        }
    }

    /// Forgets the driver of the function at `address` (its remove callback ran).
    static func unbind(_ address: PCIAddress) {
        withBindings { bindings in bindings.entries.removeAll { $0.address == address } }
    }
}
