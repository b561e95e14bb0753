/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A laptop's ACPI devices for the QEMU system tests (LaptopTests.swift): a lid (PNP0C0D) and a control-method
 * battery (PNP0C0A) with known _BIX/_BIF/_BST values, plus methods that change their state and Notify() the
 * device, as a laptop's GPE or embedded-controller query methods do when the lid moves or the charger is
 * unplugged. The test compiles this with iasl and hands it to QEMU with -acpitable.
 */
DefinitionBlock ("", "SSDT", 2, "APUS", "LAPTOP", 0x00000001)
{
    Scope (\_SB)
    {
        Device (LID0)
        {
            Name (_HID, EisaId ("PNP0C0D"))
            Name (LIDS, One)                    /* 1 = open */
            Method (_LID, 0, NotSerialized)
            {
                Return (LIDS)
            }
            /* Flips the lid and notifies a status change (0x80); returns the new state. */
            Method (FLIP, 0, Serialized)
            {
                LIDS ^= One
                Notify (LID0, 0x80)
                Return (LIDS)
            }
        }

        Device (BAT0)
        {
            Name (_HID, EisaId ("PNP0C0A"))
            Name (_UID, One)
            Name (STAT, One)                    /* _BST state: 1 = discharging, 2 = charging */
            Name (RATE, 9000)                   /* mW */
            Name (REMN, 36000)                  /* mWh */
            Method (_STA, 0, NotSerialized)
            {
                Return (0x1F)                   /* present, enabled, shown, functioning, battery present */
            }
            Method (_BIF, 0, NotSerialized)
            {
                Return (Package (13)
                {
                    Zero, 50000, 48000, One, 11400, 5000, 1000, 100, 100,
                    "APUS-BAT-1", "0042", "LION", "Apus Test"
                })
            }
            /* A named package: iasl 20200925 wrongly rejects a literal revision-1 _BIX package (ACPICA's own
             * run-time check, nsprepkg.c, accepts it). */
            Name (BIXP, Package (21)
            {
                One,                            /* revision */
                Zero,                           /* power unit: mWh */
                50000,                          /* design capacity */
                48000,                          /* last full charge capacity */
                One,                            /* rechargeable */
                11400,                          /* design voltage, mV */
                5000, 1000,                     /* warning, low */
                7,                              /* cycle count */
                95000,                          /* measurement accuracy */
                0xFFFFFFFF, 0xFFFFFFFF,         /* sampling times */
                0xFFFFFFFF, 0xFFFFFFFF,         /* averaging intervals */
                100, 100,                       /* granularities */
                "APUS-BAT-1", "0042", "LION", "Apus Test",
                One                             /* swapping: cold-swappable */
            })
            Method (_BIX, 0, NotSerialized)
            {
                Return (BIXP)
            }
            Method (_BST, 0, NotSerialized)
            {
                Return (Package (4) { STAT, RATE, REMN, 11700 })
            }
            /* Plugs the charger in (charging at 15000 mW, 40000 mWh) and notifies a status change. */
            Method (PLUG, 0, Serialized)
            {
                STAT = 2
                RATE = 15000
                REMN = 40000
                Notify (BAT0, 0x80)
                Return (STAT)
            }
        }
    }
}
