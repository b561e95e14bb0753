// SPDX-License-Identifier: GPL-2.0-only
/*
 * KPI self-test: a PCI driver and its interrupts, on the e1000e (82574L) the test VM has. The suite registers
 * a pci_driver for it (probe enables the device, maps BAR 0 and allocates one MSI vector) and makes the
 * device interrupt on demand by writing a cause into its Interrupt Cause Set register. Checked: probe and
 * remove, config and MMIO access, request_irq delivery, synchronize_irq waiting for a handler that is
 * running (on another CPU when there are several), disable_irq/enable_irq, threaded handlers, DMA through
 * the PCI device. Without an e1000e every case is skipped.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/pci.h>
#include "selftest.h"

/* 82574L registers (Linux's drivers/net/ethernet/intel/e1000e/regs.h). */
#define E1000_STATUS	0x0008
#define E1000_ICR	0x00C0
#define E1000_ITR	0x00C4
#define E1000_ICS	0x00C8
#define E1000_IMS	0x00D0
#define E1000_IMC	0x00D8
#define E1000_EITR(n)	(0x00E8 + 4 * (n))
#define E1000_ICR_LSC	(1u << 2)

struct selftest_nic {
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

static struct selftest_nic nic;

static irqreturn_t nic_handler(int irq, void *dev_id)
{
	struct selftest_nic *state = dev_id;
	u32 cause = ioread32(state->registers + E1000_ICR);	/* reading clears the causes */

	if (!(cause & E1000_ICR_LSC))
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

static irqreturn_t nic_thread_hard(int irq, void *dev_id)
{
	struct selftest_nic *state = dev_id;

	if (!(ioread32(state->registers + E1000_ICR) & E1000_ICR_LSC))
		return IRQ_NONE;
	atomic_inc(&state->hard_runs);
	return IRQ_WAKE_THREAD;
}

static irqreturn_t nic_thread_function(int irq, void *dev_id)
{
	struct selftest_nic *state = dev_id;

	state->thread_in_interrupt = in_interrupt() ? 1 : 0;
	msleep(5);	/* a threaded handler may sleep */
	atomic_inc(&state->thread_runs);
	return IRQ_HANDLED;
}

/* Masks every cause and turns throttling off, then waits out a throttle timer QEMU's model may run. */
static void nic_quiesce(struct selftest_nic *state)
{
	int i;

	iowrite32(0, state->registers + E1000_ITR);
	for (i = 0; i < 5; i++)
		iowrite32(0, state->registers + E1000_EITR(i));
	iowrite32(~0u, state->registers + E1000_IMC);
	iowrite32(~0u, state->registers + E1000_ICR);
	ioread32(state->registers + E1000_ICR);
	msleep(30);
}

static void nic_fire(struct selftest_nic *state)
{
	iowrite32(E1000_ICR_LSC, state->registers + E1000_IMS);
	iowrite32(E1000_ICR_LSC, state->registers + E1000_ICS);
}

static int nic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int err;

	if (nic.pdev)
		return -EBUSY;	/* one is enough */
	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	pci_set_master(pdev);
	nic.registers = pci_iomap(pdev, 0, 0);
	if (!nic.registers) {
		pci_disable_device(pdev);
		return -ENOMEM;
	}
	nic_quiesce(&nic);
	err = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (err < 0) {
		pci_iounmap(pdev, nic.registers);
		pci_disable_device(pdev);
		return err;
	}
	nic.irq = pci_irq_vector(pdev, 0);
	nic.pdev = pdev;
	pci_set_drvdata(pdev, &nic);
	return 0;
}

static void nic_remove(struct pci_dev *pdev)
{
	nic_quiesce(&nic);
	pci_free_irq_vectors(pdev);
	pci_iounmap(pdev, nic.registers);
	pci_disable_device(pdev);
	nic.removed = true;
}

static const struct pci_device_id nic_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, 0x10d3) },	/* 82574L, QEMU's e1000e */
	{}
};

