// SPDX-License-Identifier: GPL-2.0-only
// Power-off (ACPI S5 through ACPICA, or the FADT's PM1 control registers without it) and reboot (ACPI reset register, then the
// 0xCF9 reset control port, the keyboard controller, and finally a triple fault).
import KernelCore
import KernelSupport

enum Power {
    private static let sciEnable: UInt32 = 1 << 0
    private static let sleepEnable: UInt32 = 1 << 13

    /// Enters ACPI S5: through ACPICA when it initialised (it runs \_PTS first), otherwise through the
    /// static tables. Returns only if that did not work, with the reason.
    static func powerOff() -> StaticString {
        if ACPICA.isReady {
            log(.notice, "power: entering ACPI S5 (soft off) through ACPICA")
            SerialConsole.flush()
            let status = ACPICA.enterS5()
            cpu_sti()
            log(.error) { line in
                line.write("power: ACPICA could not enter S5: ")
                unsafe line.write(cString: apus_acpica_status_name(status))
                line.write("; trying the static tables")
            }
        }
        return staticPowerOff()
    }

    /// S5 from the FADT and the \_S5 package the static parser found: the path when ACPICA is not running.
    private static func staticPowerOff() -> StaticString {
        guard let fadt = ACPI.fadt else { return "no FADT: ACPI power-off unavailable" }
        guard let s5 = ACPI.s5 else { return "no \\_S5 sleep type in the DSDT" }
        guard let pm1a = fadt.pm1aControlBlock else { return "the FADT has no PM1a control block" }
        log(.notice, "power: entering ACPI S5 (soft off) through the static tables")
        SerialConsole.flush()
        enableACPIMode(fadt, pm1a: pm1a)
        cpu_cli()
        let current = pm1a.read() ?? 0
        let keep = current & ~(UInt32(0x7) << 10) & ~sleepEnable
        pm1a.write(keep | UInt32(s5.a & 0x7) << 10 | sleepEnable)
        if let pm1b = fadt.pm1bControlBlock {
            pm1b.write(keep | UInt32(s5.b & 0x7) << 10 | sleepEnable)
        }
        Clock.delay(nanoseconds: 1_000_000_000)
        cpu_sti()
        return "the machine did not power off after writing SLP_EN"
    }

    /// Hands the hardware to ACPI (SCI_EN) through the SMI command port if firmware has not already.
    private static func enableACPIMode(_ fadt: FADT, pm1a: GenericAddress) {
        guard let control = pm1a.read(), control & sciEnable == 0 else { return }
        guard fadt.smiCommandPort != 0, fadt.acpiEnableValue != 0, fadt.smiCommandPort <= 0xFFFF else { return }
        cpu_outb(UInt16(fadt.smiCommandPort), fadt.acpiEnableValue)
        let deadline = Clock.nanoseconds + 1_000_000_000
        while Clock.nanoseconds < deadline {
            if let control = pm1a.read(), control & sciEnable != 0 { return }
            cpu_pause()
        }
        log(.warning, "power: firmware did not enter ACPI mode")
    }

    /// Resets the machine; tries each mechanism in turn and never returns.
    static func reboot() -> Never {
        log(.notice, "power: restarting")
        SerialConsole.flush()
        cpu_cli()
        if let fadt = ACPI.fadt, fadt.resetRegisterSupported, let register = fadt.resetRegister {
            register.write(UInt32(fadt.resetValue))
            Clock.delay(nanoseconds: 100_000_000)
        }
        cpu_outb(0xCF9, 0x02)                           // reset control: system reset, then full reset
        cpu_outb(0xCF9, 0x06)
        Clock.delay(nanoseconds: 100_000_000)
        if ACPI.fadt?.has8042 ?? true {                 // only where the FADT does not rule the 8042 out
            for _ in 0..<100_000 where cpu_inb(0x64) & 0x02 != 0 { cpu_pause() }
            cpu_outb(0x64, 0xFE)                        // keyboard controller: pulse the reset line
            Clock.delay(nanoseconds: 100_000_000)
        }
        var empty = descriptor_pointer(limit: 0, base: 0)
        // SAFETY: deliberately invalid: with an empty IDT the next exception triple-faults and resets.
        unsafe cpu_lidt(&empty)
        triggerTripleFault()
    }
}

@inline(never)
private func triggerTripleFault() -> Never {
    // An exception with no IDT escalates to a triple fault, which resets the CPU.
    let address = UInt(truncatingIfNeeded: cpu_read_cr2() & 0) | 0x8
    // SAFETY: deliberately faults; see above.
    unsafe UnsafeMutablePointer<UInt64>(bitPattern: address)!.pointee = 0
    cpu_halt_forever()
}
