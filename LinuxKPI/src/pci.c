// SPDX-License-Identifier: GPL-2.0-only
/*
 * PCI devices and drivers over the Swift core's PCI scan (bridge.h "PCI and DMA"). On first use every
 * function found becomes a struct pci_dev named like Linux ("0000:00:02.0") with its ids, class, BAR
 * resources, PCI Express/MSI/MSI-X/PM capability offsets and INTx irq. pci_register_driver probes every
 * unbound function its id table matches, in address order; a failed probe releases the managed resources
 * it made. pci_unregister_driver (module unload) calls remove for each bound function, then releases its
 * managed resources. Which driver owns a function is reported to the Swift core for the shell.
 */
#include <linux/pci.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/string.h>
#include <linux/log2.h>
#include <apus/bridge.h>

static LIST_HEAD(pci_devices);		/* every function, in address order */
static LIST_HEAD(pci_drivers);
static DEFINE_MUTEX(pci_lock);		/* both lists and every probe/remove */
static bool pci_scanned;
static struct pci_bus pci_root_bus = { .number = 0, .domain_nr = 0 };

static int pci_bus_match(struct device *dev, struct device_driver *drv);
static void pci_device_remove(struct device *dev);
static void pci_free_leftover_vectors(struct pci_dev *dev);

struct bus_type pci_bus_type = {
	.name = "pci",
	.match = pci_bus_match,
	.remove = pci_device_remove,
};
EXPORT_SYMBOL(pci_bus_type);

/* ---- configuration space ---- */

static int pci_config_read(const struct pci_dev *dev, int where, int size, u32 *val)
{
	if (where < 0 || (where & (size - 1)) || where + size > dev->cfg_size) {
		*val = (u32)PCI_ERROR_RESPONSE;
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	*val = apus_pci_config_read(dev->apus_location, where, size);
	return PCIBIOS_SUCCESSFUL;
}

static int pci_config_write(const struct pci_dev *dev, int where, int size, u32 val)
{
	if (where < 0 || (where & (size - 1)) || where + size > dev->cfg_size)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	return apus_pci_config_write(dev->apus_location, where, size, val) ? PCIBIOS_SUCCESSFUL
									     : PCIBIOS_BAD_REGISTER_NUMBER;
}

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	u32 value;
	int rc = pci_config_read(dev, where, 1, &value);

	*val = value;
	return rc;
}
EXPORT_SYMBOL(pci_read_config_byte);

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	u32 value;
	int rc = pci_config_read(dev, where, 2, &value);

	*val = value;
	return rc;
}
EXPORT_SYMBOL(pci_read_config_word);

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return pci_config_read(dev, where, 4, val);
}
EXPORT_SYMBOL(pci_read_config_dword);

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return pci_config_write(dev, where, 1, val);
}
EXPORT_SYMBOL(pci_write_config_byte);

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return pci_config_write(dev, where, 2, val);
}
EXPORT_SYMBOL(pci_write_config_word);

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return pci_config_write(dev, where, 4, val);
}
EXPORT_SYMBOL(pci_write_config_dword);

/* Bus-level access reaches functions by number, found or not (absent ones read as all ones). */
static int pci_bus_config(struct pci_bus *bus, unsigned int devfn, int where, int size, u32 *val, bool write)
{
	u32 location = (u32)bus->domain_nr << 16 | (u32)bus->number << 8 | (devfn & 0xff);

	if (where < 0 || where + size > PCI_CFG_SPACE_EXP_SIZE || (where & (size - 1))) {
		if (!write)
			*val = (u32)PCI_ERROR_RESPONSE;
		return PCIBIOS_BAD_REGISTER_NUMBER;
	}
	if (write)
		return apus_pci_config_write(location, where, size, *val) ? PCIBIOS_SUCCESSFUL
									  : PCIBIOS_BAD_REGISTER_NUMBER;
	*val = apus_pci_config_read(location, where, size);
	return PCIBIOS_SUCCESSFUL;
}

