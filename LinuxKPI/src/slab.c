// SPDX-License-Identifier: GPL-2.0-only
/*
 * kmalloc, kvmalloc and kmem_cache on the Swift kernel heap (bridge section "memory"). The heap's size
 * classes align every object to the largest power of two dividing its class size, and its page blocks are
 * naturally aligned, so asking for ARCH_KMALLOC_MINALIGN gives Linux's guarantee: power-of-two sizes come
 * naturally aligned. The heap never sleeps: GFP_ATOMIC and GFP_KERNEL behave alike.
 */
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/atomic.h>
#include <linux/log2.h>
#include <linux/panic.h>
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <apus/bridge.h>

/* Handles a failed allocation as the flags ask: __GFP_NOFAIL cannot fail, others warn unless __GFP_NOWARN. */
static void lkpi_alloc_failed(size_t size, gfp_t flags)
{
	if (flags & __GFP_NOFAIL)
		panic("out of memory: a __GFP_NOFAIL allocation of %zu bytes failed", size);
	if (!(flags & __GFP_NOWARN))
		pr_warn("kmalloc: allocation of %zu bytes failed (gfp %#x)\n", size, flags);
}

static void *lkpi_alloc(size_t size, size_t align, gfp_t flags)
{
	void *p;

	if (unlikely(size == 0))
		return ZERO_SIZE_PTR;
	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		lkpi_alloc_failed(size, flags);
		return NULL;
	}
	p = apus_mem_alloc(size, align);
	if (unlikely(!p)) {
		lkpi_alloc_failed(size, flags);
		return NULL;
	}
	if (flags & __GFP_ZERO)
		memset(p, 0, size);
	return p;
}

void *__kmalloc(size_t size, gfp_t flags)
{
	return lkpi_alloc(size, ARCH_KMALLOC_MINALIGN, flags);
}
EXPORT_SYMBOL(__kmalloc);

/* One NUMA node: the node is ignored. */
void *__kmalloc_node(size_t size, gfp_t flags, int node)
{
	return lkpi_alloc(size, ARCH_KMALLOC_MINALIGN, flags);
}
EXPORT_SYMBOL(__kmalloc_node);

void kfree(const void *objp)
{
	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return;
	apus_mem_free(objp);
}
EXPORT_SYMBOL(kfree);

size_t ksize(const void *objp)
{
	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return 0;
	return apus_mem_usable_size(objp);
}
EXPORT_SYMBOL(ksize);

/* The size kmalloc really hands out for a request (the heap's size class or page block). */
size_t kmalloc_size_roundup(size_t size)
{
	static const unsigned short classes[] = { 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024,
						  1536, 2048 };

	if (size == 0)
		return 0;
	if (size > KMALLOC_MAX_SIZE)
		return SIZE_MAX;
	for (unsigned int i = 0; i < ARRAY_SIZE(classes); i++)
		if (size <= classes[i])
			return classes[i];
	return roundup_pow_of_two(size < PAGE_SIZE ? PAGE_SIZE : size);
}
EXPORT_SYMBOL(kmalloc_size_roundup);

void kfree_sensitive(const void *objp)
{
	size_t size = ksize(objp);

	if (size)
		memzero_explicit((void *)objp, size);
	kfree(objp);
}
EXPORT_SYMBOL(kfree_sensitive);

/* Grows or shrinks in place when the current allocation already fits, else moves (like Linux). */
void *krealloc(const void *objp, size_t new_size, gfp_t flags)
{
	size_t old_size;
	void *p;

	if (unlikely(!new_size)) {
		kfree(objp);
		return ZERO_SIZE_PTR;
	}
	old_size = ksize(objp);
	if (old_size >= new_size) {
		/* __GFP_ZERO: the caller expects the bytes beyond its new size to read zero when it grows later. */
		if (flags & __GFP_ZERO)
			memset((char *)objp + new_size, 0, old_size - new_size);
		return (void *)objp;
	}
	p = kmalloc(new_size, flags);
	if (!p)
		return NULL;
	if (old_size) {
		memcpy(p, objp, old_size);
		kfree(objp);
	}
	return p;
}
EXPORT_SYMBOL(krealloc);

