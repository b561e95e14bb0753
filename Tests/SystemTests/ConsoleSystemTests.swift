// SPDX-License-Identifier: GPL-2.0-only
// The framebuffer console seen from outside: QEMU screendumps read back with the same PSF font the kernel
// got (the screen must show the boot log, the prompt, typed commands and their output, the cursor after the
// prompt, and panics), on pc/SeaBIOS (VBE) and q35/OVMF (GOP), at 32, 24 and 16 bits per pixel, scaled 2x on
// a wide screen, with a PSF1 and a PSF2 font; and the serial-only fallbacks (no framebuffer, a bad font).

import Foundation
import XCTest

final class ConsoleSystemTests: SystemTestCase {
    /// The font scripts/build unpacked and put on the image.
    private var builtFont: URL { SystemImages.buildDirectory.appendingPathComponent("console-font.psf") }
    private static let psf2Font = "/usr/share/consolefonts/Uni2-Terminus20x10.psf.gz"

    func testScreenShowsTheShellOnPC() throws { try checkScreen(.bios) }
    func testScreenShowsTheShellOnQ35() throws { try checkScreen(.uefi) }

    func testSixteenBitsPerPixelOnPC() throws {
        try checkScreen(.bios, mkisoArguments: ["--gfxmode", "1024x768x16"], expectedMode: "1024x768 16 bpp")
    }

    func testWideScreenScalesTwiceOnPC() throws {
        let bootLog = try checkScreen(.bios, mkisoArguments: ["--gfxmode", "2560x1600x32"],
                                      extraArguments: ["-vga", "none", "-device", "VGA,vgamem_mb=32"],
                                      expectedMode: "2560x1600 32 bpp")
        XCTAssertTrue(bootLog.contains("characters of 8x16, scaled 2x"), "a 2560-pixel-wide screen is not scaled")
    }

    func testPSF2FontOnQ35() throws {
        let font = try unpacked(Self.psf2Font)
        let bootLog = try checkScreen(.uefi, mkisoArguments: ["--font", Self.psf2Font], font: font)
        XCTAssertTrue(bootLog.contains("fbcon: font PSF2, 512 glyphs of 10x20"), "the PSF2 font was not used")
    }

    /// Without a display device there is no framebuffer: the console stays on serial, the shell works.
    func testNoDisplayDeviceFallsBackToSerial() throws {
        let (machine, bootLog) = try boot(.bios, extraArguments: ["-vga", "none"])
        XCTAssertTrue(bootLog.contains("fbcon: no framebuffer from the boot loader; console on serial only")
                      || bootLog.contains("fbcon: framebuffer unusable"), "no fallback line in the boot log")
        XCTAssertFalse(bootLog.contains("fbcon: font"), "a console font was loaded without a screen to use it on")
        XCTAssertTrue(try machine.run("help").contains("list the commands"))
    }

