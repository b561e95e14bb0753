/* SPDX-License-Identifier: GPL-2.0-only */
/* do_div and friends live in <linux/math64.h>. */
#include <linux/math64.h>
