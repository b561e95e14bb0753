// SPDX-License-Identifier: GPL-2.0-only
// An SSDT whose one-element \_S5 is a word constant: SLP_TYPa in the low byte (5), SLP_TYPb in the next (7).
DefinitionBlock ("", "SSDT", 2, "APUS", "S5WORD", 0x00000001)
{
    Method (_S5X, 0, NotSerialized)
    {
        Return (\_S5)
    }
    Name (\_S5, Package (0x01) { 0x0705 })
}
