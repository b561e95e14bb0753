// SPDX-License-Identifier: GPL-2.0-only
/*
 * Requesting, freeing, enabling and disabling interrupt handlers: thin calls into the Swift core's Linux
 * irq descriptors (Sources/Kernel/Interrupts/LinuxIRQ.swift), plus the managed (devm) forms.
 */
#include <linux/interrupt.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <apus/bridge.h>

int nr_irqs = NR_IRQS;
EXPORT_SYMBOL_GPL(nr_irqs);

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev_id)
{
	return apus_irq_request(irq, (apus_irq_handler_t)handler, (apus_irq_handler_t)thread_fn, flags, name,
				dev_id);
}
EXPORT_SYMBOL(request_threaded_irq);

/* Apus always runs hard handlers in hard interrupt context: this is request_irq. Returns 0 (IRQC_IS_HARDIRQ). */
int request_any_context_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
			    void *dev_id)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev_id);
}
EXPORT_SYMBOL_GPL(request_any_context_irq);

const void *free_irq(unsigned int irq, void *dev_id)
{
	const char *name;

	name = apus_irq_free(irq, dev_id);
	WARN(!name, "Trying to free already-free IRQ %u\n", irq);
	return name;
}
EXPORT_SYMBOL(free_irq);

void disable_irq_nosync(unsigned int irq)
{
	apus_irq_disable(irq, false);
}
EXPORT_SYMBOL(disable_irq_nosync);

void disable_irq(unsigned int irq)
{
	apus_irq_disable(irq, true);
}
EXPORT_SYMBOL(disable_irq);

/* Disables and waits for hard handlers only; Apus's synchronize waits for threads too, which is stricter. */
bool disable_hardirq(unsigned int irq)
{
	apus_irq_disable(irq, false);
	return synchronize_hardirq(irq);
}
EXPORT_SYMBOL_GPL(disable_hardirq);

void enable_irq(unsigned int irq)
{
	apus_irq_enable(irq);
}
EXPORT_SYMBOL(enable_irq);

void synchronize_irq(unsigned int irq)
{
	apus_irq_synchronize(irq);
}
EXPORT_SYMBOL(synchronize_irq);

/* Waits for hard and thread handlers (Linux waits for hard ones only); true: none is running now. */
bool synchronize_hardirq(unsigned int irq)
{
	apus_irq_synchronize(irq);
	return true;
}
EXPORT_SYMBOL(synchronize_hardirq);

int irq_set_affinity_hint(unsigned int irq, const struct cpumask *m)
{
	return 0;
}
EXPORT_SYMBOL_GPL(irq_set_affinity_hint);

/* ---- managed handlers ---- */

struct irq_devres {
	unsigned int irq;
	void *dev_id;
};

static void devm_irq_release(struct device *dev, void *res)
{
	struct irq_devres *this = res;

	free_irq(this->irq, this->dev_id);
}

static int devm_irq_match(struct device *dev, void *res, void *data)
{
	struct irq_devres *this = res, *match = data;

	return this->irq == match->irq && this->dev_id == match->dev_id;
}

int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long irqflags, const char *devname, void *dev_id)
{
	struct irq_devres *dr;
	int rc;

	dr = devres_alloc(devm_irq_release, sizeof(struct irq_devres), GFP_KERNEL);
	if (!dr)
		return -ENOMEM;
	if (!devname)
		devname = dev_name(dev);
	rc = request_threaded_irq(irq, handler, thread_fn, irqflags, devname, dev_id);
	if (rc) {
		devres_free(dr);
		return rc;
	}
	dr->irq = irq;
	dr->dev_id = dev_id;
	devres_add(dev, dr);
	return 0;
}
EXPORT_SYMBOL(devm_request_threaded_irq);

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	struct irq_devres match_data = { irq, dev_id };

	WARN_ON(devres_destroy(dev, devm_irq_release, devm_irq_match, &match_data));
	free_irq(irq, dev_id);
}
EXPORT_SYMBOL(devm_free_irq);
