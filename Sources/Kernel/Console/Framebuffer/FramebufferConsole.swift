// SPDX-License-Identifier: GPL-2.0-only
// The framebuffer console: the console's text drawn with a PSF font on the boot loader's framebuffer.
import KernelCore
import KernelSupport
import Synchronization

/// Mirrors everything the console prints (kernel log, shell) on the screen. Writers only update a text grid
/// under `lock`; drawing happens outside it, row by row, by the `fbcon` thread (about every 20 ms) once the
/// scheduler runs, and at each line end before that. The panic path writes and draws without any lock.
enum FramebufferConsole {
    /// What `initialize` set up; never changes afterwards.
    private struct Screen {
        let framebuffer: LinearFramebuffer
        let renderer: TextRenderer
    }

    private struct State {
        var terminal: TextTerminal?
    }

    /// A text row's glyphs and its pixel strip, reused from draw to draw (one set per drawer, so the panic
    /// path never allocates and never shares buffers with the thread it interrupted).
    private struct DrawBuffers {
        var glyphs: [UInt16]
        var strip: [UInt8]
    }

    /// Written once by `initialize` during single-threaded boot, read-only afterwards.
    nonisolated(unsafe) private static var screen: Screen?
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()
    /// Used by whoever holds `drawing`.
    nonisolated(unsafe) private static var drawBuffers = DrawBuffers(glyphs: [], strip: [])
    /// Used only by the panic path (one CPU, after `panicking` is set).
    nonisolated(unsafe) private static var panicBuffers = DrawBuffers(glyphs: [], strip: [])
    /// Set while a drawer owns `drawBuffers` and the framebuffer.
    private static let drawing = Atomic<Bool>(false)
    /// Set once the `fbcon` thread draws; writers then only update the grid.
    private static let threaded = Atomic<Bool>(false)
    /// Set by the panic path: everyone else stops touching the screen.
    private static let panicking = Atomic<Bool>(false)
    /// Set once `initialize` took the screen over (a cheap test for every byte printed).
    private static let active = Atomic<Bool>(false)

