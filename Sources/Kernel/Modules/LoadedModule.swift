// SPDX-License-Identifier: GPL-2.0-only
// What the kernel keeps of a loaded module: where it lives, what it exports, whom it depends on.
import KernelCore

struct LoadedModule {
    enum Status {
        /// Parameters being set or init running: its exports are not yet visible.
        case coming
        case live
        /// Exit running: references can no longer be taken.
        case going
    }

    let id: Int
    let name: [UInt8]
    var status: Status
    let base: UInt64
    let size: Int
    let thisModule: UInt64?
    let exitAddress: UInt64?
    let exports: [ModuleExport]
    let functions: ModuleFunctionTable
    /// The modules (ids) whose exports this one uses: each cannot go while this one is loaded.
    let providers: [Int]
    /// References taken with try_module_get/__module_get and not yet put.
    var references = 0
    /// Heap copies of parameter values, which charp parameters point into; freed on unload.
    var parameterValues: [UInt64] = []

    func contains(_ address: UInt64) -> Bool { address >= base && address < base + UInt64(size) }
}
