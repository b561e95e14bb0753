// SPDX-License-Identifier: GPL-2.0-only
// Boots an Apus ISO in QEMU (TCG) and talks to it: the serial console on QEMU's stdio, the human monitor on a
// unix socket. Every wait has a timeout, and a kernel panic met while waiting for something else fails at once.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a wait on a ``QEMUMachine`` failed. The description says what was awaited; the serial log itself is
/// printed by ``SystemTestCase`` when the test fails.
struct QEMUError: Error, CustomStringConvertible {
    var description: String
}

/// Bytes from one QEMU stream (the serial console or the monitor), with ANSI escapes, carriage returns and NULs
/// removed, and a read position so that successive waits consume the output in order.
private final class StreamText: @unchecked Sendable {
    /// Everything received, as is.
    private(set) var raw: [UInt8] = []
    /// Everything received, cleaned for matching.
    private(set) var clean: [UInt8] = []
    /// Where the next wait starts looking in `clean`.
    var cursor = 0
    /// Whether the stream reached its end.
    var closed = false

    private enum EscapeState { case text, escape, csi, osc, oscEscape }
    private var state = EscapeState.text

    /// Appends `bytes`, stripping escape sequences (including ones split across reads).
    func append(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            raw.append(byte)
            switch state {
            case .text:
                switch byte {
                case 0x1B: state = .escape
                case 0x0D, 0x00: break
                default: clean.append(byte)
                }
            case .escape:
                state = byte == 0x5B ? .csi : (byte == 0x5D ? .osc : .text)  // "[" or "]"
            case .csi:
                if byte >= 0x40 && byte <= 0x7E { state = .text }  // the final byte
            case .osc:
                if byte == 0x07 { state = .text } else if byte == 0x1B { state = .oscEscape }
            case .oscEscape:
                state = .text
            }
        }
    }

    /// Where `needle` first occurs in `clean` at or after `start`.
    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, clean.count >= needle.count else { return nil }
        var position = max(start, 0)
        while position + needle.count <= clean.count {
            if clean[position] == needle[0] && clean[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: clean[range], as: UTF8.self)
    }
}

/// One QEMU process running an Apus image.
final class QEMUMachine: @unchecked Sendable {
    /// The firmware, and with it the machine type.
    enum Firmware: String, CustomStringConvertible {
        /// `-machine pc` with SeaBIOS (legacy BIOS boot).
        case bios
        /// `-machine q35` with OVMF (UEFI boot).
        case uefi

        var description: String { self == .bios ? "pc/SeaBIOS" : "q35/OVMF" }
    }

    /// What the machine boots from.
    enum Medium {
        /// An ISO in the CD drive (`-cdrom`).
        case cdrom(URL)
        /// A disk image as a USB mass-storage stick on an xHCI controller, the first boot device; writes go to
        /// a temporary overlay (`snapshot=on`), so the image stays as made.
        case usbStick(URL)
    }

    static let prompt = "apus> "
    static let panicMarker = "KERNEL PANIC"
    static let panicEndMarker = "---[ end Kernel panic ]---"
    static let ovmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd"
    static let ovmfVars = "/usr/share/OVMF/OVMF_VARS_4M.fd"

    /// What this machine is, for messages: `pc/SeaBIOS 128M`.
    let name: String
    /// A private temporary directory: the monitor socket, the OVMF variable store, anything a test adds.
    let directory: URL
    /// The monitor's unix socket.
    let monitorPath: String
    /// The full QEMU command line.
    let arguments: [String]
    /// When QEMU was started.
    let startTime = Date()
    /// Set it in tests that expect the kernel to panic: waits then no longer fail on `KERNEL PANIC`.
    var expectsPanic: Bool {
        get { condition.withLock { panicExpected } }
        set { condition.withLock { panicExpected = newValue } }
    }

    private let process = Process()
    private let input = Pipe()
    private let condition = NSCondition()
    private let serial = StreamText()
    private let errors = StreamText()
    private let monitorText = StreamText()
    private var monitorHandle: FileHandle?
    private var panicExpected = false
    private var exitStatus: Int32?

