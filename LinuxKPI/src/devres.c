// SPDX-License-Identifier: GPL-2.0-only
/*
 * Managed resources: each is a node on its device's devres list (under devres_lock) with a release
 * callback. devres_release_all runs when the driver detaches or its probe fails and releases them newest
 * first, as Linux does. devm_kmalloc memory and devm_add_action actions are such resources.
 */
#include <linux/device.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>

struct devres_node {
	struct list_head entry;
	dr_release_t release;
	const char *name;
	size_t size;
};

struct devres {
	struct devres_node node;
	/* Aligned like kmalloc memory, since devm_kmalloc hands out `data`. */
	u8 __aligned(ARCH_KMALLOC_MINALIGN) data[];
};

static struct devres *alloc_dr(dr_release_t release, size_t size, gfp_t gfp, int nid)
{
	size_t tot_size;
	struct devres *dr;

	if (unlikely(check_add_overflow(sizeof(struct devres), size, &tot_size)))
		return NULL;
	dr = kmalloc(tot_size, gfp);
	if (unlikely(!dr))
		return NULL;
	/* Only the header is cleared; __GFP_ZERO in gfp clears the data. */
	memset(dr, 0, offsetof(struct devres, data));
	INIT_LIST_HEAD(&dr->node.entry);
	dr->node.release = release;
	return dr;
}

void *__devres_alloc_node(dr_release_t release, size_t size, gfp_t gfp, int nid, const char *name)
{
	struct devres *dr = alloc_dr(release, size, gfp | __GFP_ZERO, nid);

	if (unlikely(!dr))
		return NULL;
	dr->node.name = name;
	dr->node.size = size;
	return dr->data;
}
EXPORT_SYMBOL_GPL(__devres_alloc_node);

void devres_free(void *res)
{
	if (res) {
		struct devres *dr = container_of(res, struct devres, data);

		BUG_ON(!list_empty(&dr->node.entry));
		kfree(dr);
	}
}
EXPORT_SYMBOL_GPL(devres_free);

void devres_add(struct device *dev, void *res)
{
	struct devres *dr = container_of(res, struct devres, data);
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add_tail(&dr->node.entry, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}
EXPORT_SYMBOL_GPL(devres_add);

/* The newest resource with `release` that `match` accepts (any, without match); lock held. */
static struct devres *find_dr(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres_node *node;

	list_for_each_entry_reverse(node, &dev->devres_head, entry) {
		struct devres *dr = container_of(node, struct devres, node);

		if (node->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}
EXPORT_SYMBOL_GPL(devres_find);

void *devres_get(struct device *dev, void *new_res, dr_match_t match, void *match_data)
{
	struct devres *new_dr = container_of(new_res, struct devres, data);
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, new_dr->node.release, match, match_data);
	if (!dr) {
		list_add_tail(&new_dr->node.entry, &dev->devres_head);
		dr = new_dr;
		new_res = NULL;
	}
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	devres_free(new_res);
	return dr->data;
}
EXPORT_SYMBOL_GPL(devres_get);

void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->node.entry);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}
EXPORT_SYMBOL_GPL(devres_remove);

int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	devres_free(res);
	return 0;
}
EXPORT_SYMBOL_GPL(devres_destroy);

int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	(*release)(dev, res);
	devres_free(res);
	return 0;
}
EXPORT_SYMBOL_GPL(devres_release);

/* Releases every managed resource, newest first; returns how many there were. */
int devres_release_all(struct device *dev)
{
	unsigned long flags;
	LIST_HEAD(todo);
	struct devres_node *node, *tmp;
	int count = 0;

	if (WARN_ON(dev->devres_head.next == NULL))
		return -ENODEV;
	spin_lock_irqsave(&dev->devres_lock, flags);
	list_splice_init(&dev->devres_head, &todo);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	list_for_each_entry_safe_reverse(node, tmp, &todo, entry) {
		struct devres *dr = container_of(node, struct devres, node);

		list_del_init(&node->entry);
		node->release(dev, dr->data);
		kfree(dr);
		count++;
	}
	return count;
}
EXPORT_SYMBOL_GPL(devres_release_all);

