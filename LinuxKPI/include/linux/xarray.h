/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XArray: a map from unsigned long indices to pointers (or value entries), behind xa_lock. Apus stores the
 * present entries in one array sorted by index (binary search; inserts move the tail), which is simple and
 * correct; Linux's radix tree is faster for huge, dense arrays. The API and its entry encoding (value
 * entries, errors, the zero entry of reserved slots), marks, allocating arrays and the locking rules
 * (xa_* take the lock, __xa_* expect it held and may drop it to allocate if gfp allows) follow Linux.
 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>

/* ---- entries ---- */

static inline void *xa_mk_value(unsigned long v)
{
	WARN_ON((long)v < 0);
	return (void *)((v << 1) | 1);
}
static inline unsigned long xa_to_value(const void *entry) { return (unsigned long)entry >> 1; }
static inline bool xa_is_value(const void *entry) { return (unsigned long)entry & 1; }
static inline void *xa_tag_pointer(void *p, unsigned long tag) { return (void *)((unsigned long)p | tag); }
static inline void *xa_untag_pointer(void *entry) { return (void *)((unsigned long)entry & ~3UL); }
static inline unsigned int xa_pointer_tag(void *entry) { return (unsigned long)entry & 3UL; }
static inline void *xa_mk_internal(unsigned long v) { return (void *)((v << 2) | 2); }
static inline unsigned long xa_to_internal(const void *entry) { return (unsigned long)entry >> 2; }
static inline bool xa_is_internal(const void *entry) { return ((unsigned long)entry & 3) == 2; }

#define XA_ZERO_ENTRY		xa_mk_internal(257)
static inline bool xa_is_zero(const void *entry) { return unlikely(entry == XA_ZERO_ENTRY); }

static inline bool xa_is_err(const void *entry)
{
	return unlikely(xa_is_internal(entry) && entry >= xa_mk_internal(-MAX_ERRNO));
}
static inline int xa_err(void *entry)
{
	if (xa_is_err(entry))
		return (long)entry >> 2;
	return 0;
}
#define XA_ERROR(errno) ((void *)(((unsigned long)(errno) << 2) | 2UL))

/* ---- the array ---- */

typedef unsigned __bitwise xa_mark_t;
#define XA_MARK_0		((__force xa_mark_t)0U)
#define XA_MARK_1		((__force xa_mark_t)1U)
#define XA_MARK_2		((__force xa_mark_t)2U)
#define XA_PRESENT		((__force xa_mark_t)8U)
#define XA_MARK_MAX		XA_MARK_2
#define XA_FREE_MARK		XA_MARK_0

enum xa_lock_type {
	XA_LOCK_IRQ = 1,
	XA_LOCK_BH = 2,
};

#define XA_FLAGS_LOCK_IRQ	((__force gfp_t)XA_LOCK_IRQ)
#define XA_FLAGS_LOCK_BH	((__force gfp_t)XA_LOCK_BH)
#define XA_FLAGS_TRACK_FREE	((__force gfp_t)4U)
#define XA_FLAGS_ZERO_BUSY	((__force gfp_t)8U)
#define XA_FLAGS_ALLOC_WRAPPED	((__force gfp_t)16U)
#define XA_FLAGS_ACCOUNT	((__force gfp_t)32U)
#define XA_FLAGS_ALLOC		(XA_FLAGS_TRACK_FREE)
#define XA_FLAGS_ALLOC1		(XA_FLAGS_TRACK_FREE | XA_FLAGS_ZERO_BUSY)

/* One present index (Apus's representation). */
struct xa_slot {
	unsigned long index;
	void *entry;
	unsigned int marks;
};

struct xarray {
	spinlock_t xa_lock;
	gfp_t xa_flags;
	struct xa_slot *xa_slots;	/* sorted by index */
	unsigned int xa_count;
	unsigned int xa_capacity;
};

#define XARRAY_INIT(name, flags) {				\
	.xa_lock = __SPIN_LOCK_UNLOCKED(name.xa_lock),		\
	.xa_flags = flags,					\
	.xa_slots = NULL,					\
	.xa_count = 0,						\
	.xa_capacity = 0,					\
}
#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name) DEFINE_XARRAY_FLAGS(name, 0)
#define DEFINE_XARRAY_ALLOC(name) DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC)
#define DEFINE_XARRAY_ALLOC1(name) DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC1)

struct xa_limit {
	u32 max;
	u32 min;
};
#define XA_LIMIT(_min, _max) (struct xa_limit) { .min = _min, .max = _max }
#define xa_limit_32b	XA_LIMIT(0, UINT_MAX)
#define xa_limit_31b	XA_LIMIT(0, INT_MAX)
#define xa_limit_16b	XA_LIMIT(0, USHRT_MAX)

