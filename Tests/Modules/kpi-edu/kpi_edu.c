// SPDX-License-Identifier: GPL-2.0-only
/*
 * A PCI driver for QEMU's "edu" teaching device (-device edu, 1234:11e8) that checks LinuxKPI's device,
 * interrupt and DMA layers against real hardware behaviour and prints KTAP: probing by id table, BARs,
 * managed mapping and regions, config space and capabilities, a shared INTx line, disable/enable_irq
 * nesting, MSI with a threaded handler, synchronize_irq waiting for a running thread handler, tasklets,
 * DMA both ways through coherent and streaming mappings, a DMA pool, idr/ida/xarray, and devres release
 * order on removal (printed by the remove path, checked by the system test).
 *
 * edu (QEMU hw/misc/edu.c): BAR0 1 MiB of registers: 0x00 id 0x010000ed, 0x04 liveness (reads back
 * inverted), 0x24 interrupt status, 0x60 raise (status |= value), 0x64 acknowledge (status &= ~value),
 * 0x80/0x88/0x90/0x98 DMA source, destination, count, command (1 start, 2 device-to-RAM, 4 interrupt
 * 0x100 when done); its DMA buffer is at device address 0x40000, 4 KiB; DMA addresses are 28-bit.
 * QEMU 7.2 aborts on a transfer that ends exactly at the buffer's end, so transfers are 2 KiB.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/dmapool.h>
#include <linux/idr.h>
#include <linux/xarray.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/io.h>

#define EDU_ID			0x00
#define EDU_LIVENESS		0x04
#define EDU_IRQ_STATUS		0x24
#define EDU_IRQ_RAISE		0x60
#define EDU_IRQ_ACK		0x64
#define EDU_DMA_SRC		0x80
#define EDU_DMA_DST		0x88
#define EDU_DMA_COUNT		0x90
#define EDU_DMA_CMD		0x98
#define EDU_DMA_START		1
#define EDU_DMA_TO_RAM		2
#define EDU_DMA_IRQ		4
#define EDU_DMA_DONE_IRQ	0x100
#define EDU_DMA_BUFFER		0x40000
#define EDU_DMA_BITS		28
#define EDU_DMA_LENGTH		2048

struct edu {
	struct pci_dev *pdev;
	void __iomem *regs;
	unsigned int intx_irq;
	atomic_t hard_count;		/* hard handler calls that found status bits */
	atomic_t other_count;		/* calls of the second handler sharing the line */
	atomic_t thread_count;
	atomic_t thread_in_interrupt;
	atomic_t thread_running;
	atomic_t tasklet_count;
	atomic_t tasklet_in_softirq;
	u32 last_status;
	unsigned int thread_sleep_ms;
	struct tasklet_struct tasklet;
};

static int test_number;
static int failures;

static void ktap(bool ok, const char *name)
{
	test_number++;
	if (!ok)
		failures++;
	pr_info("%sok %d %s\n", ok ? "" : "not ", test_number, name);
}

