// SPDX-License-Identifier: GPL-2.0-only
// The Fixed ACPI Description Table fields used for power management, reset and legacy hardware.

/// The fields of the Fixed ACPI Description Table (`FACP`) the kernel uses.
///
/// As in ACPICA, a field beyond the table's length (older, shorter FADTs) reads as zero. The
/// 64-bit `X_` fields are preferred when present and non-zero; otherwise the 32-bit I/O port
/// field is turned into a Generic Address of the block's length. A block that is absent in
/// both forms is `nil`.
public struct FADT {
    /// The table's revision (1 = ACPI 1.0; 3 and later = ACPI 2.0+).
    public let revision: UInt8
    /// Physical address of the DSDT (`X_DSDT` if non-zero, else `DSDT`).
    public let dsdtAddress: UInt64
    /// The SCI interrupt (an ISA IRQ on PC hardware; route it through the MADT).
    public let sciInterrupt: UInt16
    /// I/O port of the SMI command register; 0 if ACPI mode needs no switch.
    public let smiCommandPort: UInt32
    /// Value written to `smiCommandPort` to enter ACPI mode.
    public let acpiEnableValue: UInt8
    /// Value written to `smiCommandPort` to leave ACPI mode.
    public let acpiDisableValue: UInt8
    /// PM1a event block (status then enable registers, each `pm1EventLength / 2` bytes).
    public let pm1aEventBlock: GenericAddress?
    /// PM1b event block, if the platform has one.
    public let pm1bEventBlock: GenericAddress?
    /// PM1a control block (SLP_TYP, SLP_EN…).
    public let pm1aControlBlock: GenericAddress?
    /// PM1b control block, if the platform has one.
    public let pm1bControlBlock: GenericAddress?
    /// The ACPI power management timer.
    public let pmTimerBlock: GenericAddress?
    /// Bytes in a PM1 event block.
    public let pm1EventLength: UInt8
    /// Bytes in a PM1 control block.
    public let pm1ControlLength: UInt8
    /// Bytes of the PM timer block (4 when present).
    public let pmTimerLength: UInt8
    /// RTC CMOS index of the century byte; 0 if none.
    public let centuryIndex: UInt8
    /// IA-PC boot architecture flags (meaningful from revision 2).
    public let bootArchitectureFlags: UInt16
    /// Fixed feature flags.
    public let flags: UInt32
    /// The reset register; use only if `resetRegisterSupported`.
    public let resetRegister: GenericAddress?
    /// Value to write to `resetRegister`.
    public let resetValue: UInt8

    /// Parses a validated `FACP` table.
    public init(table: ACPITable) throws(ACPIError) {
        guard table.signature == .fadt else { throw .badSignature }
        let bytes = table.bytes
        guard bytes.count >= 44 else { throw .truncated }
        func u8(_ offset: Int) -> UInt8 { bytes.u8(at: offset) ?? 0 }
        func u16(_ offset: Int) -> UInt16 { bytes.u16(at: offset) ?? 0 }
        func u32(_ offset: Int) -> UInt32 { bytes.u32(at: offset) ?? 0 }
        func block(extended offset: Int, legacy: Int, length: UInt8) -> GenericAddress? {
            if let wide = GenericAddress(bytes, at: offset), wide.address != 0 { return wide }
            let port = u32(legacy)
            guard port != 0 else { return nil }
            return GenericAddress(addressSpace: .systemIO, bitWidth: length &* 8, bitOffset: 0, accessSize: 0, address: UInt64(port))
        }

        revision = table.revision
        let extendedDSDT = bytes.u64(at: 140) ?? 0
        dsdtAddress = extendedDSDT != 0 ? extendedDSDT : UInt64(u32(40))
        sciInterrupt = u16(46)
        smiCommandPort = u32(48)
        acpiEnableValue = u8(52)
        acpiDisableValue = u8(53)
        pm1EventLength = u8(88)
        pm1ControlLength = u8(89)
        pmTimerLength = u8(91)
        pm1aEventBlock = block(extended: 148, legacy: 56, length: pm1EventLength)
        pm1bEventBlock = block(extended: 160, legacy: 60, length: pm1EventLength)
        pm1aControlBlock = block(extended: 172, legacy: 64, length: pm1ControlLength)
        pm1bControlBlock = block(extended: 184, legacy: 68, length: pm1ControlLength)
        pmTimerBlock = block(extended: 208, legacy: 76, length: pmTimerLength)
        centuryIndex = u8(108)
        bootArchitectureFlags = u16(109)
        flags = u32(112)
        if let reset = GenericAddress(bytes, at: 116), reset.address != 0 {
            resetRegister = reset
        } else {
            resetRegister = nil
        }
        resetValue = u8(128)
    }

    /// Whether the platform is hardware-reduced ACPI (no PM1 blocks, no SCI_EN; flag bit 20).
    public var isHardwareReduced: Bool { flags & (1 << 20) != 0 }
    /// Whether `resetRegister` may be used to reset the machine (flag bit 10, ACPI 2.0+).
    public var resetRegisterSupported: Bool { revision >= 2 && flags & (1 << 10) != 0 && resetRegister != nil }
    /// Whether the PM timer counts 32 bits rather than 24 (flag bit 8).
    public var pmTimerIs32Bit: Bool { flags & (1 << 8) != 0 }
    /// Whether the machine has legacy (ISA/LPC) devices; unknown before revision 2, so true.
    public var hasLegacyDevices: Bool { revision < 2 || bootArchitectureFlags & (1 << 0) != 0 }
    /// Whether an 8042 keyboard controller is present; unknown before revision 2, so true
    /// (Linux makes the same assumption).
    public var has8042: Bool { revision < 2 || bootArchitectureFlags & (1 << 1) != 0 }
    /// Whether the firmware says VGA must not be probed.
    public var vgaNotPresent: Bool { revision >= 2 && bootArchitectureFlags & (1 << 2) != 0 }
    /// Whether the CMOS RTC is absent.
    public var cmosRTCNotPresent: Bool { revision >= 2 && bootArchitectureFlags & (1 << 5) != 0 }
}
