// SPDX-License-Identifier: GPL-2.0-only
/*
 * IDR and IDA on the XArray, as Linux builds them: an IDR is an allocating XArray whose ids are offset by
 * idr_base; an IDA stores a value entry per allocated id (Linux packs bitmaps; one slot per id is simpler).
 */
#include <linux/idr.h>
#include <linux/export.h>
#include <linux/slab.h>

int idr_alloc_u32(struct idr *idr, void *ptr, u32 *nextid, unsigned long max, gfp_t gfp)
{
	unsigned int base = idr->idr_base;
	u32 id;
	int rc;

	if (WARN_ON_ONCE(xa_is_internal(ptr)))
		return -EINVAL;
	if (*nextid < base || max < base)
		return -ENOSPC;
	rc = xa_alloc(&idr->idr_rt, &id, ptr, XA_LIMIT(*nextid - base, min_t(unsigned long, max - base, UINT_MAX)),
		      gfp);
	if (rc == -EBUSY)
		return -ENOSPC;
	if (rc)
		return rc;
	*nextid = id + base;
	return 0;
}
EXPORT_SYMBOL_GPL(idr_alloc_u32);

/* An id in [start, end) (end <= 0: up to INT_MAX) for ptr; the id, -ENOSPC or -ENOMEM. */
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 id = start;
	int ret;

	if (WARN_ON_ONCE(start < 0))
		return -EINVAL;
	ret = idr_alloc_u32(idr, ptr, &id, end > 0 ? end - 1 : INT_MAX, gfp);
	if (ret)
		return ret;
	return id;
}
EXPORT_SYMBOL_GPL(idr_alloc);

/* Like idr_alloc, starting after the id handed out last and wrapping around to start. */
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 id = idr->idr_next;
	int err, max = end > 0 ? end - 1 : INT_MAX;

	if ((int)id < start)
		id = start;
	err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	if ((err == -ENOSPC) && (id > start)) {
		id = start;
		err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	}
	if (err)
		return err;
	idr->idr_next = id + 1;
	return id;
}
EXPORT_SYMBOL(idr_alloc_cyclic);

void *idr_remove(struct idr *idr, unsigned long id)
{
	if (id < idr->idr_base)
		return NULL;
	return xa_erase(&idr->idr_rt, id - idr->idr_base);
}
EXPORT_SYMBOL_GPL(idr_remove);

void *idr_find(const struct idr *idr, unsigned long id)
{
	if (id < idr->idr_base)
		return NULL;
	return xa_load((struct xarray *)&idr->idr_rt, id - idr->idr_base);
}
EXPORT_SYMBOL_GPL(idr_find);

/* Calls fn for each present (non-NULL) entry in id order; stops at and returns fn's first non-zero result. */
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data)
{
	struct xarray *xa = (struct xarray *)&idr->idr_rt;
	unsigned long index;
	void *entry;

	xa_for_each(xa, index, entry) {
		int ret;

		if (WARN_ON_ONCE(index + idr->idr_base > INT_MAX))
			break;
		ret = fn(index + idr->idr_base, entry, data);
		if (ret)
			return ret;
	}
	return 0;
}
EXPORT_SYMBOL(idr_for_each);

void *idr_get_next_ul(struct idr *idr, unsigned long *nextid)
{
	unsigned long index;
	void *entry;

	if (*nextid < idr->idr_base)
		*nextid = idr->idr_base;
	index = *nextid - idr->idr_base;
	entry = xa_find(&idr->idr_rt, &index, ULONG_MAX, XA_PRESENT);
	if (entry)
		*nextid = index + idr->idr_base;
	return entry;
}
EXPORT_SYMBOL(idr_get_next_ul);

void *idr_get_next(struct idr *idr, int *nextid)
{
	unsigned long id = *nextid;
	void *entry = idr_get_next_ul(idr, &id);

	if (WARN_ON_ONCE(id > INT_MAX))
		return NULL;
	*nextid = id;
	return entry;
}
EXPORT_SYMBOL(idr_get_next);

/* Replaces the entry at an allocated id; ERR_PTR(-ENOENT) when id is not allocated. */
void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
	struct xarray *xa = &idr->idr_rt;
	unsigned long index;
	unsigned int i;
	void *old;

	if (WARN_ON_ONCE(xa_is_internal(ptr)))
		return ERR_PTR(-EINVAL);
	if (id < idr->idr_base)
		return ERR_PTR(-ENOENT);
	index = id - idr->idr_base;
	xa_lock(xa);
	for (i = 0; i < xa->xa_count && xa->xa_slots[i].index != index; i++)
		;
	if (i == xa->xa_count) {
		xa_unlock(xa);
		return ERR_PTR(-ENOENT);
	}
	/* Present (or reserved): the store replaces in place and cannot fail. */
	old = __xa_store(xa, index, ptr, GFP_NOWAIT);
	xa_unlock(xa);
	return old;
}
EXPORT_SYMBOL(idr_replace);

void idr_destroy(struct idr *idr)
{
	xa_destroy(&idr->idr_rt);
}
EXPORT_SYMBOL(idr_destroy);

/* ---- IDA ---- */

/* The lowest free id in [min, max]: the id, -ENOSPC, or -ENOMEM. */
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	u32 id;
	int rc;

	if ((int)min < 0)
		return -ENOSPC;
	if ((int)max < 0)
		max = INT_MAX;
	rc = xa_alloc(&ida->xa, &id, xa_mk_value(1), XA_LIMIT(min, max), gfp);
	if (rc == -EBUSY)
		return -ENOSPC;
	return rc ? rc : (int)id;
}
EXPORT_SYMBOL(ida_alloc_range);

void ida_free(struct ida *ida, unsigned int id)
{
	BUG_ON((int)id < 0);
	if (!xa_erase(&ida->xa, id))
		WARN(1, "ida_free called for id=%d which is not allocated.\n", id);
}
EXPORT_SYMBOL(ida_free);

void ida_destroy(struct ida *ida)
{
	xa_destroy(&ida->xa);
}
EXPORT_SYMBOL(ida_destroy);