#define PCI_BUS_ACCESSORS(size_name, type, size)						\
int pci_bus_read_config_##size_name(struct pci_bus *bus, unsigned int devfn, int where, type *val) \
{												\
	u32 value;										\
	int rc = pci_bus_config(bus, devfn, where, size, &value, false);			\
	*val = value;										\
	return rc;										\
}												\
EXPORT_SYMBOL(pci_bus_read_config_##size_name);							\
int pci_bus_write_config_##size_name(struct pci_bus *bus, unsigned int devfn, int where, type val) \
{												\
	u32 value = val;									\
	return pci_bus_config(bus, devfn, where, size, &value, true);				\
}												\
EXPORT_SYMBOL(pci_bus_write_config_##size_name);

PCI_BUS_ACCESSORS(byte, u8, 1)
PCI_BUS_ACCESSORS(word, u16, 2)
PCI_BUS_ACCESSORS(dword, u32, 4)

/* ---- capabilities ---- */

#define PCI_FIND_CAP_TTL	48

static u8 find_next_cap(struct pci_dev *dev, u8 pos, int cap)
{
	int ttl = PCI_FIND_CAP_TTL;
	u16 ent;
	u8 next = pos;

	pci_read_config_byte(dev, next, &next);
	while (ttl--) {
		if (next < 0x40)
			break;
		next &= ~3;
		pci_read_config_word(dev, next, &ent);
		if ((ent & 0xff) == 0xff)
			break;
		if ((ent & 0xff) == cap)
			return next;
		next = ent >> 8;
	}
	return 0;
}

u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	return find_next_cap(dev, pos + PCI_CAP_LIST_NEXT, cap);
}
EXPORT_SYMBOL_GPL(pci_find_next_capability);

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u16 status;

	pci_read_config_word(dev, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;
	return find_next_cap(dev, (dev->hdr_type & 0x7f) == PCI_HEADER_TYPE_CARDBUS ? 0x14 : PCI_CAPABILITY_LIST,
			     cap);
}
EXPORT_SYMBOL(pci_find_capability);

u16 pci_find_next_ext_capability(struct pci_dev *dev, u16 start, int cap)
{
	u32 header;
	int ttl = (PCI_CFG_SPACE_EXP_SIZE - PCI_CFG_SPACE_SIZE) / 8;
	u16 pos = PCI_CFG_SPACE_SIZE;

	if (dev->cfg_size <= PCI_CFG_SPACE_SIZE)
		return 0;
	if (start)
		pos = start;
	if (pci_read_config_dword(dev, pos, &header) != PCIBIOS_SUCCESSFUL || header == 0)
		return 0;
	while (ttl-- > 0) {
		if (PCI_EXT_CAP_ID(header) == cap && pos != start)
			return pos;
		pos = PCI_EXT_CAP_NEXT(header);
		if (pos < PCI_CFG_SPACE_SIZE)
			break;
		if (pci_read_config_dword(dev, pos, &header) != PCIBIOS_SUCCESSFUL)
			break;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(pci_find_next_ext_capability);

u16 pci_find_ext_capability(struct pci_dev *dev, int cap)
{
	return pci_find_next_ext_capability(dev, 0, cap);
}
EXPORT_SYMBOL_GPL(pci_find_ext_capability);

u64 pci_get_dsn(struct pci_dev *dev)
{
	u32 dword;
	u64 dsn;
	int pos = pci_find_ext_capability(dev, PCI_EXT_CAP_ID_DSN);

	if (!pos)
		return 0;
	pos += 4;
	pci_read_config_dword(dev, pos, &dword);
	dsn = (u64)dword;
	pci_read_config_dword(dev, pos + 4, &dword);
	dsn |= ((u64)dword) << 32;
	return dsn;
}
EXPORT_SYMBOL_GPL(pci_get_dsn);

/* Which PCI Express capability registers a function has, by its type and capability version. */
static int pcie_cap_version(const struct pci_dev *dev)
{
	return pcie_caps_reg(dev) & PCI_EXP_FLAGS_VERS;
}

static bool pcie_cap_has_lnkctl(const struct pci_dev *dev)
{
	int type = pci_pcie_type(dev);

	return pcie_cap_version(dev) > 1 || type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_ENDPOINT ||
	       type == PCI_EXP_TYPE_LEG_END;
}

static bool pcie_cap_has_sltctl(const struct pci_dev *dev)
{
	int type = pci_pcie_type(dev);

	return (type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_DOWNSTREAM) &&
	       (pcie_caps_reg(dev) & PCI_EXP_FLAGS_SLOT);
}

static bool pcie_cap_has_rtctl(const struct pci_dev *dev)
{
	int type = pci_pcie_type(dev);

	return type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_RC_EC;
}

static bool pcie_capability_reg_implemented(struct pci_dev *dev, int pos)
{
	if (!pci_is_pcie(dev))
		return false;
	switch (pos) {
	case PCI_EXP_FLAGS:
	case PCI_EXP_DEVCAP:
	case PCI_EXP_DEVCTL:
	case PCI_EXP_DEVSTA:
		return true;
	case PCI_EXP_LNKCAP:
	case PCI_EXP_LNKCTL:
	case PCI_EXP_LNKSTA:
		return pcie_cap_has_lnkctl(dev);
	case PCI_EXP_SLTCAP:
	case PCI_EXP_SLTCTL:
	case PCI_EXP_SLTSTA:
		return pcie_cap_has_sltctl(dev);
	case PCI_EXP_RTCTL:
	case PCI_EXP_RTCAP:
	case PCI_EXP_RTSTA:
		return pcie_cap_has_rtctl(dev);
	case PCI_EXP_DEVCAP2:
	case PCI_EXP_DEVCTL2:
	case PCI_EXP_LNKCAP2:
	case PCI_EXP_LNKCTL2:
	case PCI_EXP_LNKSTA2:
		return pcie_cap_version(dev) > 1;
	default:
		return false;
	}
}

/* Registers a function does not implement read as zero and ignore writes, as in Linux. */
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val)
{
	int ret;

	*val = 0;
	if (pos & 1)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (pcie_capability_reg_implemented(dev, pos)) {
		ret = pci_read_config_word(dev, pci_pcie_cap(dev) + pos, val);
		if (ret)
			*val = 0;
		return ret;
	}
	return 0;
}
EXPORT_SYMBOL(pcie_capability_read_word);

int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val)
{
	int ret;

	*val = 0;
	if (pos & 3)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (pcie_capability_reg_implemented(dev, pos)) {
		ret = pci_read_config_dword(dev, pci_pcie_cap(dev) + pos, val);
		if (ret)
			*val = 0;
		return ret;
	}
	return 0;
}
EXPORT_SYMBOL(pcie_capability_read_dword);

int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val)
{
	if (pos & 1)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_capability_reg_implemented(dev, pos))
		return 0;
	return pci_write_config_word(dev, pci_pcie_cap(dev) + pos, val);
}
EXPORT_SYMBOL(pcie_capability_write_word);

int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val)
{
	if (pos & 3)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_capability_reg_implemented(dev, pos))
		return 0;
	return pci_write_config_dword(dev, pci_pcie_cap(dev) + pos, val);
}
EXPORT_SYMBOL(pcie_capability_write_dword);

static DEFINE_SPINLOCK(pcie_cap_lock);

int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos, u16 clear, u16 set)
{
	int ret;
	u16 val;

	ret = pcie_capability_read_word(dev, pos, &val);
	if (ret)
		return ret;
	val &= ~clear;
	val |= set;
	return pcie_capability_write_word(dev, pos, val);
}
EXPORT_SYMBOL(pcie_capability_clear_and_set_word);

