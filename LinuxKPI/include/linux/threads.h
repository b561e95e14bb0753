/* SPDX-License-Identifier: GPL-2.0-only */
/* Limits on CPUs and process ids. */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#define NR_CPUS CONFIG_NR_CPUS
#define PID_MAX_DEFAULT 0x8000
#define PID_MAX_LIMIT PID_MAX_DEFAULT

#endif
