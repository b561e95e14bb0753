// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: the device model without a bus: a struct device's reference count (release runs once, at
 * the last put_device), names and driver data, devm_* resources released with the device (newest first),
 * and DMA through a device: masks, dma_alloc_coherent within the coherent mask, streaming mappings
 * (physical = bus address on x86 without an IOMMU) and a mapping the mask cannot reach being refused.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>

struct selftest_device {
	struct device dev;
	int released;
	int actions[3];
	int next_action;
};

static void selftest_device_release(struct device *dev)
{
	container_of(dev, struct selftest_device, dev)->released++;
}

static void selftest_devm_action(void *data)
{
	int *slot = data;
	struct selftest_device *owner = container_of(slot - *slot, struct selftest_device, actions[0]);

	*slot = ++owner->next_action;	/* records the order the actions ran in */
}

/* A device that is never freed by release (the test owns the memory and checks it afterwards). */
static struct selftest_device *new_device(struct kunit *test)
{
	struct selftest_device *device = kunit_kzalloc(test, sizeof(*device), GFP_KERNEL);

	if (!device)
		return NULL;
	device_initialize(&device->dev);
	device->dev.release = selftest_device_release;
	return device;
}

static void device_refcount_and_release(struct kunit *test)
{
	struct selftest_device *device = new_device(test);
	int cookie;

	KUNIT_ASSERT_NOT_NULL(test, device);
	KUNIT_EXPECT_EQ(test, dev_set_name(&device->dev, "kpi-selftest%d", 3), 0);
	KUNIT_EXPECT_STREQ(test, dev_name(&device->dev), "kpi-selftest3");
	dev_set_drvdata(&device->dev, &cookie);
	KUNIT_EXPECT_PTR_EQ(test, dev_get_drvdata(&device->dev), (void *)&cookie);
	KUNIT_EXPECT_PTR_EQ(test, get_device(&device->dev), &device->dev);
	put_device(&device->dev);
	KUNIT_EXPECT_EQ(test, device->released, 0);
	dev_info(&device->dev, "dev_info from the self-test\n");
	put_device(&device->dev);
	KUNIT_EXPECT_EQ(test, device->released, 1);
	KUNIT_EXPECT_NULL(test, get_device(NULL));
	put_device(NULL);
}

static void device_devm_released_with_device(struct kunit *test)
{
	struct selftest_device *device = new_device(test);
	void *memory;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, device);
	dev_set_name(&device->dev, "kpi-devm");
	for (i = 0; i < 3; i++) {
		device->actions[i] = i;	/* the slot's own index, for selftest_devm_action */
		KUNIT_EXPECT_EQ(test, devm_add_action(&device->dev, selftest_devm_action, &device->actions[i]), 0);
	}
	memory = devm_kzalloc(&device->dev, 100, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, memory);
	KUNIT_EXPECT_NOT_NULL(test, devm_kasprintf(&device->dev, GFP_KERNEL, "irq-%d", 5));
	devm_kfree(&device->dev, memory);
	put_device(&device->dev);
	KUNIT_EXPECT_EQ(test, device->released, 1);
	/* devres runs in reverse order of registration: the last action first. */
	KUNIT_EXPECT_EQ(test, device->actions[2], 1);
	KUNIT_EXPECT_EQ(test, device->actions[1], 2);
	KUNIT_EXPECT_EQ(test, device->actions[0], 3);
}