/* kmalloc first; vmalloc when that fails (or cannot serve the size) and the caller may block, as Linux. */
void *kvmalloc_node(size_t size, gfp_t flags, int node)
{
	bool may_vmalloc = gfpflags_allow_blocking(flags) && size > PAGE_SIZE;
	void *p;

	if (size <= KMALLOC_MAX_SIZE) {
		/* With vmalloc to fall back on, a failed kmalloc neither warns nor panics. */
		p = __kmalloc_node(size, may_vmalloc ? (flags | __GFP_NOWARN) & ~__GFP_NOFAIL : flags, node);
		if (p || !may_vmalloc)
			return p;
	} else if (!may_vmalloc) {
		lkpi_alloc_failed(size, flags);
		return NULL;
	}
	return __vmalloc(size, flags);
}
EXPORT_SYMBOL(kvmalloc_node);

void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}
EXPORT_SYMBOL(kvfree);

void kvfree_sensitive(const void *addr, size_t len)
{
	if (likely(!ZERO_OR_NULL_PTR(addr))) {
		memzero_explicit((void *)addr, len);
		kvfree(addr);
	}
}
EXPORT_SYMBOL(kvfree_sensitive);

void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags)
{
	void *newp;

	if (oldsize >= newsize)
		return (void *)p;
	newp = kvmalloc(newsize, flags);
	if (!newp)
		return NULL;
	memcpy(newp, p, oldsize);
	kvfree(p);
	return newp;
}
EXPORT_SYMBOL(kvrealloc);

/* ---- object caches ---- */

struct kmem_cache {
	const char *name;
	unsigned int object_size;
	unsigned int align;
	slab_flags_t flags;
	void (*ctor)(void *);
	atomic_t live; /* objects allocated and not freed, reported by kmem_cache_destroy */
};

/* Linux's rule for SLAB_HWCACHE_ALIGN: a cache line, halved while two objects would still fit in it. */
static unsigned int lkpi_cache_align(unsigned int size, unsigned int align, slab_flags_t flags)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	return roundup_pow_of_two(align);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;

	if (size == 0 || size > KMALLOC_MAX_SIZE || (align & (align - 1)))
		goto fail;
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		goto fail;
	s->name = kstrdup_const(name, GFP_KERNEL);
	if (!s->name) {
		kfree(s);
		s = NULL;
		goto fail;
	}
	s->object_size = size;
	s->align = lkpi_cache_align(size, align, flags);
	s->flags = flags;
	s->ctor = ctor;
	atomic_set(&s->live, 0);
	return s;
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: cannot create cache %s", name);
	pr_warn("kmem_cache_create(%s) failed (size %u, align %u)\n", name, size, align);
	return NULL;
}
EXPORT_SYMBOL(kmem_cache_create);

struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size, unsigned int align,
					      slab_flags_t flags, unsigned int useroffset, unsigned int usersize,
					      void (*ctor)(void *))
{
	return kmem_cache_create(name, size, align, flags, ctor);
}
EXPORT_SYMBOL(kmem_cache_create_usercopy);

void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	if (atomic_read(&s->live) != 0)
		pr_err("kmem_cache_destroy %s: Slab cache still has objects (%d)\n", s->name, atomic_read(&s->live));
	kfree_const(s->name);
	kfree(s);
}
EXPORT_SYMBOL(kmem_cache_destroy);

/* Nothing is cached per kmem_cache: the heap gives empty slabs back by itself. */
int kmem_cache_shrink(struct kmem_cache *s)
{
	return 0;
}
EXPORT_SYMBOL(kmem_cache_shrink);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *p = lkpi_alloc(s->object_size, s->align, flags);

	if (!p)
		return NULL;
	atomic_inc(&s->live);
	if (s->ctor && !(flags & __GFP_ZERO))
		s->ctor(p);
	return p;
}
EXPORT_SYMBOL(kmem_cache_alloc);

void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
{
	return kmem_cache_alloc(s, flags);
}
EXPORT_SYMBOL(kmem_cache_alloc_node);

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	if (!objp)
		return;
	atomic_dec(&s->live);
	kfree(objp);
}
EXPORT_SYMBOL(kmem_cache_free);

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}
EXPORT_SYMBOL(kmem_cache_size);