/* ---- managed memory ---- */

static void devm_kmalloc_release(struct device *dev, void *res)
{
}

static int devm_kmalloc_match(struct device *dev, void *res, void *data)
{
	return res == data;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	struct devres *dr;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	dr = alloc_dr(devm_kmalloc_release, size, gfp, dev_to_node(dev));
	if (unlikely(!dr))
		return NULL;
	dr->node.name = "devm_kzalloc_release";
	dr->node.size = size;
	devres_add(dev, dr->data);
	return dr->data;
}
EXPORT_SYMBOL_GPL(devm_kmalloc);

void devm_kfree(struct device *dev, const void *p)
{
	int rc;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	rc = devres_destroy(dev, devm_kmalloc_release, devm_kmalloc_match, (void *)p);
	WARN_ON(rc);
}
EXPORT_SYMBOL_GPL(devm_kfree);

void *devm_krealloc(struct device *dev, void *ptr, size_t new_size, gfp_t gfp)
{
	struct devres *old_dr;
	void *new_ptr;
	size_t old_size;
	unsigned long flags;

	if (unlikely(!new_size)) {
		devm_kfree(dev, ptr);
		return ZERO_SIZE_PTR;
	}
	if (unlikely(ZERO_OR_NULL_PTR(ptr)))
		return devm_kmalloc(dev, new_size, gfp);
	spin_lock_irqsave(&dev->devres_lock, flags);
	old_dr = find_dr(dev, devm_kmalloc_release, devm_kmalloc_match, ptr);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	if (!old_dr) {
		WARN(1, "Memory chunk not managed or managed by a different device.");
		return NULL;
	}
	old_size = old_dr->node.size;
	if (new_size <= old_size)
		return ptr;
	new_ptr = devm_kmalloc(dev, new_size, gfp);
	if (!new_ptr)
		return NULL;
	memcpy(new_ptr, ptr, old_size);
	devm_kfree(dev, ptr);
	return new_ptr;
}
EXPORT_SYMBOL_GPL(devm_krealloc);

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	size_t size;
	char *buf;

	if (!s)
		return NULL;
	size = strlen(s) + 1;
	buf = devm_kmalloc(dev, size, gfp);
	if (buf)
		memcpy(buf, s, size);
	return buf;
}
EXPORT_SYMBOL_GPL(devm_kstrdup);

void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *p = devm_kmalloc(dev, len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL_GPL(devm_kmemdup);

char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	unsigned int len;
	char *p;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p = devm_kmalloc(dev, len + 1, gfp);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, len + 1, fmt, ap);
	va_end(ap);
	return p;
}
EXPORT_SYMBOL(devm_kasprintf);

/* ---- managed actions ---- */

struct action_devres {
	void *data;
	void (*action)(void *);
};

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *devres = res;
	struct action_devres *target = p;

	return devres->action == target->action && devres->data == target->data;
}

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *devres = res;

	devres->action(devres->data);
}

int __devm_add_action(struct device *dev, void (*action)(void *), void *data, const char *name)
{
	struct action_devres *devres;

	devres = __devres_alloc_node(devm_action_release, sizeof(struct action_devres), GFP_KERNEL,
				     NUMA_NO_NODE, name);
	if (!devres)
		return -ENOMEM;
	devres->data = data;
	devres->action = action;
	devres_add(dev, devres);
	return 0;
}
EXPORT_SYMBOL_GPL(__devm_add_action);

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = { .data = data, .action = action };

	WARN_ON(devres_destroy(dev, devm_action_release, devm_action_match, &devres));
}
EXPORT_SYMBOL_GPL(devm_remove_action);

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = { .data = data, .action = action };

	WARN_ON(devres_release(dev, devm_action_release, devm_action_match, &devres));
}
EXPORT_SYMBOL_GPL(devm_release_action);
