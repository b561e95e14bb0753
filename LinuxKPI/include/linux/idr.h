/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IDR (small integer ids mapped to pointers) and IDA (id allocation alone), built on the XArray as in Linux.
 * As in Linux, concurrent users of one IDR must serialise modifications themselves; lookups may run
 * alongside (the XArray's own lock keeps each call consistent).
 */
#ifndef __IDR_H__
#define __IDR_H__

#include <linux/xarray.h>
#include <linux/gfp.h>
#include <linux/bug.h>

struct idr {
	struct xarray idr_rt;
	unsigned int idr_base;
	unsigned int idr_next;
};

#define IDR_INIT_BASE(name, base) {					\
	.idr_rt = XARRAY_INIT(name.idr_rt, XA_FLAGS_ALLOC),		\
	.idr_base = (base),						\
	.idr_next = 0,							\
}
#define IDR_INIT(name) IDR_INIT_BASE(name, 0)
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)

static inline void idr_init_base(struct idr *idr, int base)
{
	xa_init_flags(&idr->idr_rt, XA_FLAGS_ALLOC);
	idr->idr_base = base;
	idr->idr_next = 0;
}
static inline void idr_init(struct idr *idr) { idr_init_base(idr, 0); }
static inline bool idr_is_empty(const struct idr *idr) { return xa_empty(&idr->idr_rt); }
static inline unsigned int idr_get_cursor(const struct idr *idr) { return READ_ONCE(idr->idr_next); }
static inline void idr_set_cursor(struct idr *idr, unsigned int val) { WRITE_ONCE(idr->idr_next, val); }

/* Allocation never needs a preload here (the XArray allocates under its own rules). */
static inline void idr_preload(gfp_t gfp_mask) { }
static inline void idr_preload_end(void) { }

int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int __must_check idr_alloc_u32(struct idr *idr, void *ptr, u32 *id, unsigned long max, gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_find(const struct idr *idr, unsigned long id);
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data);
void *idr_get_next(struct idr *idr, int *nextid);
void *idr_get_next_ul(struct idr *idr, unsigned long *nextid);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
void idr_destroy(struct idr *idr);

#define idr_for_each_entry(idr, entry, id) \
	for (id = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; id += 1U)
#define idr_for_each_entry_ul(idr, entry, tmp, id) \
	for (tmp = 0, id = 0; ((entry) = idr_get_next_ul(idr, &(id))) != NULL; id = tmp = id + 1)
#define idr_for_each_entry_continue(idr, entry, id) \
	for ((entry) = idr_get_next((idr), &(id)); entry; ++id, (entry) = idr_get_next((idr), &(id)))

struct ida {
	struct xarray xa;
};

#define IDA_INIT_FLAGS	(XA_FLAGS_LOCK_IRQ | XA_FLAGS_ALLOC)
#define IDA_INIT(name) { .xa = XARRAY_INIT(name.xa, IDA_INIT_FLAGS) }
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

static inline void ida_init(struct ida *ida) { xa_init_flags(&ida->xa, IDA_INIT_FLAGS); }
static inline bool ida_is_empty(const struct ida *ida) { return xa_empty(&ida->xa); }

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);

static inline int ida_alloc(struct ida *ida, gfp_t gfp) { return ida_alloc_range(ida, 0, ~0, gfp); }
static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0, gfp);
}
static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

#define ida_simple_get(ida, start, end, gfp) \
	ida_alloc_range(ida, start, (end) ? ((end) - 1) : ~0, gfp)
#define ida_simple_remove(ida, id) ida_free(ida, id)

#endif
