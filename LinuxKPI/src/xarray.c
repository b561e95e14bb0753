// SPDX-License-Identifier: GPL-2.0-only
/*
 * The XArray as one array of present entries sorted by index (see linux/xarray.h). Every function runs
 * with xa_lock held: the xa_* forms take it, the __xa_* forms expect it and drop it only to grow the array
 * with an allocation that may sleep (when gfp allows), as Linux's do.
 */
#include <linux/xarray.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>

/* The position of index in the array, or where it would go (found tells which). */
static unsigned int xa_position(const struct xarray *xa, unsigned long index, bool *found)
{
	unsigned int low = 0, high = xa->xa_count;

	while (low < high) {
		unsigned int mid = low + (high - low) / 2;

		if (xa->xa_slots[mid].index < index)
			low = mid + 1;
		else
			high = mid;
	}
	*found = low < xa->xa_count && xa->xa_slots[low].index == index;
	return low;
}

static void xa_lock_for(struct xarray *xa, unsigned long *flags)
{
	if (xa->xa_flags & XA_FLAGS_LOCK_IRQ)
		spin_lock_irqsave(&xa->xa_lock, *flags);
	else if (xa->xa_flags & XA_FLAGS_LOCK_BH)
		spin_lock_bh(&xa->xa_lock);
	else
		spin_lock(&xa->xa_lock);
}

static void xa_unlock_for(struct xarray *xa, unsigned long flags)
{
	if (xa->xa_flags & XA_FLAGS_LOCK_IRQ)
		spin_unlock_irqrestore(&xa->xa_lock, flags);
	else if (xa->xa_flags & XA_FLAGS_LOCK_BH)
		spin_unlock_bh(&xa->xa_lock);
	else
		spin_unlock(&xa->xa_lock);
}

/* Drops and retakes the lock of a locked array around a sleeping allocation, by its lock type. */
static void xa_drop_lock(struct xarray *xa)
{
	if (xa->xa_flags & XA_FLAGS_LOCK_IRQ)
		spin_unlock_irq(&xa->xa_lock);
	else if (xa->xa_flags & XA_FLAGS_LOCK_BH)
		spin_unlock_bh(&xa->xa_lock);
	else
		spin_unlock(&xa->xa_lock);
}

static void xa_retake_lock(struct xarray *xa)
{
	if (xa->xa_flags & XA_FLAGS_LOCK_IRQ)
		spin_lock_irq(&xa->xa_lock);
	else if (xa->xa_flags & XA_FLAGS_LOCK_BH)
		spin_lock_bh(&xa->xa_lock);
	else
		spin_lock(&xa->xa_lock);
}

/*
 * Makes room for one more slot. Lock held on entry and exit; dropped around an allocation that may
 * sleep, so the caller must look its position up again afterwards. 0 or -ENOMEM.
 */
static int xa_reserve_room(struct xarray *xa, gfp_t gfp)
{
	struct xa_slot *bigger, *old = NULL;
	unsigned int capacity;

	while (xa->xa_count == xa->xa_capacity) {
		capacity = xa->xa_capacity ? xa->xa_capacity * 2 : 8;
		if (gfpflags_allow_blocking(gfp)) {
			xa_drop_lock(xa);
			bigger = kmalloc_array(capacity, sizeof(*bigger), gfp);
			xa_retake_lock(xa);
		} else {
			bigger = kmalloc_array(capacity, sizeof(*bigger), gfp | GFP_NOWAIT);
		}
		if (!bigger)
			return -ENOMEM;
		if (xa->xa_count < xa->xa_capacity || capacity <= xa->xa_capacity) {
			/* Someone else grew (or shrank) the array meanwhile. */
			kfree(bigger);
			continue;
		}
		if (xa->xa_count)
			memcpy(bigger, xa->xa_slots, xa->xa_count * sizeof(*bigger));
		old = xa->xa_slots;
		xa->xa_slots = bigger;
		xa->xa_capacity = capacity;
		kfree(old);
	}
	return 0;
}

