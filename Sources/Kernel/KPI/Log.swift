// SPDX-License-Identifier: GPL-2.0-only
// LinuxKPI's bridge section "log and panic": printk's records, WARN's reports and backtraces, panic(),
// and symbol names for %pS (LinuxKPI/include/apus/bridge.h).
import KernelCore
import KernelSupport

/// Views `length` bytes at `text` (nil or empty gives an empty view).
@unsafe
private func bytes(_ text: UnsafePointer<CChar>?, _ length: Int) -> UnsafeBufferPointer<UInt8> {
    guard let text = unsafe text, length > 0 else { return unsafe UnsafeBufferPointer(start: nil, count: 0) }
    return unsafe UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: length)
}

/// A NUL-terminated C string as bytes (nil gives an empty view).
@unsafe
private func bytes(_ text: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
    guard let text = unsafe text else { return unsafe UnsafeBufferPointer(start: nil, count: 0) }
    var length = 0
    while unsafe text[length] != 0 { length += 1 }
    return unsafe bytes(text, length)
}

private func logLevel(_ level: CInt) -> LogLevel {
    LogLevel(rawValue: UInt8(clamping: max(0, min(7, level)))) ?? .warning
}

@_cdecl("apus_log_write")
func kpiLogWrite(_ level: CInt, _ text: UnsafePointer<CChar>?, _ length: Int) {
    // SAFETY: printk.c passes `length` bytes of its formatting buffer, alive for this call.
    let line = unsafe bytes(text, length)
    log(logLevel(level)) { unsafe $0.write(contentsOf: line) }
}

@_cdecl("apus_log_warning")
func kpiLogWarning(_ file: UnsafePointer<CChar>?, _ line: CInt, _ function: UnsafePointer<CChar>?, _ frame: UInt) {
    // SAFETY: bug.c passes the compiler's __FILE__ and __func__ strings, which live forever.
    let fileName = unsafe bytes(file)
    let functionName = unsafe bytes(function)
    log(.warning) { out in
        out.write("WARNING: CPU: ")
        out.writeDecimal(SMP.currentIndex)
        out.write(" at ")
        unsafe out.write(contentsOf: fileName)
        out.write(":")
        out.writeDecimal(Int(line))
        out.write(" ")
        unsafe out.write(contentsOf: functionName)
    }
    logBacktrace(.warning, from: UInt64(frame))
}

@_cdecl("apus_log_backtrace")
func kpiLogBacktrace(_ level: CInt, _ frame: UInt) {
    logBacktrace(logLevel(level), from: UInt64(frame))
}

/// Logs "Call Trace:" and one line per frame, following the frame-pointer chain from `rbp` as far as it
/// stays inside a mapped kernel stack.
private func logBacktrace(_ level: LogLevel, from rbp: UInt64) {
    log(level, "Call Trace:")
    var frame = rbp
    var depth = 0
    while depth < 32, KernelStacks.contains(frame, length: 16), frame % 8 == 0 {
        // SAFETY: KernelStacks.contains checked that both words lie in a mapped kernel stack.
        let next = unsafe UnsafePointer<UInt64>(bitPattern: UInt(frame))!.pointee
        let returnAddress = unsafe UnsafePointer<UInt64>(bitPattern: UInt(frame + 8))!.pointee
        if returnAddress == 0 { break }
        log(level) { out in
            out.write(" ")
            // A return address points after the call; name the call's function.
            writeSymbol(returnAddress - 1, bias: 1, to: &out)
        }
        if next <= frame { break }                      // stacks grow down: callers are above
        frame = next
        depth += 1
    }
}

/// `function+0xoffset/0xsize` for the kernel, `function+0xoffset [module]` for a loaded module, else the
/// address in hex; `bias` is added to the printed offset (backtraces look up return address - 1).
private func writeSymbol(_ address: UInt64, bias: UInt64, to out: inout LogLine) {
    if let (name, offset, module) = Modules.symbolize(address) {
        out.write(contentsOf: name)
        out.write("+")
        out.writeHex(offset + bias, digits: 1)
        out.write(" [")
        out.write(contentsOf: module)
        out.write("]")
    } else if let (symbol, offset) = KernelSymbols.lookup(address) {
        out.write(contentsOf: symbol.name)
        out.write("+")
        out.writeHex(offset + bias, digits: 1)
        out.write("/")
        out.writeHex(symbol.size, digits: 1)
    } else {
        out.writeHex(address + bias)
    }
}

@_cdecl("apus_panic")
func kpiPanic(_ text: UnsafePointer<CChar>?, _ length: Int) -> Never {
    // SAFETY: panic.c passes `length` bytes of its message buffer; nothing frees it before the halt.
    let message = unsafe bytes(text, length)
    unsafe Panic.halt("LinuxKPI: ") { out in unsafe out.write(contentsOf: message) }
}

@_cdecl("apus_symbol_lookup")
func kpiSymbolLookup(_ address: UInt, _ name: UnsafeMutablePointer<CChar>?, _ capacity: Int,
                     _ offset: UnsafeMutablePointer<UInt>?, _ size: UnsafeMutablePointer<UInt>?,
                     _ module: UnsafeMutablePointer<CChar>?, _ moduleCapacity: Int) -> Int {
    guard let name = unsafe name, capacity > 0, let module = unsafe module, moduleCapacity > 0,
          let offset = unsafe offset, let size = unsafe size else { return 0 }
    let found: (name: [UInt8], offset: UInt64, size: UInt64, module: [UInt8])
    if let (function, functionOffset, moduleName) = Modules.symbolize(UInt64(address)) {
        found = (function, functionOffset, 0, moduleName)
    } else if let (symbol, symbolOffset) = KernelSymbols.lookup(UInt64(address)) {
        found = (Array(symbol.name), symbolOffset, UInt64(symbol.size), [])
    } else {
        return 0
    }
    // SAFETY: vsprintf.c passes buffers of the given capacities and its own offset and size variables.
    let length = unsafe copyCString(found.name, to: name, capacity: capacity)
    unsafe _ = copyCString(found.module, to: module, capacity: moduleCapacity)
    unsafe offset.pointee = UInt(found.offset)
    unsafe size.pointee = UInt(found.size)
    return length
}

/// Copies up to `capacity - 1` bytes and a NUL into `buffer`; returns the bytes copied.
@unsafe
private func copyCString(_ bytes: [UInt8], to buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
    let length = min(bytes.count, capacity - 1)
    for index in 0..<length {
        unsafe buffer[index] = CChar(bitPattern: bytes[index])
    }
    unsafe buffer[length] = 0
    return length
}
