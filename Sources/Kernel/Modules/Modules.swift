// SPDX-License-Identifier: GPL-2.0-only
// The loaded modules: the registry, symbol resolution against the kernel and live modules, references
// (try_module_get, dependencies) and the lookups for lsmod and backtraces.
import KernelCore

enum Modules {
    private struct State {
        var modules: [LoadedModule] = []
        var nextID = 1
    }
    nonisolated(unsafe) private static var state = State()
    private static let lock = SpinLock()

    /// The one access path to `state`. Module code never runs under it.
    private static func withState<Result>(_ body: (inout State) -> Result) -> Result {
        // SAFETY: `lock` serialises every access to `state`, on every CPU.
        lock.withLock { unsafe body(&state) }
    }

    /// Serialises insmod and rmmod, which run module code that may sleep.
    static let operations = Mutex()

    // MARK: - Registry

    static func isLoaded(_ name: [UInt8]) -> Bool {
        withState { $0.modules.contains { $0.name == name } }
    }

    static func nextID() -> Int {
        withState { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
    }

    static func add(_ module: LoadedModule) {
        withState { $0.modules.append(module) }
    }

    /// Removes module `id` and returns its record.
    static func remove(_ id: Int) -> LoadedModule? {
        withState { state in
            guard let index = state.modules.firstIndex(where: { $0.id == id }) else { return nil }
            return state.modules.remove(at: index)
        }
    }

    static func setStatus(_ id: Int, _ status: LoadedModule.Status) {
        withState { state in
            guard let index = state.modules.firstIndex(where: { $0.id == id }) else { return }
            state.modules[index].status = status
        }
    }

    static func addParameterValue(_ id: Int, _ address: UInt64) {
        withState { state in
            guard let index = state.modules.firstIndex(where: { $0.id == id }) else { return }
            state.modules[index].parameterValues.append(address)
        }
    }

    /// `name`, `size`, reference count (users + references) and users' names, for lsmod, newest first.
    static var list: [(name: [UInt8], size: Int, count: Int, users: [[UInt8]])] {
        withState { state in
            state.modules.reversed().map { module in
                let users = state.modules.filter { $0.providers.contains(module.id) }.map { $0.name }
                return (module.name, module.size, users.count + module.references, users)
            }
        }
    }

    // MARK: - Symbols

    /// An import by name: the kernel's exports first, then those of live modules.
    static func resolve(_ name: [UInt8]) -> ModuleImport? {
        if let export = KernelExports.lookup(name) {
            return ModuleImport(address: export.address, gplOnly: export.gplOnly, provider: nil)
        }
        return withState { state in
            for module in state.modules where module.status == .live {
                if let export = module.exports.first(where: { $0.name == name }) {
                    return ModuleImport(address: export.address, gplOnly: export.gplOnly, provider: module.id)
                }
            }
            return nil
        }
    }

    /// Who already exports `name` ("kernel" or a module's name), if anyone.
    static func exporter(of name: [UInt8]) -> [UInt8]? {
        if KernelExports.lookup(name) != nil { return ByteReader.bytes(of: "kernel") }
        return withState { state in
            state.modules.first { $0.exports.contains { $0.name == name } }?.name
        }
    }

    /// The module function holding `address` for a backtrace: `(function, offset, module name)`.
    static func symbolize(_ address: UInt64) -> (name: [UInt8], offset: UInt64, module: [UInt8])? {
        guard ModuleArea.contains(address) else { return nil }
        return withState { state in
            guard let module = state.modules.first(where: { $0.contains(address) }),
                  let (function, offset) = module.functions.lookup(address) else { return nil }
            return (function.name, offset, module.name)
        }
    }

    // MARK: - References

    /// try_module_get on the module whose `struct module` is at `thisModule`: fails once its exit began.
    static func get(_ thisModule: UInt64, evenIfGoing: Bool = false) -> Bool {
        withState { state in
            guard let index = state.modules.firstIndex(where: { $0.thisModule == thisModule }),
                  evenIfGoing || state.modules[index].status != .going else { return false }
            state.modules[index].references += 1
            return true
        }
    }

    static func put(_ thisModule: UInt64) {
        withState { state in
            guard let index = state.modules.firstIndex(where: { $0.thisModule == thisModule }),
                  state.modules[index].references > 0 else { return }
            state.modules[index].references -= 1
        }
    }

    /// Why module `name` cannot be removed now, or its record after marking it going.
    enum RemovalCheck {
        case notLoaded
        case usedBy([[UInt8]])
        case referenced(Int)
        case noExit
        case removable(LoadedModule)
    }

    /// Checks and marks in one step, so that no reference is taken between the check and the exit.
    static func beginRemoval(_ name: [UInt8]) -> RemovalCheck {
        withState { state in
            guard let index = state.modules.firstIndex(where: { $0.name == name && $0.status == .live }) else {
                return .notLoaded
            }
            let module = state.modules[index]
            let users = state.modules.filter { $0.providers.contains(module.id) }.map { $0.name }
            if !users.isEmpty { return .usedBy(users) }
            if module.references > 0 { return .referenced(module.references) }
            if module.exitAddress == nil { return .noExit }
            state.modules[index].status = .going
            return .removable(state.modules[index])
        }
    }
}
