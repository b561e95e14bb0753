// SPDX-License-Identifier: GPL-2.0-only
/* Scatter-gather list walking, initialisation, allocation (one array, or chained arrays of a page each) and copying. */
#include <linux/scatterlist.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/minmax.h>

struct scatterlist *sg_next(struct scatterlist *sg)
{
	if (sg_is_last(sg))
		return NULL;
	sg++;
	if (unlikely(sg_is_chain(sg)))
		sg = sg_chain_ptr(sg);
	return sg;
}
EXPORT_SYMBOL(sg_next);

struct scatterlist *sg_last(struct scatterlist *sgl, unsigned int nents)
{
	struct scatterlist *sg, *ret = NULL;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i)
		ret = sg;
	BUG_ON(!sg_is_last(ret));
	return ret;
}
EXPORT_SYMBOL(sg_last);

int sg_nents(struct scatterlist *sg)
{
	int nents;

	for (nents = 0; sg; sg = sg_next(sg))
		nents++;
	return nents;
}
EXPORT_SYMBOL(sg_nents);

int sg_nents_for_len(struct scatterlist *sg, u64 len)
{
	int nents;
	u64 total;

	if (!len)
		return 0;
	for (nents = 0, total = 0; sg; sg = sg_next(sg)) {
		nents++;
		total += sg->length;
		if (total >= len)
			return nents;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(sg_nents_for_len);

void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sg_init_marker(sgl, nents);
}
EXPORT_SYMBOL(sg_init_table);

void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}
EXPORT_SYMBOL(sg_init_one);

/* Frees a table made by sg_alloc_table: each array of a chain ends in its link entry. */
void sg_free_table(struct sg_table *table)
{
	struct scatterlist *sgl = table->sgl, *next;
	unsigned int left = table->orig_nents;

	while (left && sgl) {
		if (left > SG_MAX_SINGLE_ALLOC) {
			next = sg_chain_ptr(&sgl[SG_MAX_SINGLE_ALLOC - 1]);
			left -= SG_MAX_SINGLE_ALLOC - 1;
		} else {
			next = NULL;
			left = 0;
		}
		kfree(sgl);
		sgl = next;
	}
	table->sgl = NULL;
	table->orig_nents = 0;
	table->nents = 0;
}
EXPORT_SYMBOL(sg_free_table);

int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp_mask)
{
	struct scatterlist *sg, *prv = NULL;
	unsigned int left = nents;

	memset(table, 0, sizeof(*table));
	if (nents == 0)
		return -EINVAL;
	do {
		/* An array that is not the last gives its final entry to the chain link. */
		bool chained = left > SG_MAX_SINGLE_ALLOC;
		unsigned int alloc_size = chained ? SG_MAX_SINGLE_ALLOC : left;
		unsigned int sg_size = chained ? alloc_size - 1 : alloc_size;

		sg = kmalloc_array(alloc_size, sizeof(struct scatterlist), gfp_mask);
		if (unlikely(!sg)) {
			sg_free_table(table);
			return -ENOMEM;
		}
		sg_init_table(sg, alloc_size);
		if (prv)
			sg_chain(prv, SG_MAX_SINGLE_ALLOC, sg);
		else
			table->sgl = sg;
		table->orig_nents += sg_size;
		left -= sg_size;
		prv = sg;
	} while (left);
	table->nents = table->orig_nents;
	return 0;
}
EXPORT_SYMBOL(sg_alloc_table);

/* Copies between a linear buffer and the list's memory, skipping `skip` bytes of the list first. */
static size_t sg_copy_buffer(struct scatterlist *sgl, unsigned int nents, void *buf, size_t buflen, off_t skip,
			     bool to_buffer)
{
	struct scatterlist *sg;
	size_t done = 0;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i) {
		size_t len = sg->length;
		size_t offset = 0;
		size_t n;

		if (skip >= len) {
			skip -= len;
			continue;
		}
		offset = skip;
		skip = 0;
		n = min(len - offset, buflen - done);
		if (to_buffer)
			memcpy(buf + done, sg_virt(sg) + offset, n);
		else
			memcpy(sg_virt(sg) + offset, buf + done, n);
		done += n;
		if (done == buflen)
			break;
	}
	return done;
}

size_t sg_copy_from_buffer(struct scatterlist *sgl, unsigned int nents, const void *buf, size_t buflen)
{
	return sg_copy_buffer(sgl, nents, (void *)buf, buflen, 0, false);
}
EXPORT_SYMBOL(sg_copy_from_buffer);

size_t sg_copy_to_buffer(struct scatterlist *sgl, unsigned int nents, void *buf, size_t buflen)
{
	return sg_copy_buffer(sgl, nents, buf, buflen, 0, true);
}
EXPORT_SYMBOL(sg_copy_to_buffer);

size_t sg_pcopy_from_buffer(struct scatterlist *sgl, unsigned int nents, const void *buf, size_t buflen,
			    off_t skip)
{
	return sg_copy_buffer(sgl, nents, (void *)buf, buflen, skip, false);
}
EXPORT_SYMBOL(sg_pcopy_from_buffer);

size_t sg_pcopy_to_buffer(struct scatterlist *sgl, unsigned int nents, void *buf, size_t buflen, off_t skip)
{
	return sg_copy_buffer(sgl, nents, buf, buflen, skip, true);
}
EXPORT_SYMBOL(sg_pcopy_to_buffer);