int pcie_capability_clear_and_set_word_locked(struct pci_dev *dev, int pos, u16 clear, u16 set)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&pcie_cap_lock, flags);
	ret = pcie_capability_clear_and_set_word(dev, pos, clear, set);
	spin_unlock_irqrestore(&pcie_cap_lock, flags);
	return ret;
}
EXPORT_SYMBOL(pcie_capability_clear_and_set_word_locked);

int pcie_capability_clear_and_set_dword(struct pci_dev *dev, int pos, u32 clear, u32 set)
{
	int ret;
	u32 val;

	ret = pcie_capability_read_dword(dev, pos, &val);
	if (ret)
		return ret;
	val &= ~clear;
	val |= set;
	return pcie_capability_write_dword(dev, pos, val);
}
EXPORT_SYMBOL(pcie_capability_clear_and_set_dword);

int pcie_get_readrq(struct pci_dev *dev)
{
	u16 ctl;

	pcie_capability_read_word(dev, PCI_EXP_DEVCTL, &ctl);
	return 128 << ((ctl & PCI_EXP_DEVCTL_READRQ) >> 12);
}
EXPORT_SYMBOL(pcie_get_readrq);

int pcie_set_readrq(struct pci_dev *dev, int rq)
{
	u16 v;

	if (rq < 128 || rq > 4096 || !is_power_of_2(rq))
		return -EINVAL;
	v = (ffs(rq) - 8) << 12;
	return pcibios_err_to_errno(pcie_capability_clear_and_set_word(dev, PCI_EXP_DEVCTL,
								       PCI_EXP_DEVCTL_READRQ, v));
}
EXPORT_SYMBOL(pcie_set_readrq);

int pcie_get_mps(struct pci_dev *dev)
{
	u16 ctl;

	pcie_capability_read_word(dev, PCI_EXP_DEVCTL, &ctl);
	return 128 << ((ctl & PCI_EXP_DEVCTL_PAYLOAD) >> 5);
}
EXPORT_SYMBOL(pcie_get_mps);

int pcix_get_mmrbc(struct pci_dev *dev)
{
	int cap;
	u16 cmd;

	cap = pci_find_capability(dev, PCI_CAP_ID_PCIX);
	if (!cap)
		return -EINVAL;
	if (pci_read_config_word(dev, cap + PCI_X_CMD, &cmd))
		return -EINVAL;
	return 512 << ((cmd & PCI_X_CMD_MAX_READ) >> 2);
}
EXPORT_SYMBOL(pcix_get_mmrbc);

int pcix_set_mmrbc(struct pci_dev *dev, int mmrbc)
{
	int cap;
	u32 stat, v, o;
	u16 cmd;

	if (mmrbc < 512 || mmrbc > 4096 || !is_power_of_2(mmrbc))
		return -EINVAL;
	v = ffs(mmrbc) - 10;
	cap = pci_find_capability(dev, PCI_CAP_ID_PCIX);
	if (!cap)
		return -EINVAL;
	if (pci_read_config_dword(dev, cap + PCI_X_STATUS, &stat))
		return -EINVAL;
	if (v > (stat & PCI_X_STATUS_MAX_READ) >> 21)
		return -E2BIG;
	if (pci_read_config_word(dev, cap + PCI_X_CMD, &cmd))
		return -EINVAL;
	o = (cmd & PCI_X_CMD_MAX_READ) >> 2;
	if (o != v) {
		cmd &= ~PCI_X_CMD_MAX_READ;
		cmd |= v << 2;
		if (pci_write_config_word(dev, cap + PCI_X_CMD, cmd))
			return -EIO;
	}
	return 0;
}
EXPORT_SYMBOL(pcix_set_mmrbc);

/* ---- the functions ---- */

static void pci_release_dev(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	kfree(pdev->apus_irqs);
	kfree(pdev);
}

static void pci_read_bars(struct pci_dev *dev)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		struct resource *res = &dev->resource[bar];
		u64 start, size;
		int kind = apus_pci_bar(dev->apus_location, bar, &start, &size);

		res->name = pci_name(dev);
		if ((kind & 7) == 0 || size == 0)
			continue;
		res->start = start;
		res->end = start + size - 1;
		res->flags = IORESOURCE_SIZEALIGN;
		switch (kind & 7) {
		case 1:
			res->flags |= IORESOURCE_IO | PCI_BASE_ADDRESS_SPACE_IO;
			break;
		case 3:
			res->flags |= IORESOURCE_MEM | IORESOURCE_MEM_64 | PCI_BASE_ADDRESS_MEM_TYPE_64;
			break;
		default:
			res->flags |= IORESOURCE_MEM;
			break;
		}
		if (kind & 8)
			res->flags |= IORESOURCE_PREFETCH | PCI_BASE_ADDRESS_MEM_PREFETCH;
		if (start == 0)
			res->flags |= IORESOURCE_UNSET;
	}
}

static struct pci_dev *pci_new_dev(u32 location, const u16 ids[4], u32 class_revision, u16 header_pin,
				   u32 config_size)
{
	struct pci_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	u16 flags;

	if (!dev)
		return NULL;
	dev->apus_location = location;
	dev->bus = &pci_root_bus;
	dev->devfn = location & 0xff;
	dev->vendor = ids[0];
	dev->device = ids[1];
	dev->subsystem_vendor = ids[2];
	dev->subsystem_device = ids[3];
	dev->class = class_revision >> 8;
	dev->revision = class_revision & 0xff;
	dev->hdr_type = (header_pin >> 8) & 0x7f;
	dev->multifunction = !!((header_pin >> 8) & 0x80);
	dev->pin = header_pin & 0xff;
	dev->cfg_size = config_size;
	dev->current_state = PCI_D0;
	dev->error_state = pci_channel_io_normal;
	dev->dma_mask = DMA_BIT_MASK(32);
	dev->d3cold_allowed = 1;
	atomic_set(&dev->enable_cnt, 0);

	device_initialize(&dev->dev);
	dev->dev.release = pci_release_dev;
	dev->dev.bus = &pci_bus_type;
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	dev->dev.dma_parms = &dev->dma_parms;
	dev->dev.dma_coherent = true;
	dev->dma_parms.max_segment_size = 0x10000;
	dev->dma_parms.segment_boundary_mask = 0xffffffff;
	if (dev_set_name(&dev->dev, "%04x:%02x:%02x.%d", location >> 16, (location >> 8) & 0xff,
			 PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn))) {
		put_device(&dev->dev);
		return NULL;
	}

	dev->pcie_cap = pci_find_capability(dev, PCI_CAP_ID_EXP);
	if (dev->pcie_cap) {
		pci_read_config_word(dev, dev->pcie_cap + PCI_EXP_FLAGS, &flags);
		dev->pcie_flags_reg = flags;
	}
	dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
	dev->msix_cap = pci_find_capability(dev, PCI_CAP_ID_MSIX);
	dev->pm_cap = pci_find_capability(dev, PCI_CAP_ID_PM);
	dev->irq = dev->apus_intx_irq = dev->pin ? apus_pci_intx_irq(location) : 0;
	pci_read_bars(dev);
	return dev;
}

