// SPDX-License-Identifier: GPL-2.0-only
// The bridge's module section (LinuxKPI/src/module.c): references on a module's struct module.

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
