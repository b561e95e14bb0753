// SPDX-License-Identifier: GPL-2.0-only
// A DSDT without \_S5 (only \_S3): the lookup must report it as not found.
DefinitionBlock ("", "DSDT", 2, "APUS", "S5NONE", 0x00000001)
{
    Name (_S3, Package (0x04) { 0x01, 0x01, Zero, Zero })
}