/* Builds the pci_dev list from the Swift scan, once; pci_lock held. */
static void pci_scan_once(void)
{
	u32 index, location, class_revision, config_size;
	u16 ids[4], header_pin;

	if (pci_scanned)
		return;
	pci_scanned = true;
	for (index = 0; apus_pci_function(index, &location, ids, &class_revision, &header_pin, &config_size);
	     index++) {
		struct pci_dev *dev = pci_new_dev(location, ids, class_revision, header_pin, config_size);

		if (!dev) {
			pr_err("pci: no memory for function %u\n", index);
			break;
		}
		if (device_add(&dev->dev)) {
			put_device(&dev->dev);
			continue;
		}
		list_add_tail(&dev->bus_list, &pci_devices);
	}
}

struct pci_dev *pci_dev_get(struct pci_dev *dev)
{
	if (dev)
		get_device(&dev->dev);
	return dev;
}
EXPORT_SYMBOL(pci_dev_get);

void pci_dev_put(struct pci_dev *dev)
{
	if (dev)
		put_device(&dev->dev);
}
EXPORT_SYMBOL(pci_dev_put);

/* The function after `from` (which is put) that `match` accepts, with a reference; NULL at the end. */
static struct pci_dev *pci_get_next(struct pci_dev *from, bool (*match)(struct pci_dev *dev, const void *data),
				    const void *data)
{
	struct pci_dev *dev, *found = NULL;

	mutex_lock(&pci_lock);
	pci_scan_once();
	dev = from ? list_next_entry(from, bus_list) : list_first_entry(&pci_devices, struct pci_dev, bus_list);
	for (; !list_entry_is_head(dev, &pci_devices, bus_list); dev = list_next_entry(dev, bus_list)) {
		if (match(dev, data)) {
			found = pci_dev_get(dev);
			break;
		}
	}
	mutex_unlock(&pci_lock);
	pci_dev_put(from);
	return found;
}

static bool match_subsys(struct pci_dev *dev, const void *data)
{
	const struct pci_device_id *id = data;

	return (id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID || id->subdevice == dev->subsystem_device);
}

struct pci_dev *pci_get_subsys(unsigned int vendor, unsigned int device, unsigned int ss_vendor,
			       unsigned int ss_device, struct pci_dev *from)
{
	struct pci_device_id id = {
		.vendor = vendor, .device = device, .subvendor = ss_vendor, .subdevice = ss_device,
	};

	return pci_get_next(from, match_subsys, &id);
}
EXPORT_SYMBOL(pci_get_subsys);

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from)
{
	return pci_get_subsys(vendor, device, PCI_ANY_ID, PCI_ANY_ID, from);
}
EXPORT_SYMBOL(pci_get_device);

static bool match_class(struct pci_dev *dev, const void *data)
{
	return dev->class == *(const unsigned int *)data;
}

struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *from)
{
	return pci_get_next(from, match_class, &class);
}
EXPORT_SYMBOL(pci_get_class);

static bool match_location(struct pci_dev *dev, const void *data)
{
	return dev->apus_location == *(const u32 *)data;
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn)
{
	u32 location = (u32)domain << 16 | (bus & 0xff) << 8 | (devfn & 0xff);

	return pci_get_next(NULL, match_location, &location);
}
EXPORT_SYMBOL(pci_get_domain_bus_and_slot);

bool pci_device_is_present(struct pci_dev *pdev)
{
	u32 v;

	pci_read_config_dword(pdev, PCI_VENDOR_ID, &v);
	return !PCI_POSSIBLE_ERROR(v) && (v & 0xffff) != 0 && (v & 0xffff) != 0xffff;
}
EXPORT_SYMBOL_GPL(pci_device_is_present);

/* ---- drivers ---- */