static void device_dma_masks_and_coherent(struct kunit *test)
{
	struct selftest_device *device = new_device(test);
	dma_addr_t handle;
	size_t i, nonzero = 0;
	u8 *memory;

	KUNIT_ASSERT_NOT_NULL(test, device);
	dev_set_name(&device->dev, "kpi-dma");
	device->dev.dma_mask = &device->dev.coherent_dma_mask;
	KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(&device->dev, DMA_BIT_MASK(32)), 0);
	KUNIT_EXPECT_EQ(test, dma_get_mask(&device->dev), DMA_BIT_MASK(32));
	KUNIT_EXPECT_EQ(test, device->dev.coherent_dma_mask, DMA_BIT_MASK(32));
	memory = dma_alloc_coherent(&device->dev, 3 * PAGE_SIZE, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, memory);
	KUNIT_EXPECT_LE(test, handle + 3 * PAGE_SIZE - 1, (dma_addr_t)DMA_BIT_MASK(32));
	KUNIT_EXPECT_EQ(test, handle % PAGE_SIZE, (dma_addr_t)0);
	KUNIT_EXPECT_EQ(test, handle, (dma_addr_t)virt_to_phys(memory));
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		nonzero += memory[i] != 0;
	KUNIT_EXPECT_EQ(test, nonzero, (size_t)0);
	dma_free_coherent(&device->dev, 3 * PAGE_SIZE, memory, handle);
	KUNIT_EXPECT_EQ(test, dma_set_mask(&device->dev, DMA_BIT_MASK(64)), 0);
	put_device(&device->dev);
}

static void device_dma_streaming(struct kunit *test)
{
	struct selftest_device *device = new_device(test);
	void *buffer = kunit_kmalloc(test, 512, GFP_KERNEL);
	struct page *high = NULL, *pages[64];
	dma_addr_t handle;
	int count = 0, i;

	KUNIT_ASSERT_NOT_NULL(test, device);
	KUNIT_ASSERT_NOT_NULL(test, buffer);
	dev_set_name(&device->dev, "kpi-dma-map");
	device->dev.dma_mask = &device->dev.coherent_dma_mask;
	KUNIT_ASSERT_EQ(test, dma_set_mask_and_coherent(&device->dev, DMA_BIT_MASK(64)), 0);
	handle = dma_map_single(&device->dev, buffer, 512, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(&device->dev, handle));
	KUNIT_EXPECT_EQ(test, handle, (dma_addr_t)virt_to_phys(buffer));
	dma_sync_single_for_cpu(&device->dev, handle, 512, DMA_TO_DEVICE);
	dma_sync_single_for_device(&device->dev, handle, 512, DMA_TO_DEVICE);
	dma_unmap_single(&device->dev, handle, 512, DMA_TO_DEVICE);

	/* A page above 16 MiB cannot be reached by a 24-bit mask: the mapping must fail, not truncate. */
	for (i = 0; i < ARRAY_SIZE(pages) && !high; i++) {
		pages[count] = alloc_page(GFP_KERNEL);
		if (!pages[count])
			break;
		if (page_to_phys(pages[count]) >= SZ_16M)
			high = pages[count];
		count++;
	}
	if (high) {
		KUNIT_EXPECT_EQ(test, dma_set_mask(&device->dev, DMA_BIT_MASK(24)), 0);
		handle = dma_map_page(&device->dev, high, 0, PAGE_SIZE, DMA_FROM_DEVICE);
		KUNIT_EXPECT_TRUE_MSG(test, dma_mapping_error(&device->dev, handle),
				      "page at %pa mapped for a 24-bit mask as %pad", &(phys_addr_t){ page_to_phys(high) },
				      &handle);
		if (!dma_mapping_error(&device->dev, handle))
			dma_unmap_page(&device->dev, handle, PAGE_SIZE, DMA_FROM_DEVICE);
	}
	for (i = 0; i < count; i++)
		__free_page(pages[i]);
	put_device(&device->dev);
	if (!high)
		kunit_skip(test, "no page above 16 MiB to map");
}

static struct kunit_case device_cases[] = {
	KUNIT_CASE(device_refcount_and_release),
	KUNIT_CASE(device_devm_released_with_device),
	KUNIT_CASE(device_dma_masks_and_coherent),
	KUNIT_CASE(device_dma_streaming),
	{}
};

static struct kunit_suite device_suite = {
	.name = "kpi-device",
	.test_cases = device_cases,
};
kunit_test_suite(device_suite);