    /// Starts QEMU; it boots `medium`. `memory` is QEMU's `-m` (`128M`, `4G`).
    init(medium: Medium, firmware: Firmware = .bios, memory: String = "128M", cpus: Int = 1,
         extraArguments: [String] = []) throws {
        Self.ignoreSIGPIPE
        name = "\(firmware) \(memory)" + (cpus > 1 ? " smp \(cpus)" : "")
        // Socket paths are limited to 107 bytes: stay in /tmp rather than a possibly long $TMPDIR.
        var template = Array("/tmp/apus-qemu-XXXXXX".utf8CString)
        guard let made = unsafe template.withUnsafeMutableBufferPointer({ unsafe mkdtemp($0.baseAddress!) }) else {
            throw QEMUError(description: "cannot create a temporary directory in /tmp")
        }
        directory = URL(fileURLWithPath: unsafe String(cString: made), isDirectory: true)
        monitorPath = directory.appendingPathComponent("monitor.sock").path

        var arguments = [
            "-machine", firmware == .bios ? "pc" : "q35",
            "-m", memory,
            "-smp", String(cpus),
            "-display", "none",
            "-no-reboot",
            "-serial", "stdio",
            "-monitor", "unix:\(monitorPath),server=on,wait=off",
        ]
        var isCDROM = false
        switch medium {
        case .cdrom(let iso):
            arguments += ["-cdrom", iso.path]
            isCDROM = true
        case .usbStick(let image):
            arguments += ["-device", "qemu-xhci,id=xhci",
                          "-drive", "if=none,id=stick,format=raw,snapshot=on,file=\(image.path)",
                          "-device", "usb-storage,bus=xhci.0,drive=stick,bootindex=0"]
        }
        if firmware == .uefi {
            let vars = directory.appendingPathComponent("OVMF_VARS.fd")
            guard FileManager.default.fileExists(atPath: Self.ovmfCode) else {
                throw QEMUError(description: "\(Self.ovmfCode) is missing: install the ovmf package (scripts/test does)")
            }
            try FileManager.default.copyItem(atPath: Self.ovmfVars, toPath: vars.path)
            arguments += [
                "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=\(Self.ovmfCode)",
                "-drive", "if=pflash,format=raw,unit=1,file=\(vars.path)",
            ]
        } else if isCDROM {
            arguments += ["-boot", "order=d"]
        }
        arguments += extraArguments
        self.arguments = arguments

        guard let qemu = Self.findExecutable("qemu-system-x86_64") else {
            throw QEMUError(description: "qemu-system-x86_64 is not on PATH: install qemu-system-x86 (scripts/test does)")
        }
        let output = Pipe()
        let errorOutput = Pipe()
        process.executableURL = qemu
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorOutput
        process.terminationHandler = { [weak self, condition] process in
            condition.withLock {
                self?.exitStatus = process.terminationStatus
                condition.broadcast()
            }
        }
        try process.run()
        startReader(output.fileHandleForReading, into: serial)
        startReader(errorOutput.fileHandleForReading, into: errors)
    }

    deinit {
        kill()
    }

    // MARK: - The serial console

    /// The serial output so far, escapes removed.
    var log: String {
        condition.withLock { serial.text(0..<serial.clean.count) }
    }

    /// The serial output so far, escapes removed, as bytes (for ``KTAPParser``).
    var logBytes: [UInt8] {
        condition.withLock { serial.clean }
    }

    /// What QEMU itself wrote to stderr.
    var qemuErrors: String {
        condition.withLock { errors.text(0..<errors.clean.count) }
    }

