// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: a PCI driver and its interrupts, on QEMU's "edu" device (-device edu, 1234:11e8), which
 * raises an interrupt when a bit is written to its raise register. The suite registers a pci_driver for it
 * (probe enables the device, maps BAR 0 and allocates one MSI vector). Checked: probe and remove, config and
 * MMIO access, request_irq delivery, synchronize_irq waiting for a handler that is running on another CPU,
 * disable_irq/enable_irq, threaded handlers, DMA masks through the PCI device. Without an edu device every
 * case is skipped. (LinuxKPI's PCI layer has its own, wider test: Tests/Modules/kpi-edu.)
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/sizes.h>
#include "selftest.h"

/* edu registers (QEMU's hw/misc/edu.c), in BAR 0. */
#define EDU_ID		0x00	/* reads 0x010000ed */
#define EDU_LIVENESS	0x04	/* reads back what was written, inverted */
#define EDU_IRQ_STATUS	0x24
#define EDU_IRQ_RAISE	0x60	/* status |= value, and interrupt */
#define EDU_IRQ_ACK	0x64	/* status &= ~value */
#define EDU_TEST_BIT	0x1

struct selftest_edu {
	struct pci_dev *pdev;
	void __iomem *registers;
	int irq;
	atomic_t hard_runs;
	atomic_t thread_runs;
	int entered;
	int finished;
	unsigned int hold_ms;		/* how long the hard handler busy-waits */
	int handler_cpu;
	int thread_in_interrupt;
	bool removed;
};

static struct selftest_edu edu;

/* Takes the device's interrupt status bits and acknowledges them; returns them. */
static u32 edu_take_status(struct selftest_edu *state)
{
	u32 status = ioread32(state->registers + EDU_IRQ_STATUS);

	if (status)
		iowrite32(status, state->registers + EDU_IRQ_ACK);
	return status;
}

static irqreturn_t edu_handler(int irq, void *dev_id)
{
	struct selftest_edu *state = dev_id;

	if (!(edu_take_status(state) & EDU_TEST_BIT))
		return IRQ_NONE;
	state->handler_cpu = raw_smp_processor_id();
	WRITE_ONCE(state->finished, 0);
	WRITE_ONCE(state->entered, 1);
	if (state->hold_ms)
		mdelay(state->hold_ms);
	atomic_inc(&state->hard_runs);
	WRITE_ONCE(state->finished, 1);
	return IRQ_HANDLED;
}

static irqreturn_t edu_thread_hard(int irq, void *dev_id)
{
	struct selftest_edu *state = dev_id;

	if (!(edu_take_status(state) & EDU_TEST_BIT))
		return IRQ_NONE;
	atomic_inc(&state->hard_runs);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t edu_thread_function(int irq, void *dev_id)
{
	struct selftest_edu *state = dev_id;

	state->thread_in_interrupt = in_interrupt() ? 1 : 0;
	msleep(5);	/* a threaded handler may sleep */
	atomic_inc(&state->thread_runs);
	return IRQ_HANDLED;
}

/* Clears any status left from an earlier case. */
static void edu_quiesce(struct selftest_edu *state)
{
	iowrite32(~0u, state->registers + EDU_IRQ_ACK);
}

static void edu_fire(struct selftest_edu *state)
{
	iowrite32(EDU_TEST_BIT, state->registers + EDU_IRQ_RAISE);
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err;

	if (edu.pdev)
		return -EBUSY;	/* one is enough */
	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	edu.registers = pci_iomap(pdev, 0, 0);
	if (!edu.registers) {
		pci_disable_device(pdev);
		return -ENOMEM;
	}
	edu_quiesce(&edu);
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (err < 0) {
		pci_iounmap(pdev, edu.registers);
		pci_disable_device(pdev);
		return err;
	}
	edu.irq = pci_irq_vector(pdev, 0);
	edu.pdev = pdev;
	pci_set_drvdata(pdev, &edu);
	return 0;
}

static void edu_remove(struct pci_dev *pdev)
{
	edu_quiesce(&edu);
	pci_free_irq_vectors(pdev);
	pci_iounmap(pdev, edu.registers);
	pci_disable_device(pdev);
	edu.removed = true;
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(0x1234, 0x11e8) },	/* QEMU's edu */
	{}
};

static struct pci_driver edu_driver = {
	.name = "kpi-selftest-edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};

static int pci_suite_init(struct kunit_suite *suite)
{
	memset(&edu, 0, sizeof(edu));
	return pci_register_driver(&edu_driver);
}

static void pci_suite_exit(struct kunit_suite *suite)
{
	pci_unregister_driver(&edu_driver);
}

static int pci_case_init(struct kunit *test)
{
	atomic_set(&edu.hard_runs, 0);
	atomic_set(&edu.thread_runs, 0);
	edu.entered = 0;
	edu.finished = 0;
	edu.hold_ms = 0;
	return 0;
}

#define REQUIRE_EDU(test)							\
	do {									\
		if (!edu.pdev)							\
			kunit_skip(test, "no edu device (boot QEMU with -device edu)"); \
	} while (0)

static void pci_probe_and_config(struct kunit *test)
{
	u16 vendor = 0, command = 0;

	REQUIRE_EDU(test);
	KUNIT_EXPECT_EQ(test, edu.pdev->vendor, 0x1234);
	KUNIT_EXPECT_EQ(test, edu.pdev->device, 0x11e8);
	KUNIT_EXPECT_PTR_EQ(test, pci_get_drvdata(edu.pdev), (void *)&edu);
	KUNIT_EXPECT_EQ(test, pci_read_config_word(edu.pdev, PCI_VENDOR_ID, &vendor), 0);
	KUNIT_EXPECT_EQ(test, vendor, 0x1234);
	pci_read_config_word(edu.pdev, PCI_COMMAND, &command);
	KUNIT_EXPECT_TRUE(test, command & PCI_COMMAND_MEMORY);
	KUNIT_EXPECT_TRUE(test, command & PCI_COMMAND_MASTER);
	KUNIT_EXPECT_TRUE(test, pci_resource_flags(edu.pdev, 0) & IORESOURCE_MEM);
	KUNIT_EXPECT_EQ(test, pci_resource_len(edu.pdev, 0), (resource_size_t)SZ_1M);
	KUNIT_EXPECT_NE(test, pci_resource_start(edu.pdev, 0), (resource_size_t)0);
	KUNIT_EXPECT_TRUE(test, edu.pdev->msi_enabled);
	KUNIT_EXPECT_GT(test, edu.irq, 0);
	KUNIT_EXPECT_STREQ(test, dev_name(&edu.pdev->dev), pci_name(edu.pdev));
	KUNIT_EXPECT_EQ(test, ioread32(edu.registers + EDU_ID), 0x010000edU);
	iowrite32(0x12345678, edu.registers + EDU_LIVENESS);
	KUNIT_EXPECT_EQ(test, readl(edu.registers + EDU_LIVENESS), ~0x12345678U);
}

static void pci_request_irq_delivers(struct kunit *test)
{
	REQUIRE_EDU(test);
	KUNIT_ASSERT_EQ(test, request_irq(edu.irq, edu_handler, 0, "kpi-selftest", &edu), 0);
	edu_fire(&edu);
	KUNIT_EXPECT_TRUE_MSG(test, selftest_wait_until(&edu.finished, 2000), "no interrupt within 2 s of raising it");
	KUNIT_EXPECT_EQ(test, atomic_read(&edu.hard_runs), 1);
	edu_quiesce(&edu);
	KUNIT_EXPECT_PTR_EQ(test, free_irq(edu.irq, &edu), (const void *)"kpi-selftest");
}

struct irq_synchronizer {
	int finished_seen;	/* edu.finished right after synchronize_irq returned */
	int cpu;
	struct completion done;
};

/* Fires the interrupt, waits until its handler runs (elsewhere), then synchronizes with it. */
static int irq_synchronizer_thread(void *data)
{
	struct irq_synchronizer *synchronizer = data;

	synchronizer->cpu = raw_smp_processor_id();
	edu_fire(&edu);
	if (selftest_wait_until(&edu.entered, 2000)) {
		synchronize_irq(edu.irq);
		synchronizer->finished_seen = READ_ONCE(edu.finished);
	} else {
		synchronizer->finished_seen = -1;
	}
	complete(&synchronizer->done);
	return 0;
}

static void pci_synchronize_irq_waits_for_handler(struct kunit *test)
{
	struct irq_synchronizer *synchronizer = kunit_kzalloc(test, sizeof(*synchronizer), GFP_KERNEL);
	int cpu, other = -1;

	REQUIRE_EDU(test);
	KUNIT_ASSERT_NOT_NULL(test, synchronizer);
	KUNIT_ASSERT_EQ(test, request_irq(edu.irq, edu_handler, 0, "kpi-selftest", &edu), 0);
	/* A first interrupt shows which CPU handles it; the synchronizer runs on another one if there is one. */
	edu_fire(&edu);
	KUNIT_ASSERT_TRUE_MSG(test, selftest_wait_until(&edu.finished, 2000), "no interrupt within 2 s of raising it");
	for_each_online_cpu(cpu) {
		if (cpu != edu.handler_cpu) {
			other = cpu;
			break;
		}
	}
	WRITE_ONCE(edu.entered, 0);
	WRITE_ONCE(edu.finished, 0);
	edu.hold_ms = 100;
	init_completion(&synchronizer->done);
	KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(irq_synchronizer_thread, synchronizer, other,
							       "kpi-irq-sync")));
	wait_for_completion(&synchronizer->done);
	KUNIT_EXPECT_NE_MSG(test, synchronizer->finished_seen, -1, "no interrupt within 2 s of raising it");
	KUNIT_EXPECT_EQ_MSG(test, synchronizer->finished_seen, 1, "synchronize_irq returned while the handler ran");
	kunit_info(test, "handler on CPU %d, synchronize_irq on CPU %d", edu.handler_cpu, synchronizer->cpu);
	edu_quiesce(&edu);
	free_irq(edu.irq, &edu);
}

