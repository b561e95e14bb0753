// SPDX-License-Identifier: GPL-2.0-only
// Imports of Debian's Linux modules that exist only because of Debian's kernel configuration and vanish
// when the same source is compiled against LinuxKPI with Apus' configuration: the census reports them
// separately instead of counting them as missing.

/// One family of configuration-dependent symbols: exact names, name prefixes, and why they vanish.
public struct ConfigSymbolRule: Sendable {
    public let label: String
    public let reason: String
    let names: Set<String>
    let prefixes: [String]

    public func matches(_ symbol: String) -> Bool {
        names.contains(symbol) || prefixes.contains { symbol.hasPrefix($0) }
    }
}

public enum ConfigSymbols {
    /// The families, in the order the census reports them. Apus builds modules with `-fno-stack-protector`,
    /// without `-mfentry`/`-pg`, without retpolines or return thunks, and its configuration has no
    /// CONFIG_TRACEPOINTS, CONFIG_EVENT_TRACING, CONFIG_HAVE_STATIC_CALL or CONFIG_PREEMPT_DYNAMIC.
    public static let rules: [ConfigSymbolRule] = [
        ConfigSymbolRule(label: "__fentry__", reason: "ftrace's call at every function entry (-mfentry, CONFIG_FUNCTION_TRACER)",
                         names: ["__fentry__"], prefixes: []),
        ConfigSymbolRule(label: "__x86_return_thunk", reason: "return thunks (CONFIG_RETHUNK)",
                         names: ["__x86_return_thunk"], prefixes: []),
        ConfigSymbolRule(label: "__x86_indirect_thunk_*", reason: "retpolines (CONFIG_RETPOLINE)",
                         names: [], prefixes: ["__x86_indirect_thunk_"]),
        ConfigSymbolRule(label: "__stack_chk_fail", reason: "the stack protector (CONFIG_STACKPROTECTOR)",
                         names: ["__stack_chk_fail"], prefixes: []),
        ConfigSymbolRule(label: "__SCT__*, __SCK__*",
                         reason: "static calls and their keys (CONFIG_HAVE_STATIC_CALL: preemption points of PREEMPT_DYNAMIC, tracepoints' __SCT__tp_func_*)",
                         names: [], prefixes: ["__SCT__", "__SCK__"]),
        ConfigSymbolRule(label: "__tracepoint_*, __traceiter_*", reason: "tracepoints (CONFIG_TRACEPOINTS)",
                         names: [], prefixes: ["__tracepoint_", "__traceiter_"]),
        ConfigSymbolRule(label: "trace-event support",
                         reason: "what TRACE_EVENT() expands to in a module that defines its own events (CONFIG_EVENT_TRACING, CONFIG_PERF_EVENTS, CONFIG_BPF_EVENTS; Linux 6.1's include/trace/trace_events.h, perf.h, bpf_probe.h)",
                         names: [
                             "trace_event_raw_init", "trace_event_reg", "trace_event_printf",
                             "trace_event_buffer_reserve", "trace_event_buffer_commit",
                             "trace_event_buffer_lock_reserve", "trace_event_ignore_this_pid",
                             "trace_buffer_unlock_commit", "trace_raw_output_prep", "trace_handle_return",
                             "trace_output_call", "trace_print_symbols_seq", "trace_print_symbols_seq_u64",
                             "trace_print_flags_seq", "trace_print_flags_seq_u64", "trace_print_bitmask_seq",
                             "trace_print_hex_seq", "trace_print_hex_dump_seq", "trace_print_array_seq",
                             "__trace_trigger_soft_disabled", "event_triggers_call", "event_triggers_post_call",
                             "perf_trace_buf_alloc", "perf_trace_run_bpf_submit",
                         ],
                         prefixes: ["bpf_trace_run"]),
    ]

    /// The index in `rules` of the family `symbol` belongs to, or nil when it is an import Apus must provide.
    public static func ruleIndex(for symbol: String) -> Int? {
        rules.firstIndex { $0.matches(symbol) }
    }
}
