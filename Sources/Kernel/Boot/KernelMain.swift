// SPDX-License-Identifier: GPL-2.0-only
// The kernel's Swift entry point: brings up each subsystem in order, then runs the shell.
import KernelSupport

@_cdecl("apus_main")
func kernelMain(magic: UInt32, bootInfo: UInt32) {
    SerialPort.com1.initialize()
    for b in "Apus booting\r\n".utf8 { SerialPort.com1.putPolled(b) }
    cpu_halt_forever()
}