static void xa_remove_at(struct xarray *xa, unsigned int pos)
{
	memmove(&xa->xa_slots[pos], &xa->xa_slots[pos + 1], (xa->xa_count - pos - 1) * sizeof(struct xa_slot));
	xa->xa_count--;
}

/* Inserts index (not present) with entry; lock held. Reserves room first. */
static int xa_insert_new(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	unsigned int pos;
	bool found;
	int rc = xa_reserve_room(xa, gfp);

	if (rc)
		return rc;
	pos = xa_position(xa, index, &found);
	if (found) {
		/* Filled while the lock was dropped: store over it. */
		xa->xa_slots[pos].entry = entry;
		return 0;
	}
	memmove(&xa->xa_slots[pos + 1], &xa->xa_slots[pos], (xa->xa_count - pos) * sizeof(struct xa_slot));
	xa->xa_slots[pos].index = index;
	xa->xa_slots[pos].entry = entry;
	xa->xa_slots[pos].marks = 0;
	xa->xa_count++;
	return 0;
}

static bool xa_track_free(const struct xarray *xa)
{
	return xa->xa_flags & XA_FLAGS_TRACK_FREE;
}

void *xa_load(struct xarray *xa, unsigned long index)
{
	unsigned long flags = 0;
	unsigned int pos;
	bool found;
	void *entry = NULL;

	xa_lock_for(xa, &flags);
	pos = xa_position(xa, index, &found);
	if (found)
		entry = xa->xa_slots[pos].entry;
	xa_unlock_for(xa, flags);
	return xa_is_zero(entry) ? NULL : entry;
}
EXPORT_SYMBOL(xa_load);

void *__xa_erase(struct xarray *xa, unsigned long index)
{
	unsigned int pos;
	bool found;
	void *entry;

	pos = xa_position(xa, index, &found);
	if (!found)
		return NULL;
	entry = xa->xa_slots[pos].entry;
	xa_remove_at(xa, pos);
	return xa_is_zero(entry) ? NULL : entry;
}
EXPORT_SYMBOL(__xa_erase);

void *xa_erase(struct xarray *xa, unsigned long index)
{
	unsigned long flags = 0;
	void *entry;

	xa_lock_for(xa, &flags);
	entry = __xa_erase(xa, index);
	xa_unlock_for(xa, flags);
	return entry;
}
EXPORT_SYMBOL(xa_erase);

/* Stores entry (NULL erases; in an allocating array NULL keeps the index reserved). Returns the old entry. */
void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	unsigned int pos;
	bool found;
	void *curr;
	int rc;

	if (WARN_ON_ONCE(xa_is_internal(entry) && !xa_is_zero(entry)))
		return XA_ERROR(-EINVAL);
	if (xa_track_free(xa) && !entry)
		entry = XA_ZERO_ENTRY;
	pos = xa_position(xa, index, &found);
	if (found) {
		curr = xa->xa_slots[pos].entry;
		if (entry)
			xa->xa_slots[pos].entry = entry;
		else
			xa_remove_at(xa, pos);
		return xa_is_zero(curr) ? NULL : curr;
	}
	if (!entry)
		return NULL;
	rc = xa_insert_new(xa, index, entry, gfp);
	return rc ? XA_ERROR(rc) : NULL;
}
EXPORT_SYMBOL(__xa_store);

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	unsigned long flags = 0;
	void *curr;

	xa_lock_for(xa, &flags);
	curr = __xa_store(xa, index, entry, gfp);
	xa_unlock_for(xa, flags);
	return curr;
}
EXPORT_SYMBOL(xa_store);

void *xa_store_range(struct xarray *xa, unsigned long first, unsigned long last, void *entry, gfp_t gfp)
{
	unsigned long index;
	void *curr;

	for (index = first; index <= last; index++) {
		curr = xa_store(xa, index, entry, gfp);
		if (xa_is_err(curr))
			return curr;
		if (index == ULONG_MAX)
			break;
	}
	return NULL;
}
EXPORT_SYMBOL(xa_store_range);

