/* SPDX-License-Identifier: GPL-2.0-only */
/* The atomic operations and cmpxchg live in <linux/atomic.h>. */
#include <linux/atomic.h>
