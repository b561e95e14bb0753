// SPDX-License-Identifier: GPL-2.0-only
// A DSDT with a decoy "NameOp _S5_" inside a buffer, then an \_S5 package long enough for a two-byte PkgLength (SLP_TYP 6/3).
DefinitionBlock ("", "DSDT", 2, "APUS", "S5LARGE", 0x00000001)
{
    Name (BUF0, Buffer (0x0200) { 0x08, 0x5F, 0x53, 0x35, 0x5F, 0x0A })
    Name (_S5, Package (0x0E)
    {
        0x06, 0x03, Zero, Zero,
        0x1111111111111111, 0x2222222222222222, 0x3333333333333333,
        0x4444444444444444, 0x5555555555555555, 0x6666666666666666,
        0x7777777777777777, 0x0123456789ABCDEF, 0x7EDCBA9876543210, 0x0F0F0F0F0F0F0F0F
    })
}
