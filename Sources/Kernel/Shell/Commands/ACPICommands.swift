// SPDX-License-Identifier: GPL-2.0-only
// `acpi tables` (one line per table of ACPICA's list), `acpi eval PATH` (evaluate a namespace object) and
// `acpi battery` (each battery's _BIX/_BIF and _BST).
import KernelCore
import KernelSupport

enum ACPICommands {
    static var all: [ShellCommand] {
        [ShellCommand(name: "acpi", usage: "tables | eval PATH | battery", summary: "ACPI tables, namespace, batteries",
                      run: run)]
    }

    private static func run(_ arguments: ShellArguments) {
        if arguments.count == 1 && arguments.word(0, is: "tables") {
            tables()
        } else if arguments.count == 2 && arguments.word(0, is: "eval") {
            evaluate(arguments[1])
        } else if arguments.count == 1 && arguments.word(0, is: "battery") {
            battery()
        } else {
            Shell.usageError("acpi", "tables | eval PATH | battery")
        }
    }

    private static func notRunning() -> Bool {
        if ACPICA.isReady { return false }
        consolePrint { $0.write("error: ACPICA is not running (see dmesg)\n") }
        return true
    }

    /// `FACP BOCHS  BXPC     0x00000000bffe1a7c length 116 checksum ok`
    private static func tables() {
        if notRunning() { return }
        for table in ACPICA.tables {
            consolePrint { out in
                out.write(contentsOf: printable(table.signature))
                out.write(" ")
                out.write(contentsOf: printable(table.oemID))
                out.write(" ")
                out.write(contentsOf: printable(table.oemTableID))
                out.write(" ")
                out.writeHex(table.address)
                out.write(" length ")
                out.writeDecimal(table.bytes.count)
                out.write(table.hasChecksum ? (table.checksumOK ? " checksum ok\n" : " checksum BAD\n") : " checksum none\n")
            }
        }
    }

    private static func evaluate(_ path: [UInt8]) {
        if notRunning() { return }
        do {
            let value = try ACPICA.evaluate(path)
            let isID = path.count >= 4 && (path.suffix(4).elementsEqual("_HID".utf8) || path.suffix(4).elementsEqual("_CID".utf8))
            consolePrint { out in print(value, indent: 0, eisaID: isID, to: &out) }
        } catch {
            consolePrint { out in
                out.write("error: ")
                out.write(contentsOf: path)
                out.write(": ")
                switch error {
                case .status(let status): unsafe out.write(cString: apus_acpica_status_name(status))
                }
                out.write("\n")
            }
        }
    }

    /// Per battery, lines starting with its path: identity and capacities (_BIX or _BIF), then the status (_BST).
    private static func battery() {
        if notRunning() { return }
        let batteries = ACPIEvents.batteries
        if batteries.isEmpty { return consolePrint { $0.write("no batteries\n") } }
        for battery in batteries {
            guard ACPIEvents.batteryPresent(battery.path) else {
                consolePrint { out in
                    out.write(contentsOf: battery.path)
                    out.write(" not present\n")
                }
                continue
            }
            var information: ACPIEvents.BatteryInformationResult
            do { information = .success(try ACPIEvents.information(battery.path)) } catch { information = .failure(error) }
            var status: ACPIEvents.BatteryStatusResult
            do { status = .success(try ACPIEvents.status(battery.path)) } catch { status = .failure(error) }
            consolePrint { out in
                out.write(contentsOf: battery.path)
                switch information {
                case .success(let information):
                    out.write(" ")
                    BatteryReport.writeIdentity(information, to: &out)
                    out.write("\n")
                    out.write(contentsOf: battery.path)
                    out.write(" ")
                    BatteryReport.writeCapacity(information, to: &out)
                case .failure(let error):
                    out.write(" error: ")
                    ACPIEvents.write(error, to: &out)
                }
                out.write("\n")
                out.write(contentsOf: battery.path)
                switch status {
                case .success(let status):
                    out.write(" ")
                    if case .success(let information) = information {
                        BatteryReport.writeStatus(status, information: information, to: &out)
                    } else {
                        BatteryReport.writeStatus(status, information: nil, to: &out)
                    }
                case .failure(let error):
                    out.write(" error: ")
                    ACPIEvents.write(error, to: &out)
                }
                out.write("\n")
            }
        }
    }

    /// Integers in hex, strings quoted, buffers as hex bytes, packages one element a line, indented.
    private static func print(_ value: ACPICA.Value, indent: Int, eisaID: Bool, to out: inout ConsoleSink) {
        for _ in 0..<indent { out.write("  ") }
        switch value {
        case .integer(let number):
            out.writeHex(number, digits: 1)
            if eisaID, number <= 0xFFFF_FFFF, let id = eisaIDText(UInt32(number)) {
                out.write(" (EISA id ")
                out.write(contentsOf: id)
                out.write(")")
            }
            out.write("\n")
        case .string(let bytes):
            out.write("\"")
            out.write(contentsOf: printable(bytes))
            out.write("\"\n")
        case .buffer(let bytes):
            out.write("buffer ")
            out.writeDecimal(bytes.count)
            out.write(":")
            for byte in bytes {
                out.write(" ")
                out.writeHex(byte, digits: 2, prefix: false)
            }
            out.write("\n")
        case .package(let elements):
            out.write("package ")
            out.writeDecimal(elements.count)
            out.write(elements.isEmpty ? "\n" : ":\n")
            for element in elements { print(element, indent: indent + 1, eisaID: false, to: &out) }
        case .reference(let path):
            out.write("reference ")
            out.write(contentsOf: path)
            out.write("\n")
        case .other(let type):
            out.write("object of type ")
            out.writeHex(type, digits: 2)
            out.write("\n")
        }
    }

    /// A compressed EISA id (`EisaId("PNP0A03")` = 0x030ad041) as its 7 characters.
    static func eisaIDText(_ value: UInt32) -> [UInt8]? {
        let swapped = value.byteSwapped
        let letters = [(swapped >> 26) & 0x1F, (swapped >> 21) & 0x1F, (swapped >> 16) & 0x1F]
        guard letters.allSatisfy({ $0 >= 1 && $0 <= 26 }) else { return nil }
        var text = letters.map { UInt8(0x40 + $0) }
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((swapped >> UInt32(shift)) & 0xF)
            text.append(digit < 10 ? 0x30 + digit : 0x41 + digit - 10)
        }
        return text
    }

    private static func printable(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x20 && $0 < 0x7F ? $0 : 0x2E }
    }
}
