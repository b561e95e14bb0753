// SPDX-License-Identifier: GPL-2.0-only
// The PS/2 keyboard seen from outside: keys pressed through QEMU's `sendkey` reach the shell (shifted
// characters, Backspace, Up for the previous line, Ctrl-C), and a machine without an i8042 boots with a
// clear log line instead of hanging.

import XCTest

final class KeyboardSystemTests: SystemTestCase {
    func testTypingOnPC() throws { try checkTyping(.bios) }
    func testTypingOnQ35() throws { try checkTyping(.uefi) }

    /// pc's FADT (ACPI 1.0) has no boot architecture flags: the kernel probes, and finds no controller.
    func testNoControllerOnPC() throws {
        let (machine, bootLog) = try boot(.bios, extraArguments: ["-machine", "i8042=off"])
        XCTAssertTrue(bootLog.contains("i8042: no controller (status port reads FF); no PS/2 keyboard"),
                      "no line about the missing controller:\n\(bootLog)")
        XCTAssertTrue(try machine.run("help").contains("list the commands"))
    }

    /// q35's FADT says whether there is an 8042; without one the kernel does not touch the ports.
    func testFADTWithoutControllerOnQ35() throws {
        let (machine, bootLog) = try boot(.uefi, extraArguments: ["-machine", "i8042=off"])
        XCTAssertTrue(bootLog.contains("i8042: the FADT says there is no 8042 controller"),
                      "the FADT's flag was not honoured:\n\(bootLog)")
        XCTAssertTrue(try machine.run("help").contains("list the commands"))
    }

    private func checkTyping(_ firmware: QEMUMachine.Firmware) throws {
        let (machine, bootLog) = try boot(firmware)
        XCTAssertTrue(bootLog.contains("i8042: PS/2 keyboard on IRQ 1, US layout"), "no keyboard found:\n\(bootLog)")

        // A typo corrected with Backspace, shifted characters in the arguments.
        try machine.type("acpi evak\u{8}l \\_S5_\n")
        var output = try machine.waitForPrompt()
        // The echo rubs the wrong character out with backspace, space, backspace.
        XCTAssertTrue(output.hasPrefix("acpi evak\u{8} \u{8}l \\_S5_\n"), "the line was not typed as intended: \(output.debugDescription)")
        XCTAssertTrue(output.contains("package "), "acpi eval did not print \\_S5_: \(output)")
        XCTAssertFalse(output.contains("error: unknown command"), output)
        XCTAssertFalse(output.contains("usage"), output)

        // Up recalls the previous line; Enter runs it again.
        try machine.type("uptime\n")
        output = try machine.waitForPrompt()
        XCTAssertTrue(output.contains("up "), "uptime did not run: \(output)")
        try machine.pressKey("up")
        try machine.type("\n")
        output = try machine.waitForPrompt()
        XCTAssertTrue(output.hasPrefix("uptime\n"), "Up did not recall the previous line: \(output)")

        // Ctrl-C abandons a line; capital letters come through Shift.
        try machine.type("Help")
        try machine.pressKey("ctrl-c")
        output = try machine.waitForPrompt()
        XCTAssertEqual(output, "Help^C\n")
    }
}