static inline void xa_init_flags(struct xarray *xa, gfp_t flags)
{
	spin_lock_init(&xa->xa_lock);
	xa->xa_flags = flags;
	xa->xa_slots = NULL;
	xa->xa_count = 0;
	xa->xa_capacity = 0;
}
static inline void xa_init(struct xarray *xa) { xa_init_flags(xa, 0); }
static inline bool xa_empty(const struct xarray *xa) { return xa->xa_count == 0; }
static inline bool xa_marked(const struct xarray *xa, xa_mark_t mark);

#define xa_lock(xa)		spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa)		spin_unlock(&(xa)->xa_lock)
#define xa_lock_bh(xa)		spin_lock_bh(&(xa)->xa_lock)
#define xa_unlock_bh(xa)	spin_unlock_bh(&(xa)->xa_lock)
#define xa_lock_irq(xa)		spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa)	spin_unlock_irq(&(xa)->xa_lock)
#define xa_lock_irqsave(xa, flags) spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, flags) spin_unlock_irqrestore(&(xa)->xa_lock, flags)

void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
void *xa_store_range(struct xarray *xa, unsigned long first, unsigned long last, void *entry, gfp_t gfp);
bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void *xa_find(struct xarray *xa, unsigned long *index, unsigned long max, xa_mark_t filter);
void *xa_find_after(struct xarray *xa, unsigned long *index, unsigned long max, xa_mark_t filter);
unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start, unsigned long max,
			unsigned int n, xa_mark_t filter);
void xa_destroy(struct xarray *xa);

void *__xa_erase(struct xarray *xa, unsigned long index);
void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);
int __must_check __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
int __must_check __xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp);
int __must_check __xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, u32 *next,
				   gfp_t gfp);
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

static inline bool xa_marked(const struct xarray *xa, xa_mark_t mark)
{
	unsigned int i;

	for (i = 0; i < xa->xa_count; i++)
		if (xa->xa_slots[i].marks & (1U << (__force unsigned int)mark))
			return true;
	return false;
}

/* The locked forms: take xa_lock (with interrupts or bottom halves off if the array was made so). */
#define __XA_LOCKED(xa, expr)							\
({										\
	unsigned long __xa_flags;						\
	typeof(expr) __xa_result;						\
	if ((xa)->xa_flags & XA_FLAGS_LOCK_IRQ) {				\
		xa_lock_irqsave(xa, __xa_flags);				\
		__xa_result = (expr);						\
		xa_unlock_irqrestore(xa, __xa_flags);				\
	} else if ((xa)->xa_flags & XA_FLAGS_LOCK_BH) {				\
		xa_lock_bh(xa);							\
		__xa_result = (expr);						\
		xa_unlock_bh(xa);						\
	} else {								\
		xa_lock(xa);							\
		__xa_result = (expr);						\
		xa_unlock(xa);							\
		(void)__xa_flags;						\
	}									\
	__xa_result;								\
})

static inline void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	return __XA_LOCKED(xa, __xa_cmpxchg(xa, index, old, entry, gfp));
}
static inline int __must_check xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	return __XA_LOCKED(xa, __xa_insert(xa, index, entry, gfp));
}
static inline int __must_check xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp)
{
	return __XA_LOCKED(xa, __xa_alloc(xa, id, entry, limit, gfp));
}
static inline int xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, u32 *next,
				  gfp_t gfp)
{
	return __XA_LOCKED(xa, __xa_alloc_cyclic(xa, id, entry, limit, next, gfp));
}
#define xa_store_bh xa_store
#define xa_store_irq xa_store
#define xa_erase_bh xa_erase
#define xa_erase_irq xa_erase
#define xa_insert_bh xa_insert
#define xa_insert_irq xa_insert
#define xa_alloc_bh xa_alloc
#define xa_alloc_irq xa_alloc

static inline int __must_check xa_reserve(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	return xa_err(xa_cmpxchg(xa, index, NULL, XA_ZERO_ENTRY, gfp));
}
static inline void xa_release(struct xarray *xa, unsigned long index)
{
	xa_cmpxchg(xa, index, XA_ZERO_ENTRY, NULL, 0);
}

#define xa_for_each_range(xa, index, entry, start, last)			\
	for (index = start, entry = xa_find(xa, &index, last, XA_PRESENT);	\
	     entry;								\
	     entry = xa_find_after(xa, &index, last, XA_PRESENT))
#define xa_for_each_start(xa, index, entry, start) xa_for_each_range(xa, index, entry, start, ULONG_MAX)
#define xa_for_each(xa, index, entry) xa_for_each_start(xa, index, entry, 0)
#define xa_for_each_marked(xa, index, entry, filter)				\
	for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, filter);	\
	     entry;								\
	     entry = xa_find_after(xa, &index, ULONG_MAX, filter))

#endif