    /// A file that is no PSF font is rejected with a clear line; the console stays on serial.
    func testBadFontFallsBackToSerial() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("apus-bad-font-\(UUID().uuidString).psf")
        try Data("this is not a font, it is a test of the font check\n".utf8).write(to: bad)
        addTeardownBlock { try? FileManager.default.removeItem(at: bad) }
        let (machine, bootLog) = try boot(.bios, mkisoArguments: ["--font", bad.path])
        XCTAssertTrue(bootLog.contains("fbcon: bad console font (not a PSF1 or PSF2 font (bad magic)); console on serial only"),
                      "the bad font was not reported")
        XCTAssertTrue(try machine.run("uptime").contains("up"), "the shell does not answer after the bad font")
        XCTAssertFalse(bootLog.contains(" characters of "), "the console started with a rejected font")
    }

    /// A panic's report reaches the screen, registers and backtrace included.
    func testPanicIsShownOnScreen() throws {
        let (machine, bootLog) = try boot(.bios)
        let reader = try reader(for: machine, bootLog: bootLog, font: builtFont)
        machine.expectsPanic = true
        try machine.send("crash\r")
        try machine.waitFor(QEMUMachine.panicEndMarker)
        let text = try waitForScreen(machine, reader, timeout: 10) { $0.rows.contains { $0.hasPrefix("---[ end Kernel panic ]---") } }
        XCTAssertTrue(text.rows.contains { $0.hasPrefix("KERNEL PANIC: page fault") }, "no panic line on screen:\n\(text.description)")
        XCTAssertTrue(text.rows.contains { $0.hasPrefix("RIP: ") }, "no registers on screen:\n\(text.description)")
    }

    // MARK: - Helpers

    /// Boots, types `help` on the keyboard, and checks the serial answer and what the screen shows; returns
    /// the boot log.
    @discardableResult
    private func checkScreen(_ firmware: QEMUMachine.Firmware, mkisoArguments: [String] = [],
                             extraArguments: [String] = [], expectedMode: String? = nil,
                             font: URL? = nil) throws -> String {
        let (machine, bootLog) = try boot(firmware, mkisoArguments: mkisoArguments, extraArguments: extraArguments)
        if let expectedMode {
            XCTAssertTrue(bootLog.contains("fbcon: \(expectedMode) at "), "not the mode asked for:\n\(bootLog)")
        }
        let reader = try reader(for: machine, bootLog: bootLog, font: font ?? builtFont)
        try machine.type("help\n")
        let output = try machine.waitForPrompt()
        XCTAssertTrue(output.hasPrefix("help\n"), "the typed command was not echoed: \(output)")
        XCTAssertTrue(output.contains("list the commands"), "help did not run: \(output)")

        let text = try waitForScreen(machine, reader) { text in
            text.rows.contains { $0.hasPrefix("apus> help ") } && text.rows.contains { $0.hasPrefix("  dmesg ") }
                && text.cursor != nil
        }
        let last = try XCTUnwrap(text.rows.lastIndex { $0.hasPrefix("apus> ") }, "no prompt on screen:\n\(text.description)")
        XCTAssertEqual(text.rows[last], "apus> " + String(repeating: " ", count: reader.layout.columns - 6),
                       "the last prompt row is not just the prompt:\n\(text.description)")
        XCTAssertTrue(text.rows.contains { $0.hasPrefix("  help") && $0.contains("list the commands") })
        XCTAssertTrue(text.rows.contains { $0.contains("boot: ready in ") }, "the boot log is not on screen:\n\(text.description)")
        XCTAssertFalse(text.rows.joined().contains("\u{FFFD}"), "cells that are no character:\n\(text.description)")
        XCTAssertEqual(text.cursor?.row, last, "the cursor is not on the prompt's row")
        XCTAssertEqual(text.cursor?.column, 6, "the cursor is not after the prompt")
        return bootLog
    }

    /// A reader for the screen size the kernel logged, checked against the screendump's size.
    private func reader(for machine: QEMUMachine, bootLog: String, font: URL) throws -> ScreenReader {
        let match = try XCTUnwrap(bootLog.firstMatch(of: /fbcon: (\d+)x(\d+) (\d+) bpp/), "no fbcon line in the boot log:\n\(bootLog)")
        let width = Int(match.1)!, height = Int(match.2)!
        let screen = try machine.screendump()
        XCTAssertEqual(screen.width, width, "the display is not the framebuffer's width")
        XCTAssertEqual(screen.height, height, "the display is not the framebuffer's height")
        return try ScreenReader(fontFile: font, width: width, height: height)
    }

    /// Takes screendumps until `condition` holds (the console draws up to ~20 ms after the serial output).
    private func waitForScreen(_ machine: QEMUMachine, _ reader: ScreenReader, timeout: TimeInterval = 10,
                               until condition: (ScreenText) -> Bool) throws -> ScreenText {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var text = reader.read(try machine.screendump())
        while !condition(text) {
            guard Date() < deadline else {
                XCTFail("the screen did not show what was expected in \(Int(timeout)) s; it shows:\n\(text.description)")
                return text
            }
            Thread.sleep(forTimeInterval: 0.2)
            text = reader.read(try machine.screendump())
        }
        return text
    }

    private func unpacked(_ gzipped: String) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("apus-font-\(UUID().uuidString).psf")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-dc", gzipped]
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw QEMUError(description: "cannot create \(file.path)")
        }
        gzip.standardOutput = try FileHandle(forWritingTo: file)
        try gzip.run()
        gzip.waitUntilExit()
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        guard gzip.terminationStatus == 0 else { throw QEMUError(description: "cannot unpack \(gzipped)") }
        return file
    }
}