static void pci_disable_enable_irq(struct kunit *test)
{
	REQUIRE_EDU(test);
	KUNIT_ASSERT_EQ(test, request_irq(edu.irq, edu_handler, 0, "kpi-selftest", &edu), 0);
	disable_irq(edu.irq);
	edu_fire(&edu);
	msleep(100);
	KUNIT_EXPECT_EQ_MSG(test, atomic_read(&edu.hard_runs), 0, "the handler ran while its irq was disabled");
	enable_irq(edu.irq);
	/* Linux replays an interrupt that came while disabled; a second cause makes sure one comes now. */
	msleep(20);
	edu_fire(&edu);
	KUNIT_EXPECT_TRUE_MSG(test, selftest_wait_until(&edu.finished, 2000), "no interrupt after enable_irq");
	edu_quiesce(&edu);
	free_irq(edu.irq, &edu);
}

static void pci_threaded_irq(struct kunit *test)
{
	REQUIRE_EDU(test);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(edu.irq, edu_thread_hard, edu_thread_function, IRQF_ONESHOT,
						   "kpi-selftest-thread", &edu), 0);
	edu_fire(&edu);
	msleep(200);
	KUNIT_EXPECT_EQ(test, atomic_read(&edu.hard_runs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&edu.thread_runs), 1);
	KUNIT_EXPECT_EQ(test, edu.thread_in_interrupt, 0);
	edu_quiesce(&edu);
	free_irq(edu.irq, &edu);
}

