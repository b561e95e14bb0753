// SPDX-License-Identifier: GPL-2.0-only
// The `acpi` suite: ACPICA's namespace, _PRT, \_S5 against the static parser, and table checksums.
import KernelCore

enum ACPITests {
    static var suite: KernelTestSuite {
        KernelTestSuite(name: "acpi", cases: [
            KernelTestCase(name: "acpica_initialised", run: initialised),
            KernelTestCase(name: "namespace_walk_finds_pci0", run: walkFindsPCI0),
            KernelTestCase(name: "pci0_prt_has_entries", run: routingTable),
            KernelTestCase(name: "s5_matches_the_static_parser", run: s5Matches),
            KernelTestCase(name: "table_checksums", run: checksums),
            KernelTestCase(name: "bad_path_is_an_error", run: badPath),
            KernelTestCase(name: "eisa_id_text", run: eisaID),
        ])
    }

    private static let pci0: [UInt8] = Array("\\_SB_.PCI0".utf8)

    private static func initialised(_ t: inout TestContext) {
        t.expect(ACPICA.isReady, "ACPICA did not initialise")
        t.expect(ACPICA.rootPointer != 0, "no root pointer for ACPICA")
    }

    private static func walkFindsPCI0(_ t: inout TestContext) {
        guard ACPICA.isReady else { return t.skip("ACPICA is not running") }
        let devices = ACPICA.devicePaths
        t.note { out in
            out.write(contentsOf: "devices: ".utf8)
            out.writeDecimal(devices.count)
        }
        t.expect(devices.contains { $0.elementsEqual(pci0) }, "the namespace walk did not list \\_SB_.PCI0")
        t.expect(ACPICA.exists(Array("\\_SB.PCI0".utf8)), "\\_SB.PCI0 not found by path")
    }

    private static func routingTable(_ t: inout TestContext) {
        guard ACPICA.isReady else { return t.skip("ACPICA is not running") }
        do {
            let routes = try ACPICA.pciRoutingTable(Array("\\_SB.PCI0".utf8))
            t.note { out in
                out.write(contentsOf: "_PRT entries: ".utf8)
                out.writeDecimal(routes.count)
            }
            t.expect(!routes.isEmpty, "\\_SB.PCI0._PRT has no entries")
            for route in routes.prefix(4) {
                t.note { out in
                    out.write(contentsOf: "device ".utf8)
                    out.writeDecimal(route.device)
                    out.write(contentsOf: " INT".utf8)
                    out.write(0x41 + route.pin)
                    switch route.target {
                    case .gsi(let gsi):
                        out.write(contentsOf: " -> GSI ".utf8)
                        out.writeDecimal(gsi)
                    case .link(let path, let index):
                        out.write(contentsOf: " -> ".utf8)
                        out.write(contentsOf: path)
                        out.write(contentsOf: "[".utf8)
                        out.writeDecimal(index)
                        out.write(contentsOf: "]".utf8)
                    }
                }
            }
            t.expect(routes.allSatisfy { $0.pin <= 3 && $0.device < 32 }, "a _PRT entry has a bad pin or device")
        } catch {
            t.expect(false, "evaluating \\_SB.PCI0._PRT failed")
        }
    }

    private static func s5Matches(_ t: inout TestContext) {
        guard ACPICA.isReady else { return t.skip("ACPICA is not running") }
        guard let fromACPICA = ACPICA.s5SleepType else { t.expect(false, "ACPICA has no \\_S5"); return }
        guard let fromParser = ACPI.s5 else { t.expect(false, "the static parser found no \\_S5"); return }
        t.expect(fromACPICA.a == fromParser.a && fromACPICA.b == fromParser.b) { out in
            out.write(contentsOf: "ACPICA's \\_S5 ".utf8)
            out.writeDecimal(fromACPICA.a)
            out.write(contentsOf: "/".utf8)
            out.writeDecimal(fromACPICA.b)
            out.write(contentsOf: " differs from the parser's ".utf8)
            out.writeDecimal(fromParser.a)
            out.write(contentsOf: "/".utf8)
            out.writeDecimal(fromParser.b)
        }
    }

    private static func checksums(_ t: inout TestContext) {
        guard ACPICA.isReady else { return t.skip("ACPICA is not running") }
        let tables = ACPICA.tables
        t.expect(tables.contains { $0.signature.elementsEqual("FACP".utf8) }, "no FACP in ACPICA's table list")
        t.expect(tables.contains { $0.signature.elementsEqual("DSDT".utf8) }, "no DSDT in ACPICA's table list")
        for table in tables where table.hasChecksum {
            t.expect(table.checksumOK) { out in
                out.write(contentsOf: "bad checksum: ".utf8)
                out.write(contentsOf: table.signature)
            }
        }
        guard var corrupted = tables.first(where: { $0.hasChecksum })?.bytes, corrupted.count > 10 else { return }
        corrupted[corrupted.count - 1] &+= 1
        t.expect(!ACPICA.checksumOK(corrupted), "a corrupted table passed the checksum")
    }

    private static func badPath(_ t: inout TestContext) {
        guard ACPICA.isReady else { return t.skip("ACPICA is not running") }
        do {
            _ = try ACPICA.evaluate(Array("\\_SB.NOPE._HID".utf8))
            t.expect(false, "evaluating a missing path succeeded")
        } catch {
            switch error {
            case .status(let status): t.expect(status == 0x0005, "a missing path did not give AE_NOT_FOUND")
            }
        }
    }

    private static func eisaID(_ t: inout TestContext) {
        t.expect(ACPICommands.eisaIDText(0x030A_D041).map { $0.elementsEqual("PNP0A03".utf8) } == true,
                 "EisaId 0x030ad041 is not PNP0A03")
        t.expect(ACPICommands.eisaIDText(0x080A_D041).map { $0.elementsEqual("PNP0A08".utf8) } == true,
                 "EisaId 0x080ad041 is not PNP0A08")
    }
}