static const struct pci_device_id *pci_match_one_device(const struct pci_device_id *id, const struct pci_dev *dev)
{
	if ((id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	    (id->device == PCI_ANY_ID || id->device == dev->device) &&
	    (id->subvendor == PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	    (id->subdevice == PCI_ANY_ID || id->subdevice == dev->subsystem_device) &&
	    !((id->class ^ dev->class) & id->class_mask))
		return id;
	return NULL;
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev)
{
	if (ids) {
		while (ids->vendor || ids->subvendor || ids->class_mask) {
			if (pci_match_one_device(ids, dev))
				return ids;
			ids++;
		}
	}
	return NULL;
}
EXPORT_SYMBOL(pci_match_id);

/* Like pci_match_id, but skips entries meant only for driver_override binding (none on Apus). */
static const struct pci_device_id *pci_match_device(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *ids = drv->id_table;

	if (ids) {
		for (; ids->vendor || ids->subvendor || ids->class_mask; ids++)
			if (!ids->override_only && pci_match_one_device(ids, dev))
				return ids;
	}
	return NULL;
}

static int pci_bus_match(struct device *dev, struct device_driver *drv)
{
	return pci_match_device(to_pci_driver(drv), to_pci_dev(dev)) != NULL;
}

/* Probes one function; pci_lock held. */
static void pci_probe_one(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id = pci_match_device(drv, dev);
	int rc;

	if (!id || dev->driver)
		return;
	pci_dev_get(dev);
	device_lock(&dev->dev);
	dev->driver = drv;
	dev->dev.driver = &drv->driver;
	rc = drv->probe ? drv->probe(dev, id) : -ENODEV;
	if (rc) {
		devres_release_all(&dev->dev);
		pci_free_leftover_vectors(dev);
		dev->driver = NULL;
		dev->dev.driver = NULL;
		dev_set_drvdata(&dev->dev, NULL);
		device_unlock(&dev->dev);
		if (rc != -ENODEV && rc != -ENXIO)
			pr_warn("%s %s: probe with driver %s failed with error %d\n", pci_bus_type.name,
				pci_name(dev), drv->name, rc);
		pci_dev_put(dev);
		return;
	}
	device_unlock(&dev->dev);
	apus_pci_bind(dev->apus_location, drv->name);
}

int __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *mod_name)
{
	struct pci_dev *dev;

	drv->driver.name = drv->name;
	drv->driver.bus = &pci_bus_type;
	drv->driver.owner = owner;
	drv->driver.mod_name = mod_name;
	mutex_lock(&pci_lock);
	pci_scan_once();
	list_add_tail(&drv->node, &pci_drivers);
	list_for_each_entry(dev, &pci_devices, bus_list)
		pci_probe_one(drv, dev);
	mutex_unlock(&pci_lock);
	return 0;
}
EXPORT_SYMBOL(__pci_register_driver);

/* The bus's remove: the driver's remove, then what the driver left on; device_release_driver frees devres. */
static void pci_device_remove(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct pci_driver *drv = pdev->driver;

	if (drv && drv->remove)
		drv->remove(pdev);
	pdev->driver = NULL;
}

/*
 * After the managed resources are gone (their irqs freed): vectors the driver left allocated are freed, as
 * Linux's managed (pcim) devices have it; every driver gets this on Apus, so the next one finds MSI off.
 */
static void pci_free_leftover_vectors(struct pci_dev *dev)
{
	if (dev->msi_enabled || dev->msix_enabled)
		pci_free_irq_vectors(dev);
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	mutex_lock(&pci_lock);
	list_del(&drv->node);
	list_for_each_entry(dev, &pci_devices, bus_list) {
		if (dev->driver != drv)
			continue;
		device_release_driver(&dev->dev);
		pci_free_leftover_vectors(dev);
		apus_pci_bind(dev->apus_location, NULL);
		pci_dev_put(dev);
	}
	mutex_unlock(&pci_lock);
}
EXPORT_SYMBOL(pci_unregister_driver);

/* ---- enabling ---- */

static void pci_set_command_bits(struct pci_dev *dev, u16 set, u16 clear)
{
	u16 cmd, new;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	new = (cmd & ~clear) | set;
	if (new != cmd)
		pci_write_config_word(dev, PCI_COMMAND, new);
}

/* Turns on decoding of the BAR kinds in `flags` the function has, and INTx unless MSI/MSI-X is on. */
static int pci_enable_device_flags(struct pci_dev *dev, unsigned long flags)
{
	u16 set = 0;
	int bar;

	if (atomic_inc_return(&dev->enable_cnt) > 1)
		return 0;
	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!(pci_select_bars(dev, flags) & (1 << bar)))
			continue;
		if (pci_resource_flags(dev, bar) & IORESOURCE_UNSET) {
			pci_err(dev, "BAR %d: not assigned by the firmware; can't enable device\n", bar);
			atomic_dec(&dev->enable_cnt);
			return -EINVAL;
		}
		if (pci_resource_flags(dev, bar) & IORESOURCE_IO)
			set |= PCI_COMMAND_IO;
		else
			set |= PCI_COMMAND_MEMORY;
	}
	pci_set_command_bits(dev, set, (!dev->msi_enabled && !dev->msix_enabled && dev->pin) ?
				       PCI_COMMAND_INTX_DISABLE : 0);
	return 0;
}

int pci_enable_device_io(struct pci_dev *dev)
{
	return pci_enable_device_flags(dev, IORESOURCE_IO);
}
EXPORT_SYMBOL(pci_enable_device_io);

int pci_enable_device_mem(struct pci_dev *dev)
{
	return pci_enable_device_flags(dev, IORESOURCE_MEM);
}
EXPORT_SYMBOL(pci_enable_device_mem);

int pci_enable_device(struct pci_dev *dev)
{
	return pci_enable_device_flags(dev, IORESOURCE_MEM | IORESOURCE_IO);
}
EXPORT_SYMBOL(pci_enable_device);

/* Turns bus mastering off at the last disable (decoding stays on, as in Linux). */
void pci_disable_device(struct pci_dev *dev)
{
	WARN_ONCE(atomic_read(&dev->enable_cnt) <= 0, "disabling already-disabled device");
	if (atomic_dec_return(&dev->enable_cnt) != 0)
		return;
	pci_set_command_bits(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = 0;
}
EXPORT_SYMBOL(pci_disable_device);

static void pcim_disable_device(struct device *dev, void *res)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	if (pci_is_enabled(pdev))
		pci_disable_device(pdev);
	pdev->is_managed = 0;
}

/* pci_enable_device that undoes itself when the driver detaches. */
int pcim_enable_device(struct pci_dev *pdev)
{
	void *dr;
	int rc;

	dr = devres_alloc(pcim_disable_device, 0, GFP_KERNEL);
	if (!dr)
		return -ENOMEM;
	rc = pci_enable_device(pdev);
	if (rc) {
		devres_free(dr);
		return rc;
	}
	devres_add(&pdev->dev, dr);
	pdev->is_managed = 1;
	return 0;
}
EXPORT_SYMBOL(pcim_enable_device);