    /// The one access path to `state` outside the panic path.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU (the panic path excepted: see
        // `panicPut`).
        lock.withLock { unsafe body(&state) }
    }

    // SAFETY: written only by `initialize`, before any other CPU or thread runs.
    private static var current: Screen? { unsafe screen }

    /// Takes over the framebuffer GRUB set up, if it is a direct-colour one, with the font from the
    /// `console-font` boot module; otherwise logs why and the console stays on the serial port.
    static func initialize() {
        guard let description = BootInfo.info?.framebuffer else {
            log(.notice, "fbcon: no framebuffer from the boot loader; console on serial only")
            return
        }
        let format: PixelFormat
        do throws(PixelFormat.Unsupported) {
            format = try PixelFormat(description)
        } catch {
            log(.warning) { line in
                line.write("fbcon: framebuffer unusable (")
                line.write(error.reason)
                line.write("); console on serial only")
            }
            return
        }
        guard let font = loadFont() else { return }
        guard let layout = ConsoleLayout(width: Int(description.width), height: Int(description.height), font: font) else {
            log(.warning, "fbcon: the framebuffer is smaller than one character; console on serial only")
            return
        }
        let renderer = TextRenderer(font: font, format: format, layout: layout)
        let framebuffer = LinearFramebuffer(description)
        framebuffer.fill(renderer.backgroundPixel)
        // Two separate allocations each: shared array storage would be copied on the first write, and the
        // panic path must never allocate.
        for panic in [false, true] {
            let buffers = DrawBuffers(glyphs: [UInt16](repeating: 0, count: layout.columns),
                                      strip: [UInt8](repeating: 0, count: renderer.stripByteCount))
            if panic { unsafe panicBuffers = buffers } else { unsafe drawBuffers = buffers }
        }
        unsafe screen = Screen(framebuffer: framebuffer, renderer: renderer)
        var terminal = TextTerminal(font: font, columns: layout.columns, rows: layout.rows)
        KernelLog.replay(to: &terminal)                 // the boot log so far, then everything new
        withState { $0.terminal = terminal }
        active.store(true, ordering: .releasing)
        draw()
        log(.info) { line in
            line.write("fbcon: ")
            line.writeDecimal(Int(description.width))
            line.write("x")
            line.writeDecimal(Int(description.height))
            line.write(" ")
            line.writeDecimal(Int(description.bitsPerPixel))
            line.write(" bpp at ")
            line.writeHex(description.address)
            line.write(" (")
            line.write(PAT.available ? "write-combining" : "uncached")
            line.write("), ")
            line.writeDecimal(layout.columns)
            line.write("x")
            line.writeDecimal(layout.rows)
            line.write(" characters of ")
            line.writeDecimal(font.width)
            line.write("x")
            line.writeDecimal(font.height)
            line.write(layout.scale > 1 ? ", scaled 2x" : "")
        }
    }

    /// The PSF font from the boot module named `console-font`, validated.
    private static func loadFont() -> PSFFont? {
        let wanted = ByteReader.bytes(of: "console-font")
        guard let module = BootInfo.info?.modules.first(where: { $0.string == wanted }) else {
            log(.warning, "fbcon: no console-font boot module; console on serial only")
            return nil
        }
        guard module.end > module.start,
              let bytes = DirectMapReader().read(physicalAddress: UInt64(module.start), count: Int(module.end - module.start))
        else {
            log(.error, "fbcon: the console-font module is not readable; console on serial only")
            return nil
        }
        do throws(PSFFont.Error) {
            let font = try PSFFont(bytes.allBytes)
            log(.info) { line in
                line.write("fbcon: font PSF")
                line.writeDecimal(font.version)
                line.write(", ")
                line.writeDecimal(font.glyphCount)
                line.write(" glyphs of ")
                line.writeDecimal(font.width)
                line.write("x")
                line.writeDecimal(font.height)
            }
            return font
        } catch {
            log(.error) { line in
                line.write("fbcon: bad console font (")
                line.write(error.reason)
                line.write("); console on serial only")
            }
            return nil
        }
    }

    /// Starts the thread that draws from now on.
    static func startRenderer() {
        guard active.load(ordering: .acquiring) else { return }
        let started = Scheduler.spawn(name: "fbcon", priority: .normal) {
            while true {
                draw(yieldingBetweenRows: true)
                Scheduler.sleep(nanoseconds: 20_000_000)
            }
        }
        if started != nil { threaded.store(true, ordering: .releasing) }
    }

    /// Shows `byte` (part of the console's output stream).
    static func put(_ byte: UInt8) {
        guard active.load(ordering: .acquiring), !panicking.load(ordering: .acquiring) else { return }
        let shown = withState { state -> Bool in
            guard state.terminal != nil else { return false }
            state.terminal!.write(byte)
            return true
        }
        if shown && byte == 0x0A && !threaded.load(ordering: .acquiring) { draw() }
    }

    /// Draws every dirty row, if no one else is drawing. The `fbcon` thread yields the CPU after each row,
    /// so that a whole-screen redraw (after a scroll) never keeps a woken thread waiting for long.
    private static func draw(yieldingBetweenRows: Bool = false) {
        guard let screen = current, !panicking.load(ordering: .acquiring) else { return }
        guard drawing.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        defer { drawing.store(false, ordering: .releasing) }
        for row in 0..<screen.renderer.layout.rows {
            // SAFETY: `drawing` gives this drawer sole use of drawBuffers.
            let cursor = withState { state -> Int?? in
                guard state.terminal?.grid.isDirty(row) == true else { return nil }
                return .some(unsafe state.terminal!.takeRow(row, into: &drawBuffers.glyphs))
            }
            guard let cursor else { continue }
            unsafe drawRow(row, cursorColumn: cursor, on: screen, with: &drawBuffers)
            if yieldingBetweenRows { Scheduler.yield() }
        }
    }

    private static func drawRow(_ row: Int, cursorColumn: Int?, on screen: Screen, with buffers: inout DrawBuffers) {
        let renderer = screen.renderer
        renderer.render(buffers.glyphs, cursorColumn: cursorColumn, into: &buffers.strip)
        screen.framebuffer.copy(strip: buffers.strip, stripPitch: renderer.stripPitch,
                                scanlines: renderer.layout.cellHeight, toScanline: row * renderer.layout.cellHeight)
    }

    // MARK: - The panic path

    /// Stops every other writer and drawer: from now on only the panic path touches the screen.
    static func enterPanicMode() {
        panicking.store(true, ordering: .sequentiallyConsistent)
    }

    /// Shows `byte` of the panic report, without taking any lock; draws at each line end.
    static func panicPut(_ byte: UInt8) {
        guard active.load(ordering: .acquiring), panicking.load(ordering: .acquiring) else { return }
        // SAFETY: the panic path runs on one CPU with interrupts off, after `panicking` stopped the other
        // writers; a writer already inside `lock` on another CPU can at worst garble a row (the grid's arrays
        // are never shared, so they are never reallocated under us).
        guard unsafe state.terminal != nil else { return }
        unsafe state.terminal!.write(byte)
        if byte == 0x0A { panicDraw() }
    }

    /// Draws the whole screen once more (a drawer that was interrupted may have left a stale row).
    static func finishPanic() {
        guard active.load(ordering: .acquiring), panicking.load(ordering: .acquiring) else { return }
        // SAFETY: as in `panicPut`.
        unsafe state.terminal?.markAllDirty()
        panicDraw()
    }

    private static func panicDraw() {
        guard let screen = current else { return }
        for row in 0..<screen.renderer.layout.rows {
            // SAFETY: as in `panicPut`; panicBuffers belong to the panic path alone.
            guard unsafe state.terminal?.grid.isDirty(row) == true else { continue }
            let cursor = unsafe state.terminal!.takeRow(row, into: &panicBuffers.glyphs)
            unsafe drawRow(row, cursorColumn: cursor, on: screen, with: &panicBuffers)
        }
    }
}