static void pci_dma_through_device(struct kunit *test)
{
	dma_addr_t handle;
	void *memory;

	REQUIRE_EDU(test);
	KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(&edu.pdev->dev, DMA_BIT_MASK(64)), 0);
	KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(&edu.pdev->dev, DMA_BIT_MASK(32)), 0);
	memory = dma_alloc_coherent(&edu.pdev->dev, 4096, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, memory);
	KUNIT_EXPECT_LE(test, handle + 4095, (dma_addr_t)DMA_BIT_MASK(32));
	dma_free_coherent(&edu.pdev->dev, 4096, memory, handle);
}

static struct kunit_case pci_cases[] = {
	KUNIT_CASE(pci_probe_and_config),
	KUNIT_CASE(pci_request_irq_delivers),
	KUNIT_CASE(pci_synchronize_irq_waits_for_handler),
	KUNIT_CASE(pci_disable_enable_irq),
	KUNIT_CASE(pci_threaded_irq),
	KUNIT_CASE(pci_dma_through_device),
	{}
};

static struct kunit_suite pci_suite = {
	.name = "kpi-pci",
	.suite_init = pci_suite_init,
	.suite_exit = pci_suite_exit,
	.init = pci_case_init,
	.test_cases = pci_cases,
};
kunit_test_suite(pci_suite);
