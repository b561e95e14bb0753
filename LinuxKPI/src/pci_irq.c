// SPDX-License-Identifier: GPL-2.0-only
/*
 * PCI interrupt vectors: MSI-X, MSI and INTx as Linux irq numbers (pci_alloc_irq_vectors, pci_irq_vector,
 * pci_enable_msi, pci_enable_msix_range) and pci_request_irq. The Swift core programs the messages
 * (Sources/Kernel/PCI/PCIInterrupts.swift): MSI-X entries 0..n-1 spread over the CPUs, MSI with a single
 * message (Apus does not hand out multi-message MSI, so MSI gives one vector), INTx through ACPI _PRT.
 */
#include <linux/pci.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/cpumask.h>
#include <apus/bridge.h>

int pci_msi_vec_count(struct pci_dev *dev)
{
	u16 msgctl;

	if (!dev->msi_cap)
		return -EINVAL;
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &msgctl);
	return 1 << ((msgctl & PCI_MSI_FLAGS_QMASK) >> 1);
}
EXPORT_SYMBOL(pci_msi_vec_count);

int pci_msix_vec_count(struct pci_dev *dev)
{
	u16 control;

	if (!dev->msix_cap)
		return -EINVAL;
	pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &control);
	return (control & PCI_MSIX_FLAGS_QSIZE) + 1;
}
EXPORT_SYMBOL(pci_msix_vec_count);

/* MSI-X with exactly nvec entries; 0 or a negative errno. */
static int pci_msix_enable(struct pci_dev *dev, int nvec)
{
	unsigned int *irqs;
	int rc;

	irqs = kcalloc(nvec, sizeof(*irqs), GFP_KERNEL);
	if (!irqs)
		return -ENOMEM;
	rc = apus_pci_enable_msix(dev->apus_location, nvec, irqs);
	if (rc) {
		kfree(irqs);
		return rc;
	}
	kfree(dev->apus_irqs);
	dev->apus_irqs = irqs;
	dev->apus_nr_irqs = nvec;
	dev->msix_enabled = 1;
	return 0;
}

static int pci_msi_enable(struct pci_dev *dev)
{
	unsigned int irq;
	int rc = apus_pci_enable_msi(dev->apus_location, &irq);

	if (rc)
		return rc;
	dev->msi_enabled = 1;
	dev->irq = irq;
	return 0;
}

int pci_alloc_irq_vectors_affinity(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
				   unsigned int flags, struct irq_affinity *affd)
{
	int nvec;

	if (min_vecs == 0 || max_vecs < min_vecs)
		return -EINVAL;
	if (WARN_ON_ONCE(dev->msi_enabled || dev->msix_enabled))
		return -EINVAL;
	if ((flags & PCI_IRQ_MSIX) && dev->msix_cap && !dev->no_msi) {
		nvec = min_t(int, max_vecs, pci_msix_vec_count(dev));
		for (; nvec >= (int)min_vecs; nvec--) {
			if (pci_msix_enable(dev, nvec) == 0)
				return nvec;
		}
	}
	if ((flags & PCI_IRQ_MSI) && dev->msi_cap && !dev->no_msi && min_vecs == 1) {
		if (pci_msi_enable(dev) == 0)
			return 1;
	}
	if ((flags & PCI_IRQ_LEGACY) && min_vecs == 1 && dev->irq) {
		pci_intx(dev, 1);
		return 1;
	}
	return -ENOSPC;
}
EXPORT_SYMBOL(pci_alloc_irq_vectors_affinity);

void pci_disable_msix(struct pci_dev *dev)
{
	if (!dev->msix_enabled)
		return;
	if (apus_pci_disable_msix(dev->apus_location)) {
		pci_err(dev, "MSI-X disabled while an irq still has a handler; left enabled\n");
		return;
	}
	dev->msix_enabled = 0;
	pci_intx(dev, 1);		/* the Swift core turned INTx off with MSI-X on */
	kfree(dev->apus_irqs);
	dev->apus_irqs = NULL;
	dev->apus_nr_irqs = 0;
}
EXPORT_SYMBOL(pci_disable_msix);

