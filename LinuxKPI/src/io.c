// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device memory and ports: ioremap/iounmap through the Swift core (uncached), the ioread/iowrite family on
 * the cookies of pci_iomap/ioport_map (lib/iomap.c's scheme: a port p is the cookie PIO_OFFSET + p, below
 * PIO_RESERVED; anything above is MMIO), copies to and from device memory, virt_to_phys, managed mappings,
 * and the reservation of port and memory ranges (request_region / request_mem_region): a flat list of
 * reservations under each root, in which an overlapping request fails.
 */
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/mm.h>
#include <linux/swab.h>
#include <linux/kernel.h>
#include <apus/bridge.h>

void __iomem *ioremap(resource_size_t offset, unsigned long size)
{
	return (void __iomem *)apus_ioremap(offset, size);
}
EXPORT_SYMBOL(ioremap);

void __iomem *ioremap_wc(resource_size_t offset, unsigned long size)
{
	return ioremap(offset, size);
}
EXPORT_SYMBOL(ioremap_wc);

void __iomem *ioremap_uc(resource_size_t offset, unsigned long size)
{
	return ioremap(offset, size);
}
EXPORT_SYMBOL(ioremap_uc);

void __iomem *ioremap_cache(resource_size_t offset, unsigned long size)
{
	return ioremap(offset, size);
}
EXPORT_SYMBOL(ioremap_cache);

void iounmap(volatile void __iomem *addr)
{
	if (!addr)
		return;
	WARN(!apus_iounmap((void __force *)addr), "iounmap: bad address %px\n", addr);
}
EXPORT_SYMBOL(iounmap);

phys_addr_t virt_to_phys(volatile void *address)
{
	return apus_virt_to_phys((const void *)address);
}
EXPORT_SYMBOL(virt_to_phys);

void *phys_to_virt(phys_addr_t address)
{
	return __va(address);
}
EXPORT_SYMBOL(phys_to_virt);

void memcpy_fromio(void *to, const volatile void __iomem *from, size_t count)
{
	u8 *dst = to;
	const volatile u8 __iomem *src = from;

	while (count--)
		*dst++ = readb(src++);
}
EXPORT_SYMBOL(memcpy_fromio);

void memcpy_toio(volatile void __iomem *to, const void *from, size_t count)
{
	volatile u8 __iomem *dst = to;
	const u8 *src = from;

	while (count--)
		writeb(*src++, dst++);
}
EXPORT_SYMBOL(memcpy_toio);

void memset_io(volatile void __iomem *addr, int value, size_t count)
{
	volatile u8 __iomem *dst = addr;

	while (count--)
		writeb(value, dst++);
}
EXPORT_SYMBOL(memset_io);

/* ---- the iomap cookies ---- */

#define PIO_OFFSET	0x10000UL
#define PIO_MASK	0x0ffffUL
#define PIO_RESERVED	0x40000UL

static void bad_io_access(unsigned long port, const char *access)
{
	WARN_ONCE(1, "Bad IO access at port %#lx (%s)\n", port, access);
}

