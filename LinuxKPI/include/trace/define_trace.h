/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Included at the end of a trace header by the one file that defines CREATE_TRACE_POINTS. Without
 * CONFIG_TRACEPOINTS there is nothing to define, as in Linux.
 */
#undef CREATE_TRACE_POINTS
