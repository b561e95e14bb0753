// SPDX-License-Identifier: GPL-2.0-only
/*
 * The DMA API without an IOMMU: bus address = physical address. Masks are recorded per device; coherent
 * memory comes zeroed and physically contiguous from the Swift core below the coherent mask; streaming
 * mappings translate the buffer's pages and fail (DMA_MAPPING_ERROR, reported once per device) when the
 * buffer is not physically contiguous or lies above the device's DMA mask, since there are no bounce
 * buffers. x86 keeps caches coherent with DMA, so unmapping and syncing only check their arguments.
 */
#include <linux/dma-mapping.h>
#include <linux/export.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <apus/bridge.h>

#define DMA_NO_ADDRESS (~0ULL)

/* Linux's direct mapping accepts masks that cover at least 24 bits (ZONE_DMA). */
static bool dma_mask_supported(u64 mask)
{
	return mask >= DMA_BIT_MASK(24);
}

int dma_set_mask(struct device *dev, u64 mask)
{
	if (!dev->dma_mask || !dma_mask_supported(mask))
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}
EXPORT_SYMBOL(dma_set_mask);

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	if (!dma_mask_supported(mask))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}
EXPORT_SYMBOL(dma_set_coherent_mask);

u64 dma_get_required_mask(struct device *dev)
{
	return DMA_BIT_MASK(64);
}
EXPORT_SYMBOL_GPL(dma_get_required_mask);

size_t dma_max_mapping_size(struct device *dev)
{
	return SIZE_MAX;
}
EXPORT_SYMBOL_GPL(dma_max_mapping_size);

bool dma_pci_p2pdma_supported(struct device *dev)
{
	return false;
}
EXPORT_SYMBOL_GPL(dma_pci_p2pdma_supported);

void *dma_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t flag, unsigned long attrs)
{
	u64 mask = dev ? dev->coherent_dma_mask : DMA_BIT_MASK(32);
	u64 bus;
	void *cpu_addr;

	WARN_ON_ONCE(!dev);
	if (!size)
		return NULL;
	cpu_addr = apus_dma_alloc(size, mask, &bus);
	if (!cpu_addr) {
		if (!(attrs & DMA_ATTR_NO_WARN) && dev)
			dev_warn(dev, "dma_alloc_coherent: no %zu bytes below %#llx\n", size, mask);
		return NULL;
	}
	*dma_handle = bus;
	return cpu_addr;
}
EXPORT_SYMBOL(dma_alloc_attrs);

void dma_free_attrs(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle, unsigned long attrs)
{
	if (!cpu_addr)
		return;
	WARN_ON(apus_virt_to_phys(cpu_addr) != dma_handle);
	apus_dma_free(cpu_addr, size);
}
EXPORT_SYMBOL(dma_free_attrs);

/* ---- managed coherent memory ---- */

struct dma_devres {
	size_t size;
	void *vaddr;
	dma_addr_t dma_handle;
	unsigned long attrs;
};

static void dmam_release(struct device *dev, void *res)
{
	struct dma_devres *this = res;

	dma_free_attrs(dev, this->size, this->vaddr, this->dma_handle, this->attrs);
}

static int dmam_match(struct device *dev, void *res, void *match_data)
{
	struct dma_devres *this = res, *match = match_data;

	if (this->vaddr == match->vaddr) {
		WARN_ON(this->size != match->size || this->dma_handle != match->dma_handle);
		return 1;
	}
	return 0;
}

void *dmam_alloc_attrs(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp, unsigned long attrs)
{
	struct dma_devres *dr;
	void *vaddr;

	dr = devres_alloc(dmam_release, sizeof(*dr), gfp);
	if (!dr)
		return NULL;
	vaddr = dma_alloc_attrs(dev, size, dma_handle, gfp, attrs);
	if (!vaddr) {
		devres_free(dr);
		return NULL;
	}
	dr->vaddr = vaddr;
	dr->dma_handle = *dma_handle;
	dr->size = size;
	dr->attrs = attrs;
	devres_add(dev, dr);
	return vaddr;
}
EXPORT_SYMBOL(dmam_alloc_attrs);

void dmam_free_coherent(struct device *dev, size_t size, void *vaddr, dma_addr_t dma_handle)
{
	struct dma_devres match_data = { size, vaddr, dma_handle };

	dma_free_coherent(dev, size, vaddr, dma_handle);
	WARN_ON(devres_destroy(dev, dmam_release, dmam_match, &match_data));
}
EXPORT_SYMBOL(dmam_free_coherent);