void pci_set_master(struct pci_dev *dev)
{
	pci_set_command_bits(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = 1;
}
EXPORT_SYMBOL(pci_set_master);

void pci_clear_master(struct pci_dev *dev)
{
	pci_set_command_bits(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = 0;
}
EXPORT_SYMBOL(pci_clear_master);

/* Memory-write-and-invalidate: the command bit is set; the cache line size is the firmware's. */
int pci_set_mwi(struct pci_dev *dev)
{
	pci_set_command_bits(dev, PCI_COMMAND_INVALIDATE, 0);
	return 0;
}
EXPORT_SYMBOL(pci_set_mwi);

int pci_try_set_mwi(struct pci_dev *dev)
{
	return pci_set_mwi(dev);
}
EXPORT_SYMBOL(pci_try_set_mwi);

void pci_clear_mwi(struct pci_dev *dev)
{
	pci_set_command_bits(dev, 0, PCI_COMMAND_INVALIDATE);
}
EXPORT_SYMBOL(pci_clear_mwi);

void pci_intx(struct pci_dev *dev, int enable)
{
	pci_set_command_bits(dev, enable ? 0 : PCI_COMMAND_INTX_DISABLE, enable ? PCI_COMMAND_INTX_DISABLE : 0);
}
EXPORT_SYMBOL_GPL(pci_intx);

/* ---- resources ---- */

int pci_select_bars(struct pci_dev *dev, unsigned long flags)
{
	int i, bars = 0;

	for (i = 0; i < PCI_STD_NUM_BARS; i++)
		if (pci_resource_flags(dev, i) & flags)
			bars |= (1 << i);
	return bars;
}
EXPORT_SYMBOL(pci_select_bars);

static int __pci_request_region(struct pci_dev *pdev, int bar, const char *name, int exclusive)
{
	struct resource *res;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		return -EINVAL;
	if (pci_resource_len(pdev, bar) == 0)
		return 0;
	if (pci_resource_flags(pdev, bar) & IORESOURCE_IO)
		res = request_region(pci_resource_start(pdev, bar), pci_resource_len(pdev, bar), name);
	else if (pci_resource_flags(pdev, bar) & IORESOURCE_MEM)
		res = __request_region(&iomem_resource, pci_resource_start(pdev, bar), pci_resource_len(pdev, bar),
				       name, exclusive ? IORESOURCE_EXCLUSIVE : 0);
	else
		return 0;
	if (!res) {
		pci_warn(pdev, "BAR %d: can't reserve [%s %#llx-%#llx]\n", bar,
			 (pci_resource_flags(pdev, bar) & IORESOURCE_IO) ? "io" : "mem",
			 (u64)pci_resource_start(pdev, bar), (u64)pci_resource_end(pdev, bar));
		return -EBUSY;
	}
	pdev->apus_regions[bar] = res;
	return 0;
}

int pci_request_region(struct pci_dev *pdev, int bar, const char *name)
{
	return __pci_request_region(pdev, bar, name, 0);
}
EXPORT_SYMBOL(pci_request_region);

void pci_release_region(struct pci_dev *pdev, int bar)
{
	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !pdev->apus_regions[bar])
		return;
	if (pci_resource_flags(pdev, bar) & IORESOURCE_IO)
		release_region(pci_resource_start(pdev, bar), pci_resource_len(pdev, bar));
	else
		release_mem_region(pci_resource_start(pdev, bar), pci_resource_len(pdev, bar));
	pdev->apus_regions[bar] = NULL;
}
EXPORT_SYMBOL(pci_release_region);

static int __pci_request_selected_regions(struct pci_dev *pdev, int bars, const char *name, int excl)
{
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++)
		if (bars & (1 << i))
			if (__pci_request_region(pdev, i, name, excl))
				goto err_out;
	return 0;
err_out:
	while (--i >= 0)
		if (bars & (1 << i))
			pci_release_region(pdev, i);
	return -EBUSY;
}

int pci_request_selected_regions(struct pci_dev *pdev, int bars, const char *name)
{
	return __pci_request_selected_regions(pdev, bars, name, 0);
}
EXPORT_SYMBOL(pci_request_selected_regions);

int pci_request_selected_regions_exclusive(struct pci_dev *pdev, int bars, const char *name)
{
	return __pci_request_selected_regions(pdev, bars, name, IORESOURCE_EXCLUSIVE);
}
EXPORT_SYMBOL(pci_request_selected_regions_exclusive);

void pci_release_selected_regions(struct pci_dev *pdev, int bars)
{
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++)
		if (bars & (1 << i))
			pci_release_region(pdev, i);
}
EXPORT_SYMBOL(pci_release_selected_regions);

int pci_request_regions(struct pci_dev *pdev, const char *name)
{
	return pci_request_selected_regions(pdev, ((1 << PCI_STD_NUM_BARS) - 1), name);
}
EXPORT_SYMBOL(pci_request_regions);

int pci_request_regions_exclusive(struct pci_dev *pdev, const char *name)
{
	return pci_request_selected_regions_exclusive(pdev, ((1 << PCI_STD_NUM_BARS) - 1), name);
}
EXPORT_SYMBOL(pci_request_regions_exclusive);

void pci_release_regions(struct pci_dev *pdev)
{
	pci_release_selected_regions(pdev, (1 << PCI_STD_NUM_BARS) - 1);
}
EXPORT_SYMBOL(pci_release_regions);

