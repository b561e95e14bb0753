// SPDX-License-Identifier: GPL-2.0-only
// Tests of the kernel command line splitter and its typed lookups.

import KernelCore
import XCTest

final class CommandLineTests: XCTestCase {
    private func line(_ text: String) -> KernelCommandLine {
        KernelCommandLine(Array(text.utf8))
    }

    func testKeysValuesFlagsAndLists() throws {
        let commandLine = line("loglevel=7  ktest=mm,boot\tquiet console=ttyS0,115200 root=")
        XCTAssertNil(commandLine.kernelPath)
        XCTAssertEqual(commandLine.parameters.count, 5)
        XCTAssertEqual(try commandLine.unsignedInteger("loglevel"), 7)
        XCTAssertTrue(commandLine.contains("quiet"))
        XCTAssertNil(commandLine.value("quiet"))
        XCTAssertFalse(commandLine.contains("quie"))
        XCTAssertFalse(commandLine.contains("loglevel=7"))
        XCTAssertEqual(commandLine.value("console"), Array("ttyS0,115200".utf8))
        XCTAssertEqual(commandLine.list("ktest"), [Array("mm".utf8), Array("boot".utf8)])
        XCTAssertTrue(commandLine.list("ktest", contains: "boot"))
        XCTAssertFalse(commandLine.list("ktest", contains: "boo"))
        XCTAssertEqual(commandLine.list("absent"), [])
        XCTAssertEqual(commandLine.value("root"), [])
        XCTAssertEqual(commandLine.diagnostics.count, 0)
    }

    func testKernelPathFirstIsRecognised() {
        let plain = line("/boot/apus.elf loglevel=7")
        XCTAssertEqual(plain.kernelPath, Array("/boot/apus.elf".utf8))
        XCTAssertEqual(plain.parameters.count, 1)
        let device = line("(hd0,msdos1)/boot/apus.elf")
        XCTAssertEqual(device.kernelPath, Array("(hd0,msdos1)/boot/apus.elf".utf8))
        XCTAssertEqual(device.parameters.count, 0)
        XCTAssertNil(line("loglevel=7 /not/a/path").kernelPath, "only the first word may be the path")
    }

    func testIntegers() {
        let commandLine = line("a=0x1F b=0XfF c=18446744073709551615 d=18446744073709551616 e=0x10000000000000000 f=0x g=12a h=-1 i flag= k=0")
        XCTAssertEqual(try commandLine.unsignedInteger("a"), 0x1F)
        XCTAssertEqual(try commandLine.unsignedInteger("b"), 0xFF)
        XCTAssertEqual(try commandLine.unsignedInteger("c"), UInt64.max)
        XCTAssertEqual(try commandLine.unsignedInteger("k"), 0)
        func error(_ body: () throws(KernelCommandLine.LookupError) -> UInt64) -> KernelCommandLine.LookupError? {
            do { _ = try body(); return nil } catch { return error }
        }
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("d") }, .overflow)
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("e") }, .overflow)
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("f") }, .notANumber)
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("g") }, .notANumber)
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("h") }, .notANumber)
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("i") }, .noValue)
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("flag") }, .noValue)
        XCTAssertEqual(error { () throws(KernelCommandLine.LookupError) in try commandLine.unsignedInteger("zz") }, .missing)
    }

    func testQuotesLastWinsAndNul() {
        let commandLine = line("msg=\"hello world\" x=1 x=2 \"quoted flag\"")
        XCTAssertEqual(commandLine.value("msg"), Array("hello world".utf8))
        XCTAssertEqual(try commandLine.unsignedInteger("x"), 2)
        XCTAssertTrue(commandLine.contains("quoted flag"))

        let open = line("msg=\"never closed")
        XCTAssertEqual(open.value("msg"), Array("never closed".utf8))
        XCTAssertEqual(open.diagnostics.map { "\($0.reason)" }, ["unterminated quote"])

        let nul = KernelCommandLine(Array("a=1\0b=2".utf8))
        XCTAssertTrue(nul.contains("a"))
        XCTAssertFalse(nul.contains("b"))
        XCTAssertEqual(line("").parameters.count, 0)
        XCTAssertEqual(line("   \t ").parameters.count, 0)
    }

    func testLengthLimits() {
        let longWord = String(repeating: "x", count: KernelCommandLine.maximumWordLength + 1)
        let commandLine = line("a=1 big=\(longWord) b=2")
        XCTAssertFalse(commandLine.contains("big"))
        XCTAssertTrue(commandLine.contains("b"))
        XCTAssertEqual(commandLine.diagnostics.map(\.offset), [4])

        let longLine = line(String(repeating: "f ", count: KernelCommandLine.maximumLength) + "last")
        XCTAssertFalse(longLine.contains("last"))
        XCTAssertEqual(longLine.diagnostics.map { "\($0.reason)" }, ["command line too long; truncated"])
    }

    func testRandomBytesNeverTrap() {
        var random = SplitMix64(state: 42)
        let alphabet = Array("a=,\" x0\t".utf8) + [0, 0xFF]
        for _ in 0..<5_000 {
            let bytes = (0..<random.below(64)).map { _ in alphabet[random.below(alphabet.count)] }
            let commandLine = KernelCommandLine(bytes)
            _ = try? commandLine.unsignedInteger("a")
            _ = commandLine.list("a")
        }
    }
}