void pci_disable_msi(struct pci_dev *dev)
{
	if (!dev->msi_enabled)
		return;
	if (apus_pci_disable_msi(dev->apus_location)) {
		pci_err(dev, "MSI disabled while its irq still has a handler; left enabled\n");
		return;
	}
	dev->msi_enabled = 0;
	pci_intx(dev, 1);		/* the Swift core turned INTx off with MSI on */
	dev->irq = dev->apus_intx_irq;
}
EXPORT_SYMBOL(pci_disable_msi);

void pci_free_irq_vectors(struct pci_dev *dev)
{
	pci_disable_msix(dev);
	pci_disable_msi(dev);
}
EXPORT_SYMBOL(pci_free_irq_vectors);

int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	if (dev->msix_enabled)
		return nr < dev->apus_nr_irqs ? dev->apus_irqs[nr] : -EINVAL;
	return nr == 0 ? dev->irq : -EINVAL;
}
EXPORT_SYMBOL(pci_irq_vector);

/* Every vector may interrupt any CPU the Swift core picked; the mask is all CPUs. */
const struct cpumask *pci_irq_get_affinity(struct pci_dev *dev, int nr)
{
	return cpu_possible_mask;
}
EXPORT_SYMBOL(pci_irq_get_affinity);

int pci_enable_msi(struct pci_dev *dev)
{
	int rc;

	if (dev->msi_enabled || dev->msix_enabled)
		return -EINVAL;
	if (!dev->msi_cap || dev->no_msi)
		return -EINVAL;
	rc = pci_msi_enable(dev);
	return rc < 0 ? rc : 0;
}
EXPORT_SYMBOL(pci_enable_msi);

/*
 * The entries must be 0..nvec-1 in order (Apus programs a prefix of the table); a driver asking for other
 * entries gets -EINVAL. Returns the number of vectors enabled, between minvec and maxvec.
 */
int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries, int minvec, int maxvec)
{
	int nvec, i;

	if (maxvec < minvec || minvec < 1)
		return -ERANGE;
	if (dev->msi_enabled || dev->msix_enabled || !dev->msix_cap || dev->no_msi)
		return -EINVAL;
	if (entries) {
		for (i = 0; i < maxvec; i++) {
			if (entries[i].entry != i) {
				pci_err(dev, "MSI-X entry %u requested at position %d: only entries 0..n-1 in order are supported\n",
					entries[i].entry, i);
				return -EINVAL;
			}
		}
	}
	nvec = min_t(int, maxvec, pci_msix_vec_count(dev));
	for (; nvec >= minvec; nvec--) {
		if (pci_msix_enable(dev, nvec) == 0) {
			for (i = 0; entries && i < nvec; i++)
				entries[i].vector = dev->apus_irqs[i];
			return nvec;
		}
	}
	return -ENOSPC;
}
EXPORT_SYMBOL(pci_enable_msix_range);

/*
 * Not implemented: the Swift core does not re-program MSI/MSI-X messages after a function reset. Said once
 * when a driver relies on it; such a driver has to free and allocate its vectors again.
 */
void pci_restore_msi_state(struct pci_dev *dev)
{
	if (dev->msi_enabled || dev->msix_enabled)
		pci_warn_once(dev, "MSI/MSI-X state is not restored after a reset on Apus\n");
}
EXPORT_SYMBOL_GPL(pci_restore_msi_state);

int pci_request_irq(struct pci_dev *dev, unsigned int nr, irq_handler_t handler, irq_handler_t thread_fn,
		    void *dev_id, const char *fmt, ...)
{
	va_list ap;
	int ret;
	char *devname;
	unsigned long irqflags = IRQF_SHARED;

	if (!handler)
		irqflags |= IRQF_ONESHOT;
	va_start(ap, fmt);
	devname = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!devname)
		return -ENOMEM;
	ret = request_threaded_irq(pci_irq_vector(dev, nr), handler, thread_fn, irqflags, devname, dev_id);
	if (ret)
		kfree(devname);
	return ret;
}
EXPORT_SYMBOL(pci_request_irq);

void pci_free_irq(struct pci_dev *dev, unsigned int nr, void *dev_id)
{
	kfree(free_irq(pci_irq_vector(dev, nr), dev_id));
}
EXPORT_SYMBOL(pci_free_irq);