#define CHECK(cond, fmt, ...)							\
do {										\
	if (!(cond)) {								\
		pr_info("    # %s:%d: %s: " fmt "\n", __func__, __LINE__, #cond, ##__VA_ARGS__); \
		return false;							\
	}									\
} while (0)

/* Waits up to ms milliseconds for cond (sleeping a millisecond at a time). */
#define WAIT_FOR(cond, ms)							\
({										\
	unsigned int __waited = 0;						\
	while (!(cond) && __waited < (ms)) {					\
		msleep(1);							\
		__waited++;							\
	}									\
	(cond);									\
})

static irqreturn_t edu_intx_handler(int irq, void *dev_id)
{
	struct edu *edu = dev_id;
	u32 status = readl(edu->regs + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	edu->last_status = status;
	writel(status, edu->regs + EDU_IRQ_ACK);
	atomic_inc(&edu->hard_count);
	tasklet_schedule(&edu->tasklet);
	return IRQ_HANDLED;
}

/* Shares the line and never claims an interrupt: it must still be called each time. */
static irqreturn_t edu_other_handler(int irq, void *dev_id)
{
	atomic_inc((atomic_t *)dev_id);
	return IRQ_NONE;
}

static irqreturn_t edu_msi_hard(int irq, void *dev_id)
{
	struct edu *edu = dev_id;
	u32 status = readl(edu->regs + EDU_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	edu->last_status = status;
	writel(status, edu->regs + EDU_IRQ_ACK);
	atomic_inc(&edu->hard_count);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t edu_msi_thread(int irq, void *dev_id)
{
	struct edu *edu = dev_id;

	atomic_set(&edu->thread_running, 1);
	if (in_interrupt())
		atomic_inc(&edu->thread_in_interrupt);
	if (edu->thread_sleep_ms)
		msleep(edu->thread_sleep_ms);
	atomic_inc(&edu->thread_count);
	atomic_set(&edu->thread_running, 0);
	return IRQ_HANDLED;
}

static void edu_tasklet(struct tasklet_struct *t)
{
	struct edu *edu = from_tasklet(edu, t, tasklet);

	if (in_softirq() && !in_irq())
		atomic_inc(&edu->tasklet_in_softirq);
	atomic_inc(&edu->tasklet_count);
}

static void edu_raise(struct edu *edu, u32 bits)
{
	writel(bits, edu->regs + EDU_IRQ_RAISE);
}

static bool test_device(struct edu *edu)
{
	struct pci_dev *pdev = edu->pdev;
	u16 vendor;

	CHECK(pdev->vendor == 0x1234 && pdev->device == 0x11e8, "%04x:%04x", pdev->vendor, pdev->device);
	CHECK(pdev->class >> 8 == 0x00ff, "class %06x", pdev->class);
	CHECK(strlen(pci_name(pdev)) == 12 && pci_name(pdev)[4] == ':', "name %s", pci_name(pdev));
	CHECK(pci_read_config_word(pdev, PCI_VENDOR_ID, &vendor) == 0 && vendor == 0x1234, "vendor %04x", vendor);
	CHECK(pci_resource_flags(pdev, 0) & IORESOURCE_MEM, "BAR0 flags %lx", pci_resource_flags(pdev, 0));
	CHECK(pci_resource_len(pdev, 0) == (1 << 20), "BAR0 length %llx", (u64)pci_resource_len(pdev, 0));
	CHECK(pci_resource_start(pdev, 0) != 0, "BAR0 unassigned");
	CHECK(pci_select_bars(pdev, IORESOURCE_MEM) == 1, "bars %x", pci_select_bars(pdev, IORESOURCE_MEM));
	CHECK(pdev->msi_cap && pci_find_capability(pdev, PCI_CAP_ID_MSI) == pdev->msi_cap, "MSI at %u", pdev->msi_cap);
	CHECK(pci_find_capability(pdev, PCI_CAP_ID_MSIX) == 0, "edu has no MSI-X");
	CHECK(pdev->irq != 0 && pdev->pin == 1, "irq %u pin %u", pdev->irq, pdev->pin);
	CHECK(pci_get_drvdata(pdev) == edu, "drvdata");
	return true;
}

static bool test_mmio(struct edu *edu)
{
	u16 command;

	CHECK(readl(edu->regs + EDU_ID) == 0x010000ed, "id %08x", readl(edu->regs + EDU_ID));
	writel(0x12345678, edu->regs + EDU_LIVENESS);
	CHECK(readl(edu->regs + EDU_LIVENESS) == ~0x12345678u, "liveness %08x", readl(edu->regs + EDU_LIVENESS));
	CHECK(ioread32(edu->regs + EDU_ID) == 0x010000ed, "ioread32");
	pci_read_config_word(edu->pdev, PCI_COMMAND, &command);
	CHECK((command & (PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER)) == (PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER),
	      "command %04x", command);
	/* pcim_iomap_regions reserved BAR0: a second reservation must fail. */
	CHECK(pci_request_region(edu->pdev, 0, "again") == -EBUSY, "BAR0 reserved twice");
	return true;
}

static bool test_shared_intx(struct edu *edu)
{
	static atomic_t other;
	unsigned int irq = edu->intx_irq;
	int before;

	atomic_set(&other, 0);
	CHECK(request_irq(irq, edu_intx_handler, IRQF_SHARED, "kpi_edu", edu) == 0, "request_irq %u", irq);
	CHECK(request_irq(irq, edu_other_handler, IRQF_SHARED, "kpi_edu-other", &other) == 0, "second handler");
	CHECK(request_irq(irq, edu_other_handler, 0, "kpi_edu-exclusive", &other) == -EBUSY, "exclusive on shared");

	edu_raise(edu, 0x1);
	CHECK(WAIT_FOR(atomic_read(&edu->hard_count) == 1, 1000), "no interrupt (count %d)", atomic_read(&edu->hard_count));
	CHECK(edu->last_status == 0x1, "status %x", edu->last_status);
	CHECK(atomic_read(&other) >= 1, "sharing handler not called");

	/* Disabled twice, enabled once: still off; the level stays asserted and is handled after the last enable. */
	disable_irq(irq);
	disable_irq(irq);
	before = atomic_read(&edu->hard_count);
	edu_raise(edu, 0x2);
	msleep(30);
	CHECK(atomic_read(&edu->hard_count) == before, "handled while disabled");
	enable_irq(irq);
	msleep(30);
	CHECK(atomic_read(&edu->hard_count) == before, "handled at depth 1");
	enable_irq(irq);
	CHECK(WAIT_FOR(atomic_read(&edu->hard_count) == before + 1, 1000), "not handled after enable");
	CHECK(edu->last_status == 0x2, "status %x", edu->last_status);

	CHECK(WAIT_FOR(atomic_read(&edu->tasklet_count) >= 2, 1000), "tasklet runs %d", atomic_read(&edu->tasklet_count));
	CHECK(atomic_read(&edu->tasklet_in_softirq) == atomic_read(&edu->tasklet_count), "tasklet outside softirq");

	CHECK(free_irq(irq, &other) != NULL, "free second");
	CHECK(free_irq(irq, edu) != NULL, "free first");
	return true;
}

static bool test_tasklet_disable(struct edu *edu)
{
	int before = atomic_read(&edu->tasklet_count);

	tasklet_disable(&edu->tasklet);
	tasklet_schedule(&edu->tasklet);
	msleep(30);
	CHECK(atomic_read(&edu->tasklet_count) == before, "ran while disabled");
	tasklet_enable(&edu->tasklet);
	CHECK(WAIT_FOR(atomic_read(&edu->tasklet_count) == before + 1, 1000), "not run after enable");
	tasklet_kill(&edu->tasklet);
	return true;
}

static bool test_msi_threaded(struct edu *edu)
{
	struct pci_dev *pdev = edu->pdev;
	int nvec, irq;

	nvec = pci_alloc_irq_vectors(pdev, 1, 4, PCI_IRQ_MSI | PCI_IRQ_MSIX);
	CHECK(nvec == 1, "vectors %d", nvec);
	CHECK(pdev->msi_enabled && !pdev->msix_enabled, "msi %u msix %u", pdev->msi_enabled, pdev->msix_enabled);
	irq = pci_irq_vector(pdev, 0);
	CHECK(irq >= 256 && irq != edu->intx_irq, "MSI irq %d", irq);
	CHECK(pci_irq_vector(pdev, 1) == -EINVAL, "vector 1 exists");
	/* A thread-only handler is accepted on an edge (MSI) line without IRQF_ONESHOT, as in Linux. */
	CHECK(request_threaded_irq(irq, edu_msi_hard, edu_msi_thread, 0, "kpi_edu-msi", edu) == 0, "request");

	atomic_set(&edu->hard_count, 0);
	edu_raise(edu, 0x4);
	CHECK(WAIT_FOR(atomic_read(&edu->thread_count) == 1, 1000), "thread runs %d", atomic_read(&edu->thread_count));
	CHECK(atomic_read(&edu->hard_count) == 1, "hard runs %d", atomic_read(&edu->hard_count));
	CHECK(atomic_read(&edu->thread_in_interrupt) == 0, "thread handler in interrupt context");

	/* synchronize_irq waits for a thread handler that is running. */
	edu->thread_sleep_ms = 100;
	edu_raise(edu, 0x8);
	CHECK(WAIT_FOR(atomic_read(&edu->thread_running) == 1, 1000), "thread did not start");
	synchronize_irq(irq);
	CHECK(atomic_read(&edu->thread_running) == 0 && atomic_read(&edu->thread_count) == 2,
	      "synchronize_irq returned while the thread ran (count %d)", atomic_read(&edu->thread_count));
	edu->thread_sleep_ms = 0;

	/* disable_irq on an edge line: an interrupt while disabled is delivered by enable_irq. */
	disable_irq(irq);
	edu_raise(edu, 0x10);
	msleep(30);
	CHECK(atomic_read(&edu->hard_count) == 2, "handled while disabled (%d)", atomic_read(&edu->hard_count));
	enable_irq(irq);
	CHECK(WAIT_FOR(atomic_read(&edu->thread_count) == 3, 1000), "pending MSI lost (%d)", atomic_read(&edu->thread_count));

	CHECK(free_irq(irq, edu) != NULL, "free_irq");
	pci_free_irq_vectors(pdev);
	CHECK(!pdev->msi_enabled && pdev->irq == edu->intx_irq, "irq %u after free", pdev->irq);
	return true;
}

/* edu DMA of len bytes between bus address and its buffer; waits for the completion interrupt. */
static bool edu_dma(struct edu *edu, dma_addr_t bus, size_t len, bool to_ram)
{
	int before = atomic_read(&edu->hard_count);

	writeq(to_ram ? EDU_DMA_BUFFER : bus, edu->regs + EDU_DMA_SRC);
	writeq(to_ram ? bus : EDU_DMA_BUFFER, edu->regs + EDU_DMA_DST);
	writeq(len, edu->regs + EDU_DMA_COUNT);
	writeq(EDU_DMA_START | EDU_DMA_IRQ | (to_ram ? EDU_DMA_TO_RAM : 0), edu->regs + EDU_DMA_CMD);
	CHECK(WAIT_FOR(atomic_read(&edu->hard_count) > before, 2000), "no DMA completion interrupt");
	CHECK(edu->last_status == EDU_DMA_DONE_IRQ, "status %x", edu->last_status);
	return true;
}

static bool test_dma(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t coherent_bus, stream_bus;
	u8 *coherent, *stream;
	size_t i, zero = 0;
	bool ok = false;

	CHECK(dma_set_mask_and_coherent(dev, DMA_BIT_MASK(EDU_DMA_BITS)) == 0, "mask");
	CHECK(dma_set_mask(dev, DMA_BIT_MASK(12)) == -EIO, "a 12-bit mask was accepted");
	CHECK(request_irq(edu->intx_irq, edu_intx_handler, IRQF_SHARED, "kpi_edu", edu) == 0, "irq");

	coherent = dma_alloc_coherent(dev, EDU_DMA_LENGTH, &coherent_bus, GFP_KERNEL);
	stream = kmalloc(EDU_DMA_LENGTH, GFP_KERNEL);
	if (!coherent || !stream) {
		pr_info("    # no memory\n");
		goto out;
	}
	for (i = 0; i < EDU_DMA_LENGTH; i++)
		zero |= coherent[i];
	if (zero || coherent_bus > DMA_BIT_MASK(EDU_DMA_BITS) - (EDU_DMA_LENGTH - 1) || coherent_bus != virt_to_phys(coherent)) {
		pr_info("    # coherent buffer: not zeroed or bad bus address %llx\n", (u64)coherent_bus);
		goto out;
	}
	for (i = 0; i < EDU_DMA_LENGTH; i++)
		coherent[i] = (u8)(i * 7 + 3);
	memset(stream, 0, EDU_DMA_LENGTH);
	if (!edu_dma(edu, coherent_bus, EDU_DMA_LENGTH, false))
		goto out;
	stream_bus = dma_map_single(dev, stream, EDU_DMA_LENGTH, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, stream_bus)) {
		pr_info("    # dma_map_single failed\n");
		goto out;
	}
	if (!edu_dma(edu, stream_bus, EDU_DMA_LENGTH, true))
		goto unmap;
	dma_sync_single_for_cpu(dev, stream_bus, EDU_DMA_LENGTH, DMA_FROM_DEVICE);
	if (memcmp(stream, coherent, EDU_DMA_LENGTH)) {
		pr_info("    # the bytes that came back differ\n");
		goto unmap;
	}
	ok = true;
unmap:
	dma_unmap_single(dev, stream_bus, EDU_DMA_LENGTH, DMA_FROM_DEVICE);
out:
	if (coherent)
		dma_free_coherent(dev, EDU_DMA_LENGTH, coherent, coherent_bus);
	kfree(stream);
	free_irq(edu->intx_irq, edu);
	return ok;
}

/* A mapping beyond the mask fails rather than handing the device an address it cannot reach. */
static bool test_dma_mask_check(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	u8 *buffer = kmalloc(256, GFP_KERNEL);
	dma_addr_t bus;
	bool above;

	CHECK(buffer, "no memory");
	CHECK(dma_set_mask(dev, DMA_BIT_MASK(24)) == 0, "24-bit mask");
	above = virt_to_phys(buffer) + 255 > DMA_BIT_MASK(24);
	bus = dma_map_single(dev, buffer, 256, DMA_TO_DEVICE);
	dma_set_mask(dev, DMA_BIT_MASK(EDU_DMA_BITS));
	kfree(buffer);
	CHECK(!!dma_mapping_error(dev, bus) == above, "buffer above 16 MiB: %d, mapping failed: %d", above,
	      !!dma_mapping_error(dev, bus));
	return true;
}

static bool test_dma_pool(struct edu *edu)
{
	struct dma_pool *pool = dma_pool_create("kpi_edu", &edu->pdev->dev, 96, 32, 1024);
	void *blocks[80];
	dma_addr_t bus[80];
	int i, j;

	CHECK(pool, "dma_pool_create");
	for (i = 0; i < 80; i++) {
		blocks[i] = dma_pool_zalloc(pool, GFP_KERNEL, &bus[i]);
		CHECK(blocks[i], "block %d", i);
		CHECK(bus[i] % 32 == 0, "block %d misaligned", i);
		CHECK(bus[i] / 1024 == (bus[i] + 95) / 1024, "block %d crosses the boundary", i);
		CHECK(bus[i] == virt_to_phys(blocks[i]), "block %d bus address", i);
		CHECK(((u8 *)blocks[i])[0] == 0 && ((u8 *)blocks[i])[95] == 0, "block %d not zeroed", i);
		memset(blocks[i], 0xa5, 96);
		for (j = 0; j < i; j++)
			CHECK(bus[j] != bus[i], "blocks %d and %d overlap", j, i);
	}
	for (i = 0; i < 80; i++)
		dma_pool_free(pool, blocks[i], bus[i]);
	dma_pool_destroy(pool);
	return true;
}

static bool test_idr_ida_xarray(void)
{
	DEFINE_IDR(idr);
	DEFINE_IDA(ida);
	DEFINE_XARRAY_ALLOC(xa);
	unsigned long index;
	void *entry;
	u32 id;
	int a, b, c, n = 0;

	a = idr_alloc(&idr, &n, 5, 8, GFP_KERNEL);
	b = idr_alloc(&idr, &a, 5, 8, GFP_KERNEL);
	c = idr_alloc(&idr, &b, 5, 7, GFP_KERNEL);
	CHECK(a == 5 && b == 6 && c == -ENOSPC, "idr ids %d %d %d", a, b, c);
	CHECK(idr_find(&idr, 6) == &a && idr_find(&idr, 7) == NULL, "idr_find");
	CHECK(idr_remove(&idr, 5) == &n && idr_find(&idr, 5) == NULL, "idr_remove");
	/* Cyclic allocation goes on after the last cyclic id (idr_alloc does not move it) and wraps. */
	CHECK(idr_alloc_cyclic(&idr, &c, 5, 8, GFP_KERNEL) == 5, "cyclic from the start");
	CHECK(idr_alloc_cyclic(&idr, &c, 5, 8, GFP_KERNEL) == 7, "cyclic after 5 skips the busy 6");
	CHECK(idr_alloc_cyclic(&idr, &c, 5, 8, GFP_KERNEL) == -ENOSPC, "cyclic when full");
	CHECK(idr_remove(&idr, 6) == &a, "idr_remove 6");
	CHECK(idr_alloc_cyclic(&idr, &c, 5, 8, GFP_KERNEL) == 6, "cyclic wraps around");
	idr_for_each_entry(&idr, entry, a)
		n++;
	CHECK(n == 3, "idr_for_each_entry saw %d", n);
	idr_destroy(&idr);

	CHECK(ida_alloc_range(&ida, 3, 4, GFP_KERNEL) == 3, "ida 3");
	CHECK(ida_alloc_range(&ida, 3, 4, GFP_KERNEL) == 4, "ida 4");
	CHECK(ida_alloc_range(&ida, 3, 4, GFP_KERNEL) == -ENOSPC, "ida full");
	ida_free(&ida, 3);
	CHECK(ida_simple_get(&ida, 3, 5, GFP_KERNEL) == 3, "ida reuse");
	ida_destroy(&ida);

	for (a = 0; a < 40; a++)
		CHECK(xa_alloc(&xa, &id, xa_mk_value(a), xa_limit_32b, GFP_KERNEL) == 0 && id == a, "xa_alloc %d", a);
	CHECK(xa_erase(&xa, 10) == xa_mk_value(10), "xa_erase");
	CHECK(xa_store(&xa, 1000, xa_mk_value(1000), GFP_KERNEL) == NULL, "xa_store");
	CHECK(xa_load(&xa, 10) == NULL && xa_to_value(xa_load(&xa, 1000)) == 1000, "xa_load");
	n = 0;
	b = -1;
	xa_for_each(&xa, index, entry) {
		CHECK((long)index > b && xa_to_value(entry) == index, "order at %lu", index);
		b = index;
		n++;
	}
	CHECK(n == 40, "xa_for_each saw %d", n);
	CHECK(xa_alloc(&xa, &id, xa_mk_value(10), xa_limit_32b, GFP_KERNEL) == 0 && id == 10, "lowest free %u", id);
	xa_destroy(&xa);
	CHECK(xa_empty(&xa), "xa_destroy");
	return true;
}

/* devres: released newest first when the driver detaches (the system test checks the printed order). */
static void edu_release_first(void *data)
{
	pr_info("kpi_edu: devres release first-added\n");
}

static void edu_release_second(void *data)
{
	pr_info("kpi_edu: devres release second-added\n");
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct edu *edu;
	int rc;

	pr_info("KTAP version 1\n");
	pr_info("1..11\n");
	edu = devm_kzalloc(&pdev->dev, sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	edu->intx_irq = pdev->irq;
	tasklet_setup(&edu->tasklet, edu_tasklet);
	pci_set_drvdata(pdev, edu);
	rc = pcim_enable_device(pdev);
	if (rc)
		return dev_err_probe(&pdev->dev, rc, "enable\n");
	rc = pcim_iomap_regions(pdev, BIT(0), "kpi_edu");
	if (rc)
		return dev_err_probe(&pdev->dev, rc, "iomap\n");
	edu->regs = pcim_iomap_table(pdev)[0];
	pci_set_master(pdev);
	if (devm_add_action(&pdev->dev, edu_release_first, edu) ||
	    devm_add_action(&pdev->dev, edu_release_second, edu))
		return -ENOMEM;
	dev_info(&pdev->dev, "edu registers at %#llx, irq %u\n", (u64)pci_resource_start(pdev, 0), pdev->irq);

	ktap(test_device(edu), "device");
	ktap(test_mmio(edu), "mmio");
	ktap(test_shared_intx(edu), "shared_intx");
	ktap(test_tasklet_disable(edu), "tasklet_disable");
	ktap(test_msi_threaded(edu), "msi_threaded");
	ktap(test_dma(edu), "dma");
	ktap(test_dma_mask_check(edu), "dma_mask_check");
	ktap(test_dma_pool(edu), "dma_pool");
	ktap(test_idr_ida_xarray(), "idr_ida_xarray");
	ktap(readl(edu->regs + EDU_ID) == 0x010000ed, "mmio_after");
	ktap(failures == 0, "summary");
	return 0;
}

static void edu_remove(struct pci_dev *pdev)
{
	pr_info("kpi_edu: remove %s\n", pci_name(pdev));
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },
	{ }
};

static struct pci_driver edu_driver = {
	.name = "kpi_edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

module_pci_driver(edu_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("LinuxKPI device/irq/DMA checks against QEMU's edu device");