void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset, unsigned long maxlen)
{
	resource_size_t start, len;
	unsigned long flags;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		return NULL;
	start = pci_resource_start(dev, bar);
	len = pci_resource_len(dev, bar);
	flags = pci_resource_flags(dev, bar);
	if (len <= offset || !start || (flags & IORESOURCE_UNSET))
		return NULL;
	len -= offset;
	start += offset;
	if (maxlen && len > maxlen)
		len = maxlen;
	if (flags & IORESOURCE_IO)
		return ioport_map(start, len);
	if (flags & IORESOURCE_MEM)
		return ioremap(start, len);
	return NULL;
}
EXPORT_SYMBOL(pci_iomap_range);

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	return pci_iomap_range(dev, bar, 0, maxlen);
}
EXPORT_SYMBOL(pci_iomap);

void __iomem *pci_iomap_wc(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	if (pci_resource_flags(dev, bar) & IORESOURCE_IO)
		return NULL;
	return pci_iomap_range(dev, bar, 0, maxlen);
}
EXPORT_SYMBOL_GPL(pci_iomap_wc);

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	if ((unsigned long __force)addr >= 0x40000UL)	/* port cookies need no unmapping */
		iounmap(addr);
}
EXPORT_SYMBOL(pci_iounmap);

void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar)
{
	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !(pci_resource_flags(pdev, bar) & IORESOURCE_MEM)) {
		pci_err(pdev, "can't ioremap BAR %d: not a memory BAR\n", bar);
		return NULL;
	}
	return ioremap(pci_resource_start(pdev, bar), pci_resource_len(pdev, bar));
}
EXPORT_SYMBOL_GPL(pci_ioremap_bar);

void __iomem *pci_ioremap_wc_bar(struct pci_dev *pdev, int bar)
{
	return pci_ioremap_bar(pdev, bar);
}
EXPORT_SYMBOL_GPL(pci_ioremap_wc_bar);

void pcibios_resource_to_bus(struct pci_bus *bus, struct pci_bus_region *region, struct resource *res)
{
	region->start = res->start;
	region->end = res->end;
}
EXPORT_SYMBOL(pcibios_resource_to_bus);

/* ---- managed BAR mappings (pcim_*) ---- */

static void pcim_iomap_release(struct device *gendev, void *res)
{
	struct pci_dev *dev = to_pci_dev(gendev);
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (dev->apus_iomap[i]) {
			pci_iounmap(dev, dev->apus_iomap[i]);
			dev->apus_iomap[i] = NULL;
		}
	}
}

void __iomem * const *pcim_iomap_table(struct pci_dev *pdev)
{
	void *dr;

	if (devres_find(&pdev->dev, pcim_iomap_release, NULL, NULL))
		return pdev->apus_iomap;
	dr = devres_alloc(pcim_iomap_release, 0, GFP_KERNEL);
	if (!dr)
		return NULL;
	devres_add(&pdev->dev, dr);
	return pdev->apus_iomap;
}
EXPORT_SYMBOL(pcim_iomap_table);

void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen)
{
	if (bar < 0 || bar >= PCI_STD_NUM_BARS || !pcim_iomap_table(pdev) || pdev->apus_iomap[bar])
		return NULL;
	pdev->apus_iomap[bar] = pci_iomap(pdev, bar, maxlen);
	return pdev->apus_iomap[bar];
}
EXPORT_SYMBOL(pcim_iomap);

void pcim_iounmap(struct pci_dev *pdev, void __iomem *addr)
{
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (pdev->apus_iomap[i] == addr) {
			pci_iounmap(pdev, addr);
			pdev->apus_iomap[i] = NULL;
			return;
		}
	}
	WARN_ON(1);
}
EXPORT_SYMBOL(pcim_iounmap);

struct pcim_region_devres {
	int bar;
};

static void pcim_region_release(struct device *dev, void *res)
{
	pci_release_region(to_pci_dev(dev), ((struct pcim_region_devres *)res)->bar);
}

static int pcim_request_region(struct pci_dev *pdev, int bar, const char *name)
{
	struct pcim_region_devres *dr;
	int rc;

	dr = devres_alloc(pcim_region_release, sizeof(*dr), GFP_KERNEL);
	if (!dr)
		return -ENOMEM;
	rc = pci_request_region(pdev, bar, name);
	if (rc) {
		devres_free(dr);
		return rc;
	}
	dr->bar = bar;
	devres_add(&pdev->dev, dr);
	return 0;
}

/* Requests and maps the BARs in mask; everything is undone when the driver detaches. */
int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name)
{
	int i, rc;

	if (!pcim_iomap_table(pdev))
		return -ENOMEM;
	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (!(mask & (1 << i)) || !pci_resource_len(pdev, i))
			continue;
		rc = pcim_request_region(pdev, i, name);
		if (rc)
			goto err;
		if (!pcim_iomap(pdev, i, 0)) {
			rc = -ENOMEM;
			goto err;
		}
	}
	return 0;
err:
	pcim_iounmap_regions(pdev, mask);
	return rc;
}
EXPORT_SYMBOL(pcim_iomap_regions);

int pcim_iomap_regions_request_all(struct pci_dev *pdev, int mask, const char *name)
{
	int i, rc;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (mask & (1 << i) || !pci_resource_len(pdev, i))
			continue;
		rc = pcim_request_region(pdev, i, name);
		if (rc)
			return rc;
	}
	return pcim_iomap_regions(pdev, mask, name);
}
EXPORT_SYMBOL(pcim_iomap_regions_request_all);

static int pcim_region_match(struct device *dev, void *res, void *data)
{
	return ((struct pcim_region_devres *)res)->bar == *(int *)data;
}

void pcim_iounmap_regions(struct pci_dev *pdev, int mask)
{
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (!(mask & (1 << i)))
			continue;
		if (pdev->apus_iomap[i])
			pcim_iounmap(pdev, pdev->apus_iomap[i]);
		devres_release(&pdev->dev, pcim_region_release, pcim_region_match, &i);
	}
}
EXPORT_SYMBOL(pcim_iounmap_regions);

/* ---- saved state ---- */

struct pci_saved_state {
	u32 config_space[16];
	u16 pcie_control[7];
};

