// SPDX-License-Identifier: GPL-2.0-only
// The bridge's "interrupts" section: Linux irqs (LinuxIRQ) and softirq calls (Softirq) for LinuxKPI's
// irq.c and softirq.c.

/// request_threaded_irq: 0 or a negative errno (-EINVAL unknown irq or bad arguments, -EBUSY sharing
/// refused, -ENOMEM no thread). May sleep.
@_cdecl("apus_irq_request")
func apus_irq_request(_ irq: UInt32, _ handler: LinuxIRQHandler?, _ threadFunction: LinuxIRQHandler?, _ flags: UInt,
                      _ name: UnsafePointer<CChar>?, _ cookie: UnsafeMutableRawPointer?) -> Int32 {
    // SAFETY: the pointers are kept as given and handed back to the C handlers only.
    unsafe LinuxIRQ.request(irq: irq, handler: handler, threadFunction: threadFunction, flags: flags,
                     name: UInt(bitPattern: name), cookie: UInt(bitPattern: cookie))
}

/// free_irq: the name given to request, or NULL when `cookie` has no action on `irq`. May sleep.
@_cdecl("apus_irq_free")
func apus_irq_free(_ irq: UInt32, _ cookie: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
    // SAFETY: turns back into the pointer the caller passed to request.
    unsafe UnsafePointer<CChar>(bitPattern: LinuxIRQ.free(irq: irq, cookie: UInt(bitPattern: cookie)))
}

/// disable_irq (synchronously: waits for running handlers, may sleep) or disable_irq_nosync.
@_cdecl("apus_irq_disable")
func apus_irq_disable(_ irq: UInt32, _ synchronously: Bool) {
    LinuxIRQ.disable(irq: irq, synchronously: synchronously)
}

@_cdecl("apus_irq_enable")
func apus_irq_enable(_ irq: UInt32) {
    LinuxIRQ.enable(irq: irq)
}

/// synchronize_irq; false for an unknown irq. May sleep.
@_cdecl("apus_irq_synchronize")
func apus_irq_synchronize(_ irq: UInt32) -> Bool {
    LinuxIRQ.synchronize(irq: irq)
}

/// Queues `callback(context)` on this CPU's softirq thread; false before the threads exist.
@_cdecl("apus_softirq_raise")
func apus_softirq_raise(_ callback: Softirq.Callback, _ context: UnsafeMutableRawPointer?, _ high: Bool) -> Bool {
    // SAFETY: the context travels with its callback; the caller keeps it alive until the call.
    unsafe Softirq.raise(callback, context: context, high: high)
}
