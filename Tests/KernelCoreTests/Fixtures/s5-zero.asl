// SPDX-License-Identifier: GPL-2.0-only
// A DSDT with \_S5 declared by root path inside a scope, as QEMU does: Package () { Zero, Zero }.
DefinitionBlock ("", "DSDT", 1, "APUS", "S5ZERO", 0x00000001)
{
    Scope (\_SB)
    {
        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A03"))
        }
        Name (\_S5, Package () { Zero, Zero })
    }
}