static const int pcie_control_registers[7] = {
	PCI_EXP_DEVCTL, PCI_EXP_LNKCTL, PCI_EXP_SLTCTL, PCI_EXP_RTCTL, PCI_EXP_DEVCTL2, PCI_EXP_LNKCTL2,
	PCI_EXP_SLTCTL2,
};

/* Saves the standard header and the PCI Express control registers (MSI state lives in the Swift core). */
int pci_save_state(struct pci_dev *dev)
{
	int i;

	for (i = 0; i < 16; i++)
		pci_read_config_dword(dev, i * 4, &dev->saved_config_space[i]);
	for (i = 0; i < ARRAY_SIZE(pcie_control_registers); i++)
		pcie_capability_read_word(dev, pcie_control_registers[i], &dev->saved_pcie_control[i]);
	dev->state_saved = true;
	return 0;
}
EXPORT_SYMBOL(pci_save_state);

/* Writes back what differs, the PCI Express registers first and the command register last, as Linux. */
void pci_restore_state(struct pci_dev *dev)
{
	int i;
	u32 val;

	if (!dev->state_saved)
		return;
	for (i = 0; i < ARRAY_SIZE(pcie_control_registers); i++)
		pcie_capability_write_word(dev, pcie_control_registers[i], dev->saved_pcie_control[i]);
	for (i = 15; i >= 0; i--) {
		pci_read_config_dword(dev, i * 4, &val);
		if (val != dev->saved_config_space[i])
			pci_write_config_dword(dev, i * 4, dev->saved_config_space[i]);
	}
	dev->state_saved = false;
}
EXPORT_SYMBOL(pci_restore_state);

struct pci_saved_state *pci_store_saved_state(struct pci_dev *dev)
{
	struct pci_saved_state *state;

	if (!dev->state_saved)
		return NULL;
	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return NULL;
	memcpy(state->config_space, dev->saved_config_space, sizeof(state->config_space));
	memcpy(state->pcie_control, dev->saved_pcie_control, sizeof(state->pcie_control));
	return state;
}
EXPORT_SYMBOL_GPL(pci_store_saved_state);

int pci_load_saved_state(struct pci_dev *dev, struct pci_saved_state *state)
{
	dev->state_saved = false;
	if (!state)
		return 0;
	memcpy(dev->saved_config_space, state->config_space, sizeof(state->config_space));
	memcpy(dev->saved_pcie_control, state->pcie_control, sizeof(state->pcie_control));
	dev->state_saved = true;
	return 0;
}
EXPORT_SYMBOL_GPL(pci_load_saved_state);

int pci_load_and_free_saved_state(struct pci_dev *dev, struct pci_saved_state **state)
{
	int ret = pci_load_saved_state(dev, *state);

	kfree(*state);
	*state = NULL;
	return ret;
}
EXPORT_SYMBOL_GPL(pci_load_and_free_saved_state);

/* ---- power: functions stay in D0; requests are recorded and succeed ---- */

int pci_set_power_state(struct pci_dev *dev, pci_power_t state)
{
	if (state < PCI_D0 || state > PCI_D3cold)
		return -EINVAL;
	dev->current_state = PCI_D0;
	return 0;
}
EXPORT_SYMBOL(pci_set_power_state);

pci_power_t pci_choose_state(struct pci_dev *dev, pm_message_t state)
{
	return PCI_D0;
}
EXPORT_SYMBOL(pci_choose_state);

bool pci_pme_capable(struct pci_dev *dev, pci_power_t state)
{
	return false;
}
EXPORT_SYMBOL(pci_pme_capable);

int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable)
{
	return enable ? -EINVAL : 0;
}
EXPORT_SYMBOL(pci_enable_wake);

int pci_wake_from_d3(struct pci_dev *dev, bool enable)
{
	return enable ? -EINVAL : 0;
}
EXPORT_SYMBOL(pci_wake_from_d3);

int pci_prepare_to_sleep(struct pci_dev *dev)
{
	return 0;
}
EXPORT_SYMBOL(pci_prepare_to_sleep);

int pci_back_from_sleep(struct pci_dev *dev)
{
	return 0;
}
EXPORT_SYMBOL(pci_back_from_sleep);

bool pci_dev_run_wake(struct pci_dev *dev)
{
	return false;
}
EXPORT_SYMBOL_GPL(pci_dev_run_wake);

void pci_d3cold_enable(struct pci_dev *dev)
{
	dev->d3cold_allowed = true;
}
EXPORT_SYMBOL_GPL(pci_d3cold_enable);

void pci_d3cold_disable(struct pci_dev *dev)
{
	dev->d3cold_allowed = false;
}
EXPORT_SYMBOL_GPL(pci_d3cold_disable);

/* Function-level reset through the PCI Express capability, with Linux's waits; -ENOTTY without FLR. */
int pcie_flr(struct pci_dev *dev)
{
	u32 cap;
	int i;
	u32 id;

	pcie_capability_read_dword(dev, PCI_EXP_DEVCAP, &cap);
	if (!(cap & PCI_EXP_DEVCAP_FLR))
		return -ENOTTY;
	pcie_capability_set_word(dev, PCI_EXP_DEVCTL, PCI_EXP_DEVCTL_BCR_FLR);
	msleep(100);
	for (i = 0; i < 600; i++) {
		pci_read_config_dword(dev, PCI_COMMAND, &id);
		if (!PCI_POSSIBLE_ERROR(id))
			return 0;
		msleep(100);
	}
	pci_err(dev, "not ready after FLR; giving up\n");
	return -ENOTTY;
}
EXPORT_SYMBOL_GPL(pcie_flr);

int pci_reset_function(struct pci_dev *dev)
{
	int rc;

	pci_save_state(dev);
	pci_write_config_word(dev, PCI_COMMAND, PCI_COMMAND_INTX_DISABLE);
	rc = pcie_flr(dev);
	pci_restore_state(dev);
	return rc;
}
EXPORT_SYMBOL_GPL(pci_reset_function);
