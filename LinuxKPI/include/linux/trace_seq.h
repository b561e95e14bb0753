/* SPDX-License-Identifier: GPL-2.0-only */
/* The buffer trace events print into; only named here, since Apus has no tracing (CONFIG_TRACING off). */
#ifndef _LINUX_TRACE_SEQ_H
#define _LINUX_TRACE_SEQ_H

struct trace_seq;

#endif
