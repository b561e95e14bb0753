// SPDX-License-Identifier: GPL-2.0-only
// insmod and rmmod: reads a module file handed over by the boot loader, links it into the module area,
// sets its parameters, runs init_module; and runs cleanup_module and unmaps it again. Every failure undoes
// everything done so far and says why, with the Linux errno name.
import KernelCore
import KernelSupport

enum ModuleLoader {
    // Linux errnos the loader itself returns.
    static let enoent: Int32 = -2
    static let eperm: Int32 = -1
    static let enoexec: Int32 = -8
    static let enomem: Int32 = -12
    static let ebusy: Int32 = -16
    static let eexist: Int32 = -17
    static let einval: Int32 = -22

    /// Loads the boot module `NAME.ko` (or `NAME`) with `arguments` (`p=v` or `p` words, after any
    /// `NAME.p=v` words of the kernel command line). Returns 0 or the negative errno of the failure.
    /// Thread context only: init may sleep.
    static func load(_ requested: [UInt8], arguments: [[UInt8]]) -> Int32 {
        Modules.operations.withLock { loadLocked(requested, arguments: arguments) }
    }

    /// Unloads module `name`: 0, or -ENOENT (not loaded) or -EBUSY (in use, or no exit function).
    static func unload(_ name: [UInt8]) -> Int32 {
        Modules.operations.withLock { unloadLocked(BootModules.moduleName(name)) }
    }

    // MARK: - Loading

    private static func loadLocked(_ requested: [UInt8], arguments: [[UInt8]]) -> Int32 {
        guard let file = BootModules.file(named: requested) else {
            report(requested) { $0.write("no such module among the boot modules (add it with scripts/build --module)") }
            return enoent
        }
        let object: ELFObject
        let info: ModuleInfo
        let layout: ModuleLayout
        do throws(ModuleError) {
            object = try ELFObject(file)
            info = try ModuleInfo(object)
            layout = try ModuleLayout(object)
        } catch {
            report(requested) { line in
                line.write("invalid module file: ")
                line.write(error)
            }
            return enoexec
        }
        guard let name = info.name.map(BootModules.moduleName), !name.isEmpty else {
            report(requested) { $0.write("invalid module file: .modinfo has no name=") }
            return enoexec
        }
        guard !Modules.isLoaded(name) else {
            report(name) { $0.write("already loaded") }
            return eexist
        }
        guard let base = ModuleArea.reserve(size: layout.size) else {
            report(name) { $0.write("no room left in the module area") }
            return enomem
        }

        let linked: LinkedModule
        do throws(ModuleError) {
            linked = try ModuleLinker.link(object, layout: layout, info: info, base: base, resolve: Modules.resolve)
        } catch {
            ModuleArea.release(base, size: layout.size)
            report(name) { $0.write(error) }
            return error.kind == .gplOnlySymbol ? eperm : (error.kind == .undefinedSymbol ? enoent : enoexec)
        }
        for export in linked.exports {
            if let owner = Modules.exporter(of: export.name) {
                ModuleArea.release(base, size: layout.size)
                report(name) { line in
                    line.write("exports duplicate symbol '")
                    line.write(contentsOf: export.name)
                    line.write("' (owned by ")
                    line.write(contentsOf: owner)
                    line.write(")")
                }
                return enoexec
            }
        }
        guard ModuleArea.map(linked) else {
            ModuleArea.release(base, size: layout.size)
            report(name) { $0.write("out of memory while mapping the module") }
            return enomem
        }

        let id = Modules.nextID()
        Modules.add(LoadedModule(id: id, name: name, status: .coming, base: base, size: layout.size,
                                 thisModule: linked.thisModuleAddress, exitAddress: linked.exitAddress,
                                 exports: linked.exports, functions: linked.functions, providers: linked.providers))

        let result = setParameters(linked, id: id, name: name, arguments: BootModules.commandLineParameters(of: name) + arguments)
        if result != 0 {
            discard(id)
            return result
        }
        guard runKUnitSuites(object, layout: layout, base: base, name: name) else {
            discard(id)
            return enoexec
        }
        if let initAddress = linked.initAddress {
            // SAFETY: init_module is a function of the module just linked and mapped executable; it follows the
            // C calling convention (int (*)(void)) as module_init's alias declares it.
            let status = unsafe module_call_init(initAddress)
            if status < 0 {
                discard(id)
                report(name) { line in
                    line.write("init failed: ")
                    writeErrno(status, to: &line)
                    line.write("; module unloaded")
                }
                return status
            }
            if status > 0 {
                report(name, level: .warning) { line in
                    line.write("init returned a positive value (")
                    line.writeDecimal(status)
                    line.write("), taken as success as Linux does")
                }
            }
        }
        Modules.setStatus(id, .live)
        log(.info) { line in
            line.write("modules: loaded ")
            line.write(contentsOf: name)
            line.write(" at ")
            line.writeHex(base)
            line.write(", ")
            line.writeDecimal(layout.size)
            line.write(" bytes")
        }
        return 0
    }