static struct pci_driver nic_driver = {
	.name = "kpi-selftest-e1000e",
	.id_table = nic_ids,
	.probe = nic_probe,
	.remove = nic_remove,
};

static int pci_suite_init(struct kunit_suite *suite)
{
	memset(&nic, 0, sizeof(nic));
	return pci_register_driver(&nic_driver);
}

static void pci_suite_exit(struct kunit_suite *suite)
{
	pci_unregister_driver(&nic_driver);
}

static int pci_case_init(struct kunit *test)
{
	atomic_set(&nic.hard_runs, 0);
	atomic_set(&nic.thread_runs, 0);
	nic.entered = 0;
	nic.finished = 0;
	nic.hold_ms = 0;
	return 0;
}

#define REQUIRE_NIC(test)							\
	do {									\
		if (!nic.pdev)							\
			kunit_skip(test, "no e1000e (boot QEMU with -device e1000e)"); \
	} while (0)

static void pci_probe_and_config(struct kunit *test)
{
	u16 vendor = 0, command = 0;

	REQUIRE_NIC(test);
	KUNIT_EXPECT_EQ(test, nic.pdev->vendor, PCI_VENDOR_ID_INTEL);
	KUNIT_EXPECT_EQ(test, nic.pdev->device, 0x10d3);
	KUNIT_EXPECT_PTR_EQ(test, pci_get_drvdata(nic.pdev), (void *)&nic);
	KUNIT_EXPECT_EQ(test, pci_read_config_word(nic.pdev, PCI_VENDOR_ID, &vendor), 0);
	KUNIT_EXPECT_EQ(test, vendor, PCI_VENDOR_ID_INTEL);
	pci_read_config_word(nic.pdev, PCI_COMMAND, &command);
	KUNIT_EXPECT_TRUE(test, command & PCI_COMMAND_MEMORY);
	KUNIT_EXPECT_TRUE(test, command & PCI_COMMAND_MASTER);
	KUNIT_EXPECT_TRUE(test, pci_resource_flags(nic.pdev, 0) & IORESOURCE_MEM);
	KUNIT_EXPECT_GE(test, pci_resource_len(nic.pdev, 0), (resource_size_t)0x20000);
	KUNIT_EXPECT_NE(test, pci_resource_start(nic.pdev, 0), (resource_size_t)0);
	KUNIT_EXPECT_TRUE(test, nic.pdev->msi_enabled);
	KUNIT_EXPECT_GT(test, nic.irq, 0);
	KUNIT_EXPECT_STREQ(test, dev_name(&nic.pdev->dev), pci_name(nic.pdev));
	/* STATUS reads as a live register, not as all ones from an unmapped BAR. */
	KUNIT_EXPECT_NE(test, ioread32(nic.registers + E1000_STATUS), 0xFFFFFFFFu);
}

static void pci_request_irq_delivers(struct kunit *test)
{
	REQUIRE_NIC(test);
	KUNIT_ASSERT_EQ(test, request_irq(nic.irq, nic_handler, 0, "kpi-selftest", &nic), 0);
	nic_fire(&nic);
	KUNIT_EXPECT_TRUE_MSG(test, selftest_wait_until(&nic.finished, 2000), "no interrupt within 2 s of ICS");
	KUNIT_EXPECT_EQ(test, atomic_read(&nic.hard_runs), 1);
	nic_quiesce(&nic);
	KUNIT_EXPECT_PTR_EQ(test, free_irq(nic.irq, &nic), (const void *)"kpi-selftest");
}

struct irq_synchronizer {
	int finished_seen;	/* nic.finished right after synchronize_irq returned */
	int cpu;
	struct completion done;
};

