// SPDX-License-Identifier: GPL-2.0-only
// The bridge's module section (LinuxKPI/src/module.c): references on a module's struct module.
import KernelCore

/// try_module_get: a reference on the module whose `struct module` (`__this_module`) is at `module`.
@_cdecl("apus_module_get")
func apusModuleGet(_ module: UInt) -> Bool {
    Modules.get(UInt64(module))
}

/// __module_get: a reference even while the module exits (the caller already holds one).
@_cdecl("apus_module_get_always")
func apusModuleGetAlways(_ module: UInt) {
    _ = Modules.get(UInt64(module), evenIfGoing: true)
}

/// module_put.
@_cdecl("apus_module_put")
func apusModulePut(_ module: UInt) {
    Modules.put(UInt64(module))
}

/// apus_test_print (LinuxKPI/src/module.c), for the module system tests: one line into the kernel log.
@_cdecl("apus_module_test_print")
func apusModuleTestPrint(_ text: UnsafePointer<CChar>) {
    var bytes: [UInt8] = []
    // SAFETY: the caller passes a NUL-terminated string; at most 200 bytes of it are read.
    while bytes.count < 200, unsafe text[bytes.count] != 0 { bytes.append(UInt8(bitPattern: unsafe text[bytes.count])) }
    log(.info) { $0.write(contentsOf: bytes) }
}