void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	unsigned int pos;
	bool found;
	void *curr;
	int rc;

	if (WARN_ON_ONCE(xa_is_internal(entry) && !xa_is_zero(entry)))
		return XA_ERROR(-EINVAL);
	pos = xa_position(xa, index, &found);
	curr = found ? xa->xa_slots[pos].entry : NULL;
	/* The zero entry compares equal to XA_ZERO_ENTRY, and reads back as NULL. */
	if (curr != old && !(xa_is_zero(curr) && old == NULL && !xa_track_free(xa)))
		return xa_is_zero(curr) ? NULL : curr;
	if (!entry && xa_track_free(xa))
		entry = XA_ZERO_ENTRY;
	if (found) {
		if (entry)
			xa->xa_slots[pos].entry = entry;
		else
			xa_remove_at(xa, pos);
	} else if (entry) {
		rc = xa_insert_new(xa, index, entry, gfp);
		if (rc)
			return XA_ERROR(rc);
	}
	return xa_is_zero(curr) ? NULL : curr;
}
EXPORT_SYMBOL(__xa_cmpxchg);

/* 0, -EBUSY when index holds an entry (or is reserved), -ENOMEM. */
int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	bool found;

	if (WARN_ON_ONCE(xa_is_internal(entry)))
		return -EINVAL;
	if (!entry)
		entry = XA_ZERO_ENTRY;
	xa_position(xa, index, &found);
	if (found)
		return -EBUSY;
	return xa_insert_new(xa, index, entry, gfp);
}
EXPORT_SYMBOL(__xa_insert);

/* The lowest free index in [min, max], or -EBUSY; lock held. */
static int xa_find_free(struct xarray *xa, unsigned long min, unsigned long max, unsigned long *index)
{
	unsigned long candidate = min;
	unsigned int pos;
	bool found;

	if (min > max)
		return -EBUSY;
	pos = xa_position(xa, min, &found);
	for (; pos < xa->xa_count && xa->xa_slots[pos].index == candidate; pos++) {
		if (candidate == max)
			return -EBUSY;
		candidate++;
	}
	*index = candidate;
	return 0;
}

int __xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp)
{
	unsigned long index;
	u32 min = limit.min;
	int rc;

	if (WARN_ON_ONCE(xa_is_internal(entry)))
		return -EINVAL;
	if (WARN_ON_ONCE(!xa_track_free(xa)))
		return -EINVAL;
	if (!entry)
		entry = XA_ZERO_ENTRY;
	if ((xa->xa_flags & XA_FLAGS_ZERO_BUSY) && min == 0)
		min = 1;
	/* Room first: growing may drop the lock, after which the free index is looked up again. */
	for (;;) {
		rc = xa_find_free(xa, min, limit.max, &index);
		if (rc)
			return rc;
		if (xa->xa_count < xa->xa_capacity)
			break;
		rc = xa_reserve_room(xa, gfp);
		if (rc)
			return rc;
	}
	rc = xa_insert_new(xa, index, entry, gfp);
	if (rc == 0)
		*id = index;
	return rc;
}
EXPORT_SYMBOL(__xa_alloc);

/* Allocates from *next upwards, wrapping to limit.min; 1 when it wrapped, 0, or a negative errno. */
int __xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, u32 *next, gfp_t gfp)
{
	u32 min = limit.min;
	int ret;

	limit.min = max(min, *next);
	ret = __xa_alloc(xa, id, entry, limit, gfp);
	if ((xa->xa_flags & XA_FLAGS_ALLOC_WRAPPED) && ret == 0) {
		xa->xa_flags &= ~XA_FLAGS_ALLOC_WRAPPED;
		ret = 1;
	}
	if (ret < 0 && limit.min > min) {
		limit.min = min;
		ret = __xa_alloc(xa, id, entry, limit, gfp);
		if (ret == 0)
			ret = 1;
	}
	if (ret >= 0) {
		*next = *id + 1;
		if (*next == 0)
			xa->xa_flags |= XA_FLAGS_ALLOC_WRAPPED;
	}
	return ret;
}
EXPORT_SYMBOL(__xa_alloc_cyclic);