    /// Runs the module's KUnit suites (its `.kunit_test_suites` section: pointers to `struct kunit_suite`,
    /// relocated by the linker) after its parameters are set and before its init, as Linux's module notifier
    /// does at MODULE_STATE_COMING. False when the section is malformed.
    private static func runKUnitSuites(_ object: ELFObject, layout: ModuleLayout, base: UInt64, name: [UInt8]) -> Bool {
        guard let section = object.section(named: ".kunit_test_suites"),
              let offset = layout.sectionOffsets[section.index] else { return true }
        guard section.size % 8 == 0 else {
            report(name) { $0.write("invalid module file: .kunit_test_suites is not an array of pointers") }
            return false
        }
        // SAFETY: the section lies inside the module just linked and mapped (offset and size from its layout);
        // it holds section.size / 8 relocated pointers, which LinuxKPI's KUnit reads (and skips when NULL).
        unsafe apus_kunit_run_suites(UnsafeRawPointer(bitPattern: UInt(base + UInt64(offset))), UInt(section.size / 8))
        return true
    }

    /// Sets each `p=v` (or bare `p`) word; unknown parameters are ignored with a warning, as Linux does.
    private static func setParameters(_ linked: LinkedModule, id: Int, name: [UInt8], arguments: [[UInt8]]) -> Int32 {
        for word in arguments {
            let equals = word.firstIndex(of: 0x3D)
            let key = Array(word[..<(equals ?? word.count)]) + [0]
            var valueAddress: UInt64 = 0
            if let equals {
                let value = Array(word[(equals + 1)...])
                guard let buffer = unsafe KernelHeap.allocate(size: value.count + 1, alignment: 1) else {
                    report(name) { $0.write("out of memory for parameter values") }
                    return enomem
                }
                // SAFETY: the buffer was just allocated with value.count + 1 bytes.
                unsafe value.withUnsafeBytes { unsafe buffer.copyMemory(from: $0.baseAddress!, byteCount: value.count) }
                unsafe buffer.storeBytes(of: 0, toByteOffset: value.count, as: UInt8.self)
                valueAddress = UInt64(UInt(bitPattern: buffer))
                Modules.addParameterValue(id, valueAddress)
            }
            // SAFETY: __param holds `parameterCount` struct kernel_param of the mapped module; `key` is
            // NUL-terminated and lives for the call; the value buffer lives until the module is unloaded.
            let status = unsafe key.withUnsafeBufferPointer { key in
                unsafe apus_module_set_param(UnsafeMutableRawPointer(bitPattern: UInt(linked.parameterAddress)),
                                             UInt32(linked.parameterCount), UnsafeRawPointer(key.baseAddress!)
                                                 .assumingMemoryBound(to: CChar.self),
                                             UnsafePointer<CChar>(bitPattern: UInt(valueAddress)))
            }
            if status == enoent {
                report(name, level: .warning) { line in
                    line.write("unknown parameter '")
                    line.write(contentsOf: key.dropLast())
                    line.write("' ignored")
                }
            } else if status != 0 {
                report(name) { line in
                    line.write("invalid parameter '")
                    line.write(contentsOf: word)
                    line.write("': ")
                    writeErrno(status, to: &line)
                }
                return status
            }
        }
        return 0
    }

    /// Undoes a load after registration: unregisters, unmaps, frees parameter values.
    private static func discard(_ id: Int) {
        guard let module = Modules.remove(id) else { return }
        release(module)
    }

    private static func release(_ module: LoadedModule) {
        ModuleArea.unmap(base: module.base, size: module.size)
        ModuleArea.release(module.base, size: module.size)
        for value in module.parameterValues {
            // SAFETY: each was allocated from the kernel heap by setParameters and is no longer referenced:
            // the module that could point at it is unmapped.
            unsafe KernelHeap.free(UnsafeMutableRawPointer(bitPattern: UInt(value))!)
        }
    }

    // MARK: - Unloading

    private static func unloadLocked(_ name: [UInt8]) -> Int32 {
        switch Modules.beginRemoval(name) {
        case .notLoaded:
            report(name) { $0.write("not loaded") }
            return enoent
        case .usedBy(let users):
            report(name) { line in
                line.write("in use by:")
                for user in users {
                    line.write(" ")
                    line.write(contentsOf: user)
                }
            }
            return ebusy
        case .referenced(let count):
            report(name) { line in
                line.write("in use (")
                line.writeDecimal(count)
                line.write(" references held)")
            }
            return ebusy
        case .noExit:
            report(name) { $0.write("has no exit function (module_exit): it cannot be unloaded") }
            return ebusy
        case .removable(let module):
            // SAFETY: cleanup_module is a function of this live module (exitAddress is set only for a
            // defined symbol), mapped executable until `release` below.
            unsafe module_call_exit(module.exitAddress!)
            _ = Modules.remove(module.id)
            release(module)
            log(.info) { line in
                line.write("modules: unloaded ")
                line.write(contentsOf: name)
            }
            return 0
        }
    }

    // MARK: - Messages

    /// `modules: NAME: …` in the kernel log (and on the console at the default level).
    private static func report(_ name: [UInt8], level: LogLevel = .error, _ compose: (inout LogLine) -> Void) {
        log(level) { line in
            line.write("modules: ")
            line.write(contentsOf: name)
            line.write(": ")
            compose(&line)
        }
    }

    /// `-19 (ENODEV)`.
    static func writeErrno<Sink: TextSink>(_ value: Int32, to sink: inout Sink) {
        sink.writeDecimal(value)
        if let name = LinuxErrno.name(value) {
            sink.write(" (")
            sink.write(name)
            sink.write(")")
        }
    }
}
