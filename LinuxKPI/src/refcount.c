// SPDX-License-Identifier: GPL-2.0-only
/* refcount_t's misuse report: pin the counter at REFCOUNT_SATURATED and warn once per kind of misuse. */
#include <linux/refcount.h>
#include <linux/bug.h>
#include <linux/export.h>

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);

	switch (t) {
	case REFCOUNT_ADD_NOT_ZERO_OVF:
		WARN_ONCE(1, "refcount_t: saturated; leaking memory.\n");
		break;
	case REFCOUNT_ADD_OVF:
		WARN_ONCE(1, "refcount_t: saturated; leaking memory.\n");
		break;
	case REFCOUNT_ADD_UAF:
		WARN_ONCE(1, "refcount_t: addition on 0; use-after-free.\n");
		break;
	case REFCOUNT_SUB_UAF:
		WARN_ONCE(1, "refcount_t: underflow; use-after-free.\n");
		break;
	case REFCOUNT_DEC_LEAK:
		WARN_ONCE(1, "refcount_t: decrement hit 0; leaking memory.\n");
		break;
	default:
		WARN_ONCE(1, "refcount_t: unknown saturation event!?\n");
	}
}
EXPORT_SYMBOL(refcount_warn_saturate);