static bool xa_slot_matches(const struct xa_slot *slot, xa_mark_t filter)
{
	if (filter == XA_PRESENT)
		return !xa_is_zero(slot->entry);
	return slot->marks & (1U << (__force unsigned int)filter);
}

/* The first entry at or after *index up to max matching filter; *index is set to its index. */
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	unsigned long flags = 0;
	unsigned int pos;
	bool found;
	void *entry = NULL;

	xa_lock_for(xa, &flags);
	for (pos = xa_position(xa, *indexp, &found); pos < xa->xa_count; pos++) {
		struct xa_slot *slot = &xa->xa_slots[pos];

		if (slot->index > max)
			break;
		if (xa_slot_matches(slot, filter)) {
			*indexp = slot->index;
			entry = slot->entry;
			break;
		}
	}
	xa_unlock_for(xa, flags);
	return entry;
}
EXPORT_SYMBOL(xa_find);

void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	unsigned long next = *indexp + 1;
	void *entry;

	if (*indexp >= max || next == 0)
		return NULL;
	entry = xa_find(xa, &next, max, filter);
	if (entry)
		*indexp = next;
	return entry;
}
EXPORT_SYMBOL(xa_find_after);

unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start, unsigned long max, unsigned int n,
			xa_mark_t filter)
{
	unsigned long index = start;
	unsigned int i = 0;
	void *entry;

	if (!n)
		return 0;
	for (entry = xa_find(xa, &index, max, filter); entry; entry = xa_find_after(xa, &index, max, filter)) {
		dst[i++] = entry;
		if (i == n)
			break;
	}
	return i;
}
EXPORT_SYMBOL(xa_extract);

void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned int pos;
	bool found;

	pos = xa_position(xa, index, &found);
	if (found && !xa_is_zero(xa->xa_slots[pos].entry))
		xa->xa_slots[pos].marks |= 1U << (__force unsigned int)mark;
}
EXPORT_SYMBOL(__xa_set_mark);

void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned int pos;
	bool found;

	pos = xa_position(xa, index, &found);
	if (found)
		xa->xa_slots[pos].marks &= ~(1U << (__force unsigned int)mark);
}
EXPORT_SYMBOL(__xa_clear_mark);

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned long flags = 0;
	unsigned int pos;
	bool found, marked = false;

	xa_lock_for(xa, &flags);
	pos = xa_position(xa, index, &found);
	if (found)
		marked = xa->xa_slots[pos].marks & (1U << (__force unsigned int)mark);
	xa_unlock_for(xa, flags);
	return marked;
}
EXPORT_SYMBOL(xa_get_mark);

void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned long flags = 0;

	xa_lock_for(xa, &flags);
	__xa_set_mark(xa, index, mark);
	xa_unlock_for(xa, flags);
}
EXPORT_SYMBOL(xa_set_mark);

void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned long flags = 0;

	xa_lock_for(xa, &flags);
	__xa_clear_mark(xa, index, mark);
	xa_unlock_for(xa, flags);
}
EXPORT_SYMBOL(xa_clear_mark);

/* Empties the array and frees its memory (not the entries). */
void xa_destroy(struct xarray *xa)
{
	unsigned long flags = 0;
	struct xa_slot *slots;

	xa_lock_for(xa, &flags);
	slots = xa->xa_slots;
	xa->xa_slots = NULL;
	xa->xa_count = 0;
	xa->xa_capacity = 0;
	xa_unlock_for(xa, flags);
	kfree(slots);
}
EXPORT_SYMBOL(xa_destroy);