/* Fires the interrupt, waits until its handler runs (elsewhere), then synchronizes with it. */
static int irq_synchronizer_thread(void *data)
{
	struct irq_synchronizer *synchronizer = data;

	synchronizer->cpu = raw_smp_processor_id();
	nic_fire(&nic);
	if (selftest_wait_until(&nic.entered, 2000)) {
		synchronize_irq(nic.irq);
		synchronizer->finished_seen = READ_ONCE(nic.finished);
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

	REQUIRE_NIC(test);
	KUNIT_ASSERT_NOT_NULL(test, synchronizer);
	KUNIT_ASSERT_EQ(test, request_irq(nic.irq, nic_handler, 0, "kpi-selftest", &nic), 0);
	/* A first interrupt shows which CPU handles it; the synchronizer runs on another one if there is one. */
	nic_fire(&nic);
	KUNIT_ASSERT_TRUE_MSG(test, selftest_wait_until(&nic.finished, 2000), "no interrupt within 2 s of ICS");
	for_each_online_cpu(cpu) {
		if (cpu != nic.handler_cpu) {
			other = cpu;
			break;
		}
	}
	WRITE_ONCE(nic.entered, 0);
	WRITE_ONCE(nic.finished, 0);
	nic.hold_ms = 100;
	init_completion(&synchronizer->done);
	KUNIT_ASSERT_FALSE(test, IS_ERR(selftest_start_thread(irq_synchronizer_thread, synchronizer, other,
							       "kpi-irq-sync")));
	wait_for_completion(&synchronizer->done);
	KUNIT_EXPECT_NE_MSG(test, synchronizer->finished_seen, -1, "no interrupt within 2 s of ICS");
	KUNIT_EXPECT_EQ_MSG(test, synchronizer->finished_seen, 1, "synchronize_irq returned while the handler ran");
	kunit_info(test, "handler on CPU %d, synchronize_irq on CPU %d", nic.handler_cpu, synchronizer->cpu);
	nic_quiesce(&nic);
	free_irq(nic.irq, &nic);
}

static void pci_disable_enable_irq(struct kunit *test)
{
	REQUIRE_NIC(test);
	KUNIT_ASSERT_EQ(test, request_irq(nic.irq, nic_handler, 0, "kpi-selftest", &nic), 0);
	disable_irq(nic.irq);
	nic_fire(&nic);
	msleep(100);
	KUNIT_EXPECT_EQ_MSG(test, atomic_read(&nic.hard_runs), 0, "the handler ran while its irq was disabled");
	enable_irq(nic.irq);
	/* Linux replays an interrupt that came while disabled; a second cause makes sure one comes now. */
	msleep(20);
	nic_fire(&nic);
	KUNIT_EXPECT_TRUE_MSG(test, selftest_wait_until(&nic.finished, 2000), "no interrupt after enable_irq");
	nic_quiesce(&nic);
	free_irq(nic.irq, &nic);
}

static void pci_threaded_irq(struct kunit *test)
{
	REQUIRE_NIC(test);
	KUNIT_ASSERT_EQ(test, request_threaded_irq(nic.irq, nic_thread_hard, nic_thread_function, IRQF_ONESHOT,
						   "kpi-selftest-thread", &nic), 0);
	nic_fire(&nic);
	msleep(200);
	KUNIT_EXPECT_EQ(test, atomic_read(&nic.hard_runs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&nic.thread_runs), 1);
	KUNIT_EXPECT_EQ(test, nic.thread_in_interrupt, 0);
	nic_quiesce(&nic);
	free_irq(nic.irq, &nic);
}

static void pci_dma_through_device(struct kunit *test)
{
	dma_addr_t handle;
	void *memory;

	REQUIRE_NIC(test);
	KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(&nic.pdev->dev, DMA_BIT_MASK(64)), 0);
	KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(&nic.pdev->dev, DMA_BIT_MASK(32)), 0);
	memory = dma_alloc_coherent(&nic.pdev->dev, 4096, &handle, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, memory);
	KUNIT_EXPECT_LE(test, handle + 4095, (dma_addr_t)DMA_BIT_MASK(32));
	dma_free_coherent(&nic.pdev->dev, 4096, memory, handle);
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
