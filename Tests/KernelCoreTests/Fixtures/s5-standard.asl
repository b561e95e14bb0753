// SPDX-License-Identifier: GPL-2.0-only
// A DSDT whose \_S5 is the common four-element package of byte constants (SLP_TYP 5/5).
DefinitionBlock ("", "DSDT", 2, "APUS", "S5STD", 0x00000001)
{
    Name (_S3, Package (0x04) { 0x01, 0x01, Zero, Zero })
    Name (_S5, Package (0x04) { 0x05, 0x05, Zero, Zero })
    Method (PTS, 1, NotSerialized)
    {
        Local0 = DerefOf (\_S5[0])
        Return (Local0)
    }
}