/* ---- streaming mappings ---- */

static dma_addr_t dma_map_virtual(struct device *dev, const void *addr, size_t size)
{
	u64 mask = dma_get_mask(dev);
	u64 bus = apus_dma_map(addr, size, mask);

	if (bus == DMA_NO_ADDRESS) {
		dev_err_once(dev, "DMA mapping of %zu bytes at %px failed: not contiguous or above the mask %#llx (no IOMMU, no bounce buffers)\n",
			     size, addr, mask);
		return DMA_MAPPING_ERROR;
	}
	return bus;
}

dma_addr_t dma_map_page_attrs(struct device *dev, struct page *page, size_t offset, size_t size,
			      enum dma_data_direction dir, unsigned long attrs)
{
	BUG_ON(!valid_dma_direction(dir));
	return dma_map_virtual(dev, page_address(page) + offset, size);
}
EXPORT_SYMBOL(dma_map_page_attrs);

dma_addr_t dma_map_single_attrs(struct device *dev, void *ptr, size_t size, enum dma_data_direction dir,
				unsigned long attrs)
{
	BUG_ON(!valid_dma_direction(dir));
	if (WARN_ONCE(is_vmalloc_addr(ptr), "rejecting DMA map of vmalloc memory\n"))
		return DMA_MAPPING_ERROR;
	return dma_map_virtual(dev, ptr, size);
}
EXPORT_SYMBOL(dma_map_single_attrs);

void dma_unmap_page_attrs(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir,
			  unsigned long attrs)
{
	BUG_ON(!valid_dma_direction(dir));
	WARN_ON_ONCE(addr == DMA_MAPPING_ERROR);
}
EXPORT_SYMBOL(dma_unmap_page_attrs);

int dma_map_sg_attrs(struct device *dev, struct scatterlist *sgl, int nents, enum dma_data_direction dir,
		     unsigned long attrs)
{
	struct scatterlist *sg;
	int i;

	BUG_ON(!valid_dma_direction(dir));
	for_each_sg(sgl, sg, nents, i) {
		sg->dma_address = dma_map_virtual(dev, sg_virt(sg), sg->length);
		if (sg->dma_address == DMA_MAPPING_ERROR)
			return 0;
		sg_dma_len(sg) = sg->length;
	}
	return nents;
}
EXPORT_SYMBOL(dma_map_sg_attrs);

void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents, enum dma_data_direction dir,
			unsigned long attrs)
{
	BUG_ON(!valid_dma_direction(dir));
}
EXPORT_SYMBOL(dma_unmap_sg_attrs);

int dma_map_sgtable(struct device *dev, struct sg_table *sgt, enum dma_data_direction dir, unsigned long attrs)
{
	int nents = dma_map_sg_attrs(dev, sgt->sgl, sgt->orig_nents, dir, attrs);

	if (nents == 0)
		return -EIO;
	sgt->nents = nents;
	return 0;
}
EXPORT_SYMBOL_GPL(dma_map_sgtable);

/* A device's own registers (peer-to-peer): the physical address, checked against the mask. */
dma_addr_t dma_map_resource(struct device *dev, phys_addr_t phys_addr, size_t size,
			    enum dma_data_direction dir, unsigned long attrs)
{
	BUG_ON(!valid_dma_direction(dir));
	if (phys_addr + size - 1 > dma_get_mask(dev))
		return DMA_MAPPING_ERROR;
	return phys_addr;
}
EXPORT_SYMBOL(dma_map_resource);

void dma_unmap_resource(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir,
			unsigned long attrs)
{
	BUG_ON(!valid_dma_direction(dir));
}
EXPORT_SYMBOL(dma_unmap_resource);

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir)
{
	BUG_ON(!valid_dma_direction(dir));
}
EXPORT_SYMBOL(dma_sync_single_for_cpu);

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir)
{
	BUG_ON(!valid_dma_direction(dir));
}
EXPORT_SYMBOL(dma_sync_single_for_device);

void dma_sync_sg_for_cpu(struct device *dev, struct scatterlist *sg, int nelems, enum dma_data_direction dir)
{
	BUG_ON(!valid_dma_direction(dir));
}
EXPORT_SYMBOL(dma_sync_sg_for_cpu);

void dma_sync_sg_for_device(struct device *dev, struct scatterlist *sg, int nelems, enum dma_data_direction dir)
{
	BUG_ON(!valid_dma_direction(dir));
}
EXPORT_SYMBOL(dma_sync_sg_for_device);
