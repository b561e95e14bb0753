// SPDX-License-Identifier: GPL-2.0-only
/*
 * DMA pools: equally sized blocks carved from coherent pages (dma_alloc_coherent), none crossing the pool's
 * boundary. A free block holds the offset of the next free block of its page, so the free lists cost no
 * memory; pages stay with the pool until dma_pool_destroy, as in Linux.
 */
#include <linux/dmapool.h>
#include <linux/dma-mapping.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>

struct dma_pool {
	struct list_head page_list;
	spinlock_t lock;
	size_t size;
	struct device *dev;
	size_t allocation;
	size_t boundary;
	char name[32];
};

struct dma_page {
	struct list_head page_list;
	void *vaddr;
	dma_addr_t dma;
	unsigned int in_use;
	unsigned int offset;		/* first free block; >= allocation when full */
};

struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size, size_t align,
				 size_t boundary)
{
	struct dma_pool *retval;
	size_t allocation;

	if (align == 0)
		align = 1;
	else if (align & (align - 1))
		return NULL;
	if (size == 0 || size > INT_MAX)
		return NULL;
	if (size < 4)
		size = 4;
	size = ALIGN(size, align);
	allocation = max_t(size_t, size, PAGE_SIZE);
	if (!boundary)
		boundary = allocation;
	else if ((boundary < size) || (boundary & (boundary - 1)))
		return NULL;
	retval = kzalloc(sizeof(*retval), GFP_KERNEL);
	if (!retval)
		return retval;
	strscpy(retval->name, name, sizeof(retval->name));
	retval->dev = dev;
	INIT_LIST_HEAD(&retval->page_list);
	spin_lock_init(&retval->lock);
	retval->size = size;
	retval->boundary = boundary;
	retval->allocation = allocation;
	return retval;
}
EXPORT_SYMBOL(dma_pool_create);

static void pool_initialise_page(struct dma_pool *pool, struct dma_page *page)
{
	unsigned int offset = 0;
	unsigned int next_boundary = pool->boundary;

	do {
		unsigned int next = offset + pool->size;

		if (unlikely((next + pool->size) > next_boundary)) {
			next = next_boundary;
			next_boundary += pool->boundary;
		}
		*(int *)(page->vaddr + offset) = next;
		offset = next;
	} while (offset < pool->allocation);
}

static struct dma_page *pool_alloc_page(struct dma_pool *pool, gfp_t mem_flags)
{
	struct dma_page *page = kmalloc(sizeof(*page), mem_flags);

	if (!page)
		return NULL;
	page->vaddr = dma_alloc_coherent(pool->dev, pool->allocation, &page->dma, mem_flags);
	if (!page->vaddr) {
		kfree(page);
		return NULL;
	}
	pool_initialise_page(pool, page);
	page->in_use = 0;
	page->offset = 0;
	return page;
}

void dma_pool_destroy(struct dma_pool *pool)
{
	struct dma_page *page, *tmp;

	if (unlikely(!pool))
		return;
	list_for_each_entry_safe(page, tmp, &pool->page_list, page_list) {
		if (page->in_use) {
			dev_err(pool->dev, "%s %s, %p busy\n", __func__, pool->name, page->vaddr);
			/* Leak the page rather than let the device write into freed memory. */
			list_del(&page->page_list);
			kfree(page);
			continue;
		}
		dma_free_coherent(pool->dev, pool->allocation, page->vaddr, page->dma);
		list_del(&page->page_list);
		kfree(page);
	}
	kfree(pool);
}
EXPORT_SYMBOL(dma_pool_destroy);

void *dma_pool_alloc(struct dma_pool *pool, gfp_t mem_flags, dma_addr_t *handle)
{
	unsigned long flags;
	struct dma_page *page;
	size_t offset;
	void *retval;

	spin_lock_irqsave(&pool->lock, flags);
	list_for_each_entry(page, &pool->page_list, page_list) {
		if (page->offset < pool->allocation)
			goto ready;
	}
	/* The pool's lock is not held while allocating a page (the allocation may sleep). */
	spin_unlock_irqrestore(&pool->lock, flags);
	page = pool_alloc_page(pool, mem_flags & (~__GFP_ZERO));
	if (!page)
		return NULL;
	spin_lock_irqsave(&pool->lock, flags);
	list_add(&page->page_list, &pool->page_list);
ready:
	page->in_use++;
	offset = page->offset;
	page->offset = *(int *)(page->vaddr + offset);
	retval = offset + page->vaddr;
	*handle = offset + page->dma;
	spin_unlock_irqrestore(&pool->lock, flags);
	if (mem_flags & __GFP_ZERO)
		memset(retval, 0, pool->size);
	return retval;
}
EXPORT_SYMBOL(dma_pool_alloc);

static struct dma_page *pool_find_page(struct dma_pool *pool, dma_addr_t dma)
{
	struct dma_page *page;

	list_for_each_entry(page, &pool->page_list, page_list) {
		if (dma < page->dma)
			continue;
		if ((dma - page->dma) < pool->allocation)
			return page;
	}
	return NULL;
}

void dma_pool_free(struct dma_pool *pool, void *vaddr, dma_addr_t dma)
{
	struct dma_page *page;
	unsigned long flags;
	unsigned int offset;

	spin_lock_irqsave(&pool->lock, flags);
	page = pool_find_page(pool, dma);
	if (!page) {
		spin_unlock_irqrestore(&pool->lock, flags);
		dev_err(pool->dev, "%s %s, %p/%pad (bad dma)\n", __func__, pool->name, vaddr, &dma);
		return;
	}
	offset = vaddr - page->vaddr;
	if ((dma - page->dma) != offset || offset >= pool->allocation) {
		spin_unlock_irqrestore(&pool->lock, flags);
		dev_err(pool->dev, "%s %s, %p (bad vaddr)/%pad\n", __func__, pool->name, vaddr, &dma);
		return;
	}
	page->in_use--;
	*(int *)vaddr = page->offset;
	page->offset = offset;
	spin_unlock_irqrestore(&pool->lock, flags);
}
EXPORT_SYMBOL(dma_pool_free);

/* ---- managed pools ---- */

static void dmam_pool_release(struct device *dev, void *res)
{
	dma_pool_destroy(*(struct dma_pool **)res);
}

static int dmam_pool_match(struct device *dev, void *res, void *match_data)
{
	return *(struct dma_pool **)res == match_data;
}

struct dma_pool *dmam_pool_create(const char *name, struct device *dev, size_t size, size_t align,
				  size_t allocation)
{
	struct dma_pool **ptr, *pool;

	ptr = devres_alloc(dmam_pool_release, sizeof(*ptr), GFP_KERNEL);
	if (!ptr)
		return NULL;
	pool = *ptr = dma_pool_create(name, dev, size, align, allocation);
	if (pool)
		devres_add(dev, ptr);
	else
		devres_free(ptr);
	return pool;
}
EXPORT_SYMBOL(dmam_pool_create);

void dmam_pool_destroy(struct dma_pool *pool)
{
	struct device *dev = pool->dev;

	WARN_ON(devres_release(dev, dmam_pool_release, dmam_pool_match, pool));
}
EXPORT_SYMBOL(dmam_pool_destroy);