    /// Waits until `text` appears in the serial output after the previous match; returns the output from there
    /// up to (not including) `text`, and moves past it. Throws on timeout, on QEMU exiting, and on a kernel
    /// panic unless ``expectsPanic``.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let needle = Array(text.utf8)
        let panic = Array(Self.panicMarker.utf8)
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = serial.find(needle, from: serial.cursor) {
                let before = serial.text(serial.cursor..<found)
                serial.cursor = found + needle.count
                return before
            }
            if !panicExpected, let panicked = serial.find(panic, from: 0) {
                // Let the report (registers, backtrace) arrive for the log before failing.
                let end = Array(Self.panicEndMarker.utf8)
                let reportDeadline = Date(timeIntervalSinceNow: 5)
                while serial.find(end, from: panicked) == nil, !serial.closed, condition.wait(until: reportDeadline) {}
                throw QEMUError(description: "\(name): the kernel panicked while the test waited for \(quoted(text))")
            }
            if let status = exitStatus, serial.closed {
                throw QEMUError(description: "\(name): QEMU exited (status \(status)) while the test waited for \(quoted(text))"
                    + (errors.clean.isEmpty ? "" : "; QEMU said: \(errors.text(0..<errors.clean.count))"))
            }
            if !condition.wait(until: deadline) {
                if serial.find(needle, from: serial.cursor) != nil { continue }
                throw QEMUError(description: "\(name): timed out after \(Int(timeout)) s waiting for \(quoted(text))")
            }
        }
    }

    /// Waits for the shell prompt; returns what came before it (the boot log, or a command's output).
    @discardableResult
    func waitForPrompt(timeout: TimeInterval = 60) throws -> String {
        try waitFor(Self.prompt, timeout: timeout)
    }

    /// Writes `text` to the serial console as is.
    func send(_ text: String) throws {
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        } catch {
            throw QEMUError(description: "\(name): cannot write to QEMU's serial console: \(error)")
        }
    }

    /// Types `command` and Enter at the prompt, waits for the next prompt and returns what the command printed:
    /// its lines, joined by `\n`, without the echoed command line.
    func run(_ command: String, timeout: TimeInterval = 20) throws -> String {
        try send(command + "\r")
        let output = try waitForPrompt(timeout: timeout)
        // The shell echoes the command and the line end first.
        guard let echoEnd = output.firstIndex(of: "\n") else { return "" }
        var printed = output[output.index(after: echoEnd)...]
        if printed.hasSuffix("\n") { printed = printed.dropLast() }
        return String(printed)
    }

    // MARK: - The process

    /// Whether QEMU still runs.
    var isRunning: Bool {
        condition.withLock { exitStatus == nil }
    }

    /// Waits for QEMU to exit by itself; its exit status, or `nil` if it still runs after `timeout`.
    func waitForExit(timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while exitStatus == nil {
            if !condition.wait(until: deadline) { break }
        }
        return exitStatus
    }

    /// Ends QEMU (SIGTERM, then SIGKILL after 5 s) and removes the temporary directory. Idempotent.
    func kill() {
        if isRunning {
            process.terminate()
            if waitForExit(timeout: 5) == nil {
                _ = Glibc.kill(process.processIdentifier, SIGKILL)
                _ = waitForExit(timeout: 5)
            }
        }
        condition.withLock {
            try? monitorHandle?.close()
            monitorHandle = nil
        }
        try? input.fileHandleForWriting.close()
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - The monitor

    /// Runs a human-monitor command (`info status`, `sendkey ctrl-alt-delete`, `screendump FILE`,
    /// `system_powerdown`) and returns its output without the echoed command.
    @discardableResult
    func monitor(_ command: String, timeout: TimeInterval = 20) throws -> String {
        let handle = try connectMonitor(timeout: timeout)
        do {
            try handle.write(contentsOf: Data((command + "\n").utf8))
        } catch {
            throw QEMUError(description: "\(name): cannot write to the monitor: \(error)")
        }
        let output = try waitForMonitorPrompt(timeout: timeout, awaiting: command)
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        if !lines.isEmpty { lines.removeFirst() }  // the echo (readline redraws it, the escapes are gone)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private func connectMonitor(timeout: TimeInterval) throws -> FileHandle {
        if let handle = condition.withLock({ monitorHandle }) { return handle }
        let deadline = Date(timeIntervalSinceNow: timeout)
        var descriptor: Int32 = -1
        while descriptor < 0 {
            descriptor = Self.connectUnixSocket(monitorPath)
            if descriptor >= 0 { break }
            if Date() > deadline || !isRunning {
                throw QEMUError(description: "\(name): cannot connect to the monitor at \(monitorPath)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        condition.withLock { monitorHandle = handle }
        startReader(handle, into: monitorText)
        _ = try waitForMonitorPrompt(timeout: timeout, awaiting: "the monitor's greeting")
        return handle
    }

    private func waitForMonitorPrompt(timeout: TimeInterval, awaiting what: String) throws -> String {
        let needle = Array("(qemu) ".utf8)
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let found = monitorText.find(needle, from: monitorText.cursor) {
                let before = monitorText.text(monitorText.cursor..<found)
                monitorText.cursor = found + needle.count
                return before
            }
            if monitorText.closed {
                throw QEMUError(description: "\(name): the monitor closed while running \(quoted(what))")
            }
            if !condition.wait(until: deadline) {
                throw QEMUError(description: "\(name): the monitor did not answer \(quoted(what)) in \(Int(timeout)) s")
            }
        }
    }

    // MARK: - Helpers

    /// Reads `handle` on its own thread until the end, appending to `stream`.
    private func startReader(_ handle: FileHandle, into stream: StreamText) {
        let condition = self.condition
        let thread = Thread {
            while true {
                let data = handle.availableData
                condition.withLock {
                    if data.isEmpty { stream.closed = true } else { stream.append(data) }
                    condition.broadcast()
                }
                if data.isEmpty { return }
            }
        }
        thread.name = "QEMU reader"
        thread.start()
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// A write to a pipe whose reader (QEMU) has died must fail with EPIPE, not kill the test process.
    private static let ignoreSIGPIPE: Void = {
        _ = signal(SIGPIPE, SIG_IGN)
    }()

    private static func findExecutable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// A connected stream socket to the unix socket at `path`, or -1.
    private static func connectUnixSocket(_ path: String) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return -1 }
        unsafe withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { unsafe buffer[index] = byte }
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return -1 }
        let result = unsafe withUnsafePointer(to: &address) { pointer in
            unsafe pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                unsafe connect(descriptor, socketAddress, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result != 0 {
            close(descriptor)
            return -1
        }
        return descriptor
    }
}