#define IO_COND(addr, is_pio, is_mmio)						\
do {										\
	unsigned long port = (unsigned long __force)(addr);			\
	if (port >= PIO_RESERVED) {						\
		is_mmio;							\
	} else if (port > PIO_OFFSET) {						\
		port &= PIO_MASK;						\
		is_pio;								\
	} else {								\
		bad_io_access(port, #is_pio);					\
	}									\
} while (0)

unsigned int ioread8(const void __iomem *addr)
{
	IO_COND(addr, return inb(port), return readb(addr));
	return 0xff;
}
EXPORT_SYMBOL(ioread8);

unsigned int ioread16(const void __iomem *addr)
{
	IO_COND(addr, return inw(port), return readw(addr));
	return 0xffff;
}
EXPORT_SYMBOL(ioread16);

unsigned int ioread16be(const void __iomem *addr)
{
	IO_COND(addr, return swab16(inw(port)), return swab16(readw(addr)));
	return 0xffff;
}
EXPORT_SYMBOL(ioread16be);

unsigned int ioread32(const void __iomem *addr)
{
	IO_COND(addr, return inl(port), return readl(addr));
	return 0xffffffff;
}
EXPORT_SYMBOL(ioread32);

unsigned int ioread32be(const void __iomem *addr)
{
	IO_COND(addr, return swab32(inl(port)), return swab32(readl(addr)));
	return 0xffffffff;
}
EXPORT_SYMBOL(ioread32be);

/* 64-bit port reads do not exist: low then high dword, as Linux's ioread64_lo_hi on ports. */
u64 ioread64(const void __iomem *addr)
{
	IO_COND(addr, return inl(port) | ((u64)inl(port + 4) << 32), return readq(addr));
	return ~0ULL;
}
EXPORT_SYMBOL(ioread64);

void iowrite8(u8 value, void __iomem *addr)
{
	IO_COND(addr, outb(value, port), writeb(value, addr));
}
EXPORT_SYMBOL(iowrite8);

void iowrite16(u16 value, void __iomem *addr)
{
	IO_COND(addr, outw(value, port), writew(value, addr));
}
EXPORT_SYMBOL(iowrite16);

void iowrite16be(u16 value, void __iomem *addr)
{
	IO_COND(addr, outw(swab16(value), port), writew(swab16(value), addr));
}
EXPORT_SYMBOL(iowrite16be);

void iowrite32(u32 value, void __iomem *addr)
{
	IO_COND(addr, outl(value, port), writel(value, addr));
}
EXPORT_SYMBOL(iowrite32);

void iowrite32be(u32 value, void __iomem *addr)
{
	IO_COND(addr, outl(swab32(value), port), writel(swab32(value), addr));
}
EXPORT_SYMBOL(iowrite32be);

void iowrite64(u64 value, void __iomem *addr)
{
	IO_COND(addr, { outl(value, port); outl(value >> 32, port + 4); }, writeq(value, addr));
}
EXPORT_SYMBOL(iowrite64);

#define APUS_IO_REP(bits, bwl, type)							\
void ioread##bits##_rep(const void __iomem *addr, void *dst, unsigned long count)	\
{											\
	type *to = dst;									\
	IO_COND(addr, ins##bwl(port, dst, count),					\
		while (count--) *to++ = read##bwl(addr));				\
}											\
EXPORT_SYMBOL(ioread##bits##_rep);							\
void iowrite##bits##_rep(void __iomem *addr, const void *src, unsigned long count)	\
{											\
	const type *from = src;								\
	IO_COND(addr, outs##bwl(port, src, count),					\
		while (count--) write##bwl(*from++, addr));				\
}											\
EXPORT_SYMBOL(iowrite##bits##_rep);

APUS_IO_REP(8, b, u8)
APUS_IO_REP(16, w, u16)
APUS_IO_REP(32, l, u32)

void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	if (port > PIO_MASK)
		return NULL;
	return (void __iomem *)(unsigned long)(port + PIO_OFFSET);
}
EXPORT_SYMBOL(ioport_map);

void ioport_unmap(void __iomem *addr)
{
}
EXPORT_SYMBOL(ioport_unmap);

/* ---- managed mappings ---- */

static void devm_ioremap_release(struct device *dev, void *res)
{
	iounmap(*(void __iomem **)res);
}

static int devm_ioremap_match(struct device *dev, void *res, void *match_data)
{
	return *(void **)res == match_data;
}

static void __iomem *devm_ioremap_any(struct device *dev, resource_size_t offset, resource_size_t size)
{
	void __iomem **ptr, *addr;

	ptr = devres_alloc(devm_ioremap_release, sizeof(*ptr), GFP_KERNEL);
	if (!ptr)
		return NULL;
	addr = ioremap(offset, size);
	if (addr) {
		*ptr = addr;
		devres_add(dev, ptr);
	} else {
		devres_free(ptr);
	}
	return addr;
}

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size)
{
	return devm_ioremap_any(dev, offset, size);
}
EXPORT_SYMBOL(devm_ioremap);

void __iomem *devm_ioremap_uc(struct device *dev, resource_size_t offset, resource_size_t size)
{
	return devm_ioremap_any(dev, offset, size);
}
EXPORT_SYMBOL_GPL(devm_ioremap_uc);

void __iomem *devm_ioremap_wc(struct device *dev, resource_size_t offset, resource_size_t size)
{
	return devm_ioremap_any(dev, offset, size);
}
EXPORT_SYMBOL(devm_ioremap_wc);

void devm_iounmap(struct device *dev, void __iomem *addr)
{
	WARN_ON(devres_destroy(dev, devm_ioremap_release, devm_ioremap_match, (__force void *)addr));
	iounmap(addr);
}
EXPORT_SYMBOL(devm_iounmap);

void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res)
{
	resource_size_t size;
	void __iomem *dest_ptr;

	if (!res || resource_type(res) != IORESOURCE_MEM) {
		dev_err(dev, "invalid resource\n");
		return IOMEM_ERR_PTR(-EINVAL);
	}
	size = resource_size(res);
	if (!__devm_request_region(dev, &iomem_resource, res->start, size, res->name ?: dev_name(dev))) {
		dev_err(dev, "can't request region for resource [mem %#llx-%#llx]\n", (u64)res->start, (u64)res->end);
		return IOMEM_ERR_PTR(-EBUSY);
	}
	dest_ptr = devm_ioremap(dev, res->start, size);
	if (!dest_ptr) {
		dev_err(dev, "ioremap failed for resource [mem %#llx-%#llx]\n", (u64)res->start, (u64)res->end);
		return IOMEM_ERR_PTR(-ENOMEM);
	}
	return dest_ptr;
}
EXPORT_SYMBOL(devm_ioremap_resource);

/* ---- reservations ---- */

struct resource ioport_resource = {
	.name = "PCI IO", .start = 0, .end = 0xffff, .flags = IORESOURCE_IO,
};
EXPORT_SYMBOL(ioport_resource);

struct resource iomem_resource = {
	.name = "PCI mem", .start = 0, .end = (1ULL << 52) - 1, .flags = IORESOURCE_MEM,
};
EXPORT_SYMBOL(iomem_resource);

static DEFINE_MUTEX(resource_lock);

/* The children of parent are a list through `sibling`, in no particular order. */
struct resource *__request_region(struct resource *parent, resource_size_t start, resource_size_t n,
				  const char *name, int flags)
{
	struct resource *res, *other;

	if (n == 0 || start + n - 1 < start || start < parent->start || start + n - 1 > parent->end)
		return NULL;
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + n - 1;
	res->flags = resource_type(parent) | IORESOURCE_BUSY | flags;
	mutex_lock(&resource_lock);
	for (other = parent->child; other; other = other->sibling) {
		if (resource_overlaps(res, other)) {
			mutex_unlock(&resource_lock);
			kfree(res);
			return NULL;
		}
	}
	res->parent = parent;
	res->sibling = parent->child;
	parent->child = res;
	mutex_unlock(&resource_lock);
	return res;
}
EXPORT_SYMBOL(__request_region);

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	struct resource **p, *res;
	resource_size_t end = start + n - 1;

	mutex_lock(&resource_lock);
	for (p = &parent->child; (res = *p) != NULL; p = &res->sibling) {
		if (res->start == start && res->end == end) {
			*p = res->sibling;
			mutex_unlock(&resource_lock);
			kfree(res);
			return;
		}
	}
	mutex_unlock(&resource_lock);
	pr_warn("Trying to free nonexistent resource <%pa-%pa>\n", &start, &end);
}
EXPORT_SYMBOL(__release_region);

struct region_devres {
	struct resource *parent;
	resource_size_t start;
	resource_size_t n;
};

static void devm_region_release(struct device *dev, void *res)
{
	struct region_devres *this = res;

	__release_region(this->parent, this->start, this->n);
}

struct resource *__devm_request_region(struct device *dev, struct resource *parent, resource_size_t start,
				       resource_size_t n, const char *name)
{
	struct region_devres *dr;
	struct resource *res;

	dr = devres_alloc(devm_region_release, sizeof(struct region_devres), GFP_KERNEL);
	if (!dr)
		return NULL;
	dr->parent = parent;
	dr->start = start;
	dr->n = n;
	res = __request_region(parent, start, n, name, 0);
	if (res)
		devres_add(dev, dr);
	else
		devres_free(dr);
	return res;
}
EXPORT_SYMBOL(__devm_request_region);
