/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PCI for drivers: struct pci_dev for every function the Swift PCI scan found, pci_driver id-table matching
 * and probing (every matching unbound function when the driver registers; remove when it unregisters),
 * configuration access, enabling, BAR resources and their reservation, mapping BARs, MSI/MSI-X/INTx
 * vectors as Linux irq numbers, capability lookup, and saving/restoring configuration state. Power states
 * other than D0 are not entered (pci_set_power_state records the request; see LinuxKPI/README.md).
 */
#ifndef LINUX_PCI_H
#define LINUX_PCI_H

#include <linux/types.h>
#include <linux/mod_devicetable.h>
#include <linux/ioport.h>
#include <linux/list.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kobject.h>
#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/pci_regs.h>
#include <linux/pci_ids.h>
#include <linux/dma-mapping.h>

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)
#define PCI_STATUS_ERROR_BITS (PCI_STATUS_DETECTED_PARITY | PCI_STATUS_SIG_SYSTEM_ERROR | \
			       PCI_STATUS_REC_MASTER_ABORT | PCI_STATUS_REC_TARGET_ABORT | \
			       PCI_STATUS_SIG_TARGET_ABORT | PCI_STATUS_PARITY)

/* Every register reads as all ones from a function that is gone. */
#define PCI_ERROR_RESPONSE	(~0ULL)
#define PCI_POSSIBLE_ERROR(val)	((val) == ((typeof(val)) PCI_ERROR_RESPONSE))

/* Config accessor results (positive PCIBIOS_* as in Linux; pcibios_err_to_errno converts). */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_FUNC_NOT_SUPPORTED	0x81
#define PCIBIOS_BAD_VENDOR_ID		0x83
#define PCIBIOS_DEVICE_NOT_FOUND	0x86
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87
#define PCIBIOS_SET_FAILED		0x88
#define PCIBIOS_BUFFER_TOO_SMALL	0x89

static inline int pcibios_err_to_errno(int err)
{
	if (err <= PCIBIOS_SUCCESSFUL)
		return err;
	switch (err) {
	case PCIBIOS_FUNC_NOT_SUPPORTED: return -ENOENT;
	case PCIBIOS_BAD_VENDOR_ID: return -ENOTTY;
	case PCIBIOS_DEVICE_NOT_FOUND: return -ENODEV;
	case PCIBIOS_BAD_REGISTER_NUMBER: return -EFAULT;
	case PCIBIOS_SET_FAILED: return -EIO;
	case PCIBIOS_BUFFER_TOO_SMALL: return -ENOSPC;
	}
	return -ERANGE;
}

typedef int __bitwise pci_power_t;
#define PCI_D0		((pci_power_t __force) 0)
#define PCI_D1		((pci_power_t __force) 1)
#define PCI_D2		((pci_power_t __force) 2)
#define PCI_D3hot	((pci_power_t __force) 3)
#define PCI_D3cold	((pci_power_t __force) 4)
#define PCI_UNKNOWN	((pci_power_t __force) 5)
#define PCI_POWER_ERROR	((pci_power_t __force) -1)
#define PCI_D3		PCI_D3hot

typedef unsigned int __bitwise pci_channel_state_t;
enum pci_channel_state {
	pci_channel_io_normal = (__force pci_channel_state_t) 1,
	pci_channel_io_frozen = (__force pci_channel_state_t) 2,
	pci_channel_io_perm_failure = (__force pci_channel_state_t) 3,
};

typedef unsigned int __bitwise pci_ers_result_t;
enum pci_ers_result {
	PCI_ERS_RESULT_NONE = (__force pci_ers_result_t) 1,
	PCI_ERS_RESULT_CAN_RECOVER = (__force pci_ers_result_t) 2,
	PCI_ERS_RESULT_NEED_RESET = (__force pci_ers_result_t) 3,
	PCI_ERS_RESULT_DISCONNECT = (__force pci_ers_result_t) 4,
	PCI_ERS_RESULT_RECOVERED = (__force pci_ers_result_t) 5,
	PCI_ERS_RESULT_NO_AER_DRIVER = (__force pci_ers_result_t) 6,
};

enum pcie_link_width {
	PCIE_LNK_WIDTH_RESRV = 0x00, PCIE_LNK_X1 = 0x01, PCIE_LNK_X2 = 0x02, PCIE_LNK_X4 = 0x04,
	PCIE_LNK_X8 = 0x08, PCIE_LNK_X12 = 0x0c, PCIE_LNK_X16 = 0x10, PCIE_LNK_X32 = 0x20,
	PCIE_LNK_WIDTH_UNKNOWN = 0xff,
};

/* BAR numbers as resource indices. */
enum {
	PCI_STD_RESOURCES,
	PCI_STD_RESOURCE_END = PCI_STD_RESOURCES + PCI_STD_NUM_BARS - 1,
	PCI_ROM_RESOURCE,
	PCI_NUM_RESOURCES,
	DEVICE_COUNT_RESOURCE = PCI_NUM_RESOURCES,
};

/* A bus address range (no translation on x86: bus address = CPU physical address). */
typedef u64 pci_bus_addr_t;
struct pci_bus_region {
	pci_bus_addr_t start;
	pci_bus_addr_t end;
};

struct pci_bus {
	struct list_head node;
	struct pci_bus *parent;
	struct pci_dev *self;
	unsigned char number;
	unsigned char primary;
	int domain_nr;
};

#define PCI_IRQ_LEGACY		(1 << 0)
#define PCI_IRQ_MSI		(1 << 1)
#define PCI_IRQ_MSIX		(1 << 2)
#define PCI_IRQ_AFFINITY	(1 << 3)
#define PCI_IRQ_ALL_TYPES	(PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX)

struct pci_driver;
struct pci_saved_state;

struct pci_dev {
	struct list_head bus_list;
	struct pci_bus *bus;
	struct pci_bus *subordinate;
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class;		/* class << 16 | subclass << 8 | prog-if */
	u8 revision;
	u8 hdr_type;
	u8 pcie_cap;			/* offset of the PCI Express capability, 0 without */
	u8 msi_cap;
	u8 msix_cap;
	u8 pm_cap;
	u8 pcie_flags_reg_hi;
	u16 pcie_flags_reg;
	u8 pin;
	struct pci_driver *driver;
	u64 dma_mask;
	struct device_dma_parameters dma_parms;
	pci_power_t current_state;
	int cfg_size;
	unsigned int irq;		/* INTx irq, or the first MSI irq while MSI is on */
	struct resource resource[DEVICE_COUNT_RESOURCE];
	unsigned int transparent:1;
	unsigned int multifunction:1;
	unsigned int is_busmaster:1;
	unsigned int no_msi:1;
	unsigned int msi_enabled:1;
	unsigned int msix_enabled:1;
	unsigned int is_managed:1;
	unsigned int is_virtfn:1;
	unsigned int state_saved:1;
	unsigned int is_physfn:1;
	unsigned int needs_freset:1;
	unsigned int broken_intx_masking:1;
	unsigned int d3cold_allowed:1;
	unsigned int dev_flags;
	atomic_t enable_cnt;
	u32 saved_config_space[16];
	u16 saved_pcie_control[7];
	pci_channel_state_t error_state;
	struct device dev;
	/* Apus: the message-signalled irqs handed out (pci_irq_vector), and the INTx irq to go back to. */
	unsigned int apus_nr_irqs;
	unsigned int *apus_irqs;
	unsigned int apus_intx_irq;
	u32 apus_location;		/* segment << 16 | bus << 8 | devfn, as the Swift core names it */
	void __iomem *apus_iomap[PCI_STD_NUM_BARS];	/* pcim_iomap_table */
	struct resource *apus_regions[PCI_STD_NUM_BARS];
};

#define to_pci_dev(n) container_of(n, struct pci_dev, dev)
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)

static inline int pci_domain_nr(struct pci_bus *bus) { return bus->domain_nr; }
static inline bool pci_is_pcie(struct pci_dev *dev) { return dev->pcie_cap != 0; }
static inline u16 pcie_caps_reg(const struct pci_dev *dev) { return dev->pcie_flags_reg; }
static inline int pci_pcie_type(const struct pci_dev *dev) { return (pcie_caps_reg(dev) & PCI_EXP_FLAGS_TYPE) >> 4; }
static inline int pci_pcie_cap(struct pci_dev *dev) { return dev->pcie_cap; }
static inline bool pci_is_bridge(struct pci_dev *dev)
{
	return dev->hdr_type == PCI_HEADER_TYPE_BRIDGE || dev->hdr_type == PCI_HEADER_TYPE_CARDBUS;
}
static inline const char *pci_name(const struct pci_dev *pdev) { return dev_name(&pdev->dev); }
static inline void *pci_get_drvdata(struct pci_dev *pdev) { return dev_get_drvdata(&pdev->dev); }
static inline void pci_set_drvdata(struct pci_dev *pdev, void *data) { dev_set_drvdata(&pdev->dev, data); }
static inline int pci_is_enabled(struct pci_dev *pdev) { return atomic_read(&pdev->enable_cnt) > 0; }
static inline bool pci_is_managed(struct pci_dev *pdev) { return pdev->is_managed; }
static inline int pci_channel_offline(struct pci_dev *pdev) { return pdev->error_state != pci_channel_io_normal; }
static inline bool pci_dev_msi_enabled(struct pci_dev *pdev) { return pdev->msi_enabled || pdev->msix_enabled; }
static inline struct pci_dev *pci_physfn(struct pci_dev *dev) { return dev; }
static inline bool pci_is_root_bus(struct pci_bus *pbus) { return !pbus->parent; }

#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)					\
	((pci_resource_end((dev), (bar)) == 0) ? 0 :			\
	 (pci_resource_end((dev), (bar)) - pci_resource_start((dev), (bar)) + 1))

/* ---- drivers ---- */

struct pci_error_handlers {
	pci_ers_result_t (*error_detected)(struct pci_dev *dev, pci_channel_state_t error);
	pci_ers_result_t (*mmio_enabled)(struct pci_dev *dev);
	pci_ers_result_t (*slot_reset)(struct pci_dev *dev);
	void (*reset_prepare)(struct pci_dev *dev);
	void (*reset_done)(struct pci_dev *dev);
	void (*resume)(struct pci_dev *dev);
};

struct pci_driver {
	struct list_head node;
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	int (*suspend)(struct pci_dev *dev, pm_message_t state);
	int (*resume)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	int (*sriov_configure)(struct pci_dev *dev, int num_vfs);
	int (*sriov_set_msix_vec_count)(struct pci_dev *vf, int msix_vec_count);
	u32 (*sriov_get_vf_total_msix)(struct pci_dev *pf);
	const struct pci_error_handlers *err_handler;
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	struct device_driver driver;
	bool driver_managed_dma;
};

#define to_pci_driver(drv) container_of(drv, struct pci_driver, driver)

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_SUB(vend, dev, subvend, subdev) \
	.vendor = (vend), .device = (dev), .subvendor = (subvend), .subdevice = (subdev)
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask) \
	.class = (dev_class), .class_mask = (dev_class_mask), .vendor = PCI_ANY_ID, .device = PCI_ANY_ID, \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev) \
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0
#define PCI_DEVICE_DATA(vend, dev, data) \
	.vendor = PCI_VENDOR_ID_##vend, .device = PCI_DEVICE_ID_##vend##_##dev, .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID, 0, 0, .driver_data = (kernel_ulong_t)(data)

int __must_check __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *mod_name);
#define pci_register_driver(driver) __pci_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void pci_unregister_driver(struct pci_driver *drv);
#define module_pci_driver(__pci_driver) module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)
#define module_driver(__driver, __register, __unregister, ...)			\
static int __init __driver##_init(void)						\
{										\
	return __register(&(__driver), ##__VA_ARGS__);				\
}										\
module_init(__driver##_init);							\
static void __exit __driver##_exit(void)					\
{										\
	__unregister(&(__driver), ##__VA_ARGS__);				\
}										\
module_exit(__driver##_exit);

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, struct pci_dev *dev);
struct pci_dev *pci_dev_get(struct pci_dev *dev);
void pci_dev_put(struct pci_dev *dev);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
struct pci_dev *pci_get_subsys(unsigned int vendor, unsigned int device, unsigned int ss_vendor,
			       unsigned int ss_device, struct pci_dev *from);
struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *from);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn);
static inline struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn)
{
	return pci_get_domain_bus_and_slot(bus->domain_nr, bus->number, devfn);
}
static inline int pci_dev_present(const struct pci_device_id *ids)
{
	struct pci_dev *found = NULL;

	for (; ids->vendor || ids->subvendor || ids->class_mask; ids++) {
		found = pci_get_subsys(ids->vendor, ids->device, ids->subvendor, ids->subdevice, NULL);
		if (found) {
			pci_dev_put(found);
			return 1;
		}
	}
	return 0;
}

/* ---- configuration space ---- */

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val);

int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val);
int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val);
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val);
int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val);
int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos, u16 clear, u16 set);
int pcie_capability_clear_and_set_dword(struct pci_dev *dev, int pos, u32 clear, u32 set);
int pcie_capability_clear_and_set_word_locked(struct pci_dev *dev, int pos, u16 clear, u16 set);
static inline int pcie_capability_set_word(struct pci_dev *dev, int pos, u16 set)
{
	return pcie_capability_clear_and_set_word(dev, pos, 0, set);
}
static inline int pcie_capability_set_dword(struct pci_dev *dev, int pos, u32 set)
{
	return pcie_capability_clear_and_set_dword(dev, pos, 0, set);
}
static inline int pcie_capability_clear_word(struct pci_dev *dev, int pos, u16 clear)
{
	return pcie_capability_clear_and_set_word(dev, pos, clear, 0);
}
static inline int pcie_capability_clear_dword(struct pci_dev *dev, int pos, u32 clear)
{
	return pcie_capability_clear_and_set_dword(dev, pos, clear, 0);
}

u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);
u16 pci_find_ext_capability(struct pci_dev *dev, int cap);
u16 pci_find_next_ext_capability(struct pci_dev *dev, u16 pos, int cap);
u64 pci_get_dsn(struct pci_dev *dev);
int pcie_get_readrq(struct pci_dev *dev);
int pcie_set_readrq(struct pci_dev *dev, int rq);
int pcie_get_mps(struct pci_dev *dev);
int pcix_get_mmrbc(struct pci_dev *dev);
int pcix_set_mmrbc(struct pci_dev *dev, int mmrbc);

/* ---- enabling ---- */

int __must_check pci_enable_device(struct pci_dev *dev);
int __must_check pci_enable_device_io(struct pci_dev *dev);
int __must_check pci_enable_device_mem(struct pci_dev *dev);
int __must_check pcim_enable_device(struct pci_dev *pdev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
int pci_set_mwi(struct pci_dev *dev);
int pci_try_set_mwi(struct pci_dev *dev);
void pci_clear_mwi(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, int enable);
bool pci_device_is_present(struct pci_dev *pdev);

/* ---- resources ---- */

int pci_select_bars(struct pci_dev *dev, unsigned long flags);
int __must_check pci_request_region(struct pci_dev *pdev, int bar, const char *name);
void pci_release_region(struct pci_dev *pdev, int bar);
int __must_check pci_request_regions(struct pci_dev *pdev, const char *name);
int __must_check pci_request_regions_exclusive(struct pci_dev *pdev, const char *name);
void pci_release_regions(struct pci_dev *pdev);
int __must_check pci_request_selected_regions(struct pci_dev *pdev, int bars, const char *name);
int __must_check pci_request_selected_regions_exclusive(struct pci_dev *pdev, int bars, const char *name);
void pci_release_selected_regions(struct pci_dev *pdev, int bars);
static inline int pci_request_mem_regions(struct pci_dev *pdev, const char *name)
{
	return pci_request_selected_regions(pdev, pci_select_bars(pdev, IORESOURCE_MEM), name);
}
static inline void pci_release_mem_regions(struct pci_dev *pdev)
{
	pci_release_selected_regions(pdev, pci_select_bars(pdev, IORESOURCE_MEM));
}
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long max);
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset, unsigned long maxlen);
void __iomem *pci_iomap_wc(struct pci_dev *dev, int bar, unsigned long max);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar);
void __iomem *pci_ioremap_wc_bar(struct pci_dev *pdev, int bar);
int pcim_iomap_regions(struct pci_dev *pdev, int mask, const char *name);
int pcim_iomap_regions_request_all(struct pci_dev *pdev, int mask, const char *name);
void __iomem *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);
void pcim_iounmap(struct pci_dev *pdev, void __iomem *addr);
void __iomem * const *pcim_iomap_table(struct pci_dev *pdev);
void pcim_iounmap_regions(struct pci_dev *pdev, int mask);
void pcibios_resource_to_bus(struct pci_bus *bus, struct pci_bus_region *region, struct resource *res);

static inline pci_bus_addr_t pci_bus_address(struct pci_dev *pdev, int bar)
{
	struct pci_bus_region region;

	pcibios_resource_to_bus(pdev->bus, &region, &pdev->resource[bar]);
	return region.start;
}

/* ---- interrupts ---- */

int pci_alloc_irq_vectors_affinity(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
				   unsigned int flags, struct irq_affinity *affd);
static inline int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
					unsigned int flags)
{
	return pci_alloc_irq_vectors_affinity(dev, min_vecs, max_vecs, flags, NULL);
}
void pci_free_irq_vectors(struct pci_dev *dev);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
const struct cpumask *pci_irq_get_affinity(struct pci_dev *pdev, int vec);

struct msix_entry {
	u32 vector;	/* the irq, written by pci_enable_msix_range */
	u16 entry;	/* the MSI-X table entry the driver wants */
};

int pci_msi_vec_count(struct pci_dev *dev);
int pci_msix_vec_count(struct pci_dev *dev);
int pci_enable_msi(struct pci_dev *dev);
void pci_disable_msi(struct pci_dev *dev);
int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries, int minvec, int maxvec);
static inline int pci_enable_msix_exact(struct pci_dev *dev, struct msix_entry *entries, int nvec)
{
	int rc = pci_enable_msix_range(dev, entries, nvec, nvec);

	if (rc < 0)
		return rc;
	return 0;
}
void pci_disable_msix(struct pci_dev *dev);
void pci_restore_msi_state(struct pci_dev *dev);

__printf(6, 7) int pci_request_irq(struct pci_dev *dev, unsigned int nr, irq_handler_t handler,
				   irq_handler_t thread_fn, void *dev_id, const char *fmt, ...);
void pci_free_irq(struct pci_dev *dev, unsigned int nr, void *dev_id);

/* ---- state and power ---- */

int pci_save_state(struct pci_dev *dev);
void pci_restore_state(struct pci_dev *dev);
struct pci_saved_state *pci_store_saved_state(struct pci_dev *dev);
int pci_load_saved_state(struct pci_dev *dev, struct pci_saved_state *state);
int pci_load_and_free_saved_state(struct pci_dev *dev, struct pci_saved_state **state);
int pci_set_power_state(struct pci_dev *dev, pci_power_t state);
pci_power_t pci_choose_state(struct pci_dev *dev, pm_message_t state);
int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable);
int pci_wake_from_d3(struct pci_dev *dev, bool enable);
bool pci_pme_capable(struct pci_dev *dev, pci_power_t state);
int pci_prepare_to_sleep(struct pci_dev *dev);
int pci_back_from_sleep(struct pci_dev *dev);
bool pci_dev_run_wake(struct pci_dev *dev);
void pci_d3cold_enable(struct pci_dev *dev);
void pci_d3cold_disable(struct pci_dev *dev);
int pci_reset_function(struct pci_dev *dev);
int pcie_flr(struct pci_dev *dev);

/* SR-IOV, link power management and error reporting are not offered; these calls say so. */
static inline int pci_sriov_configure_simple(struct pci_dev *dev, int nr_virtfn) { return -ENODEV; }
static inline int pci_num_vf(struct pci_dev *dev) { return 0; }
static inline int pci_vfs_assigned(struct pci_dev *dev) { return 0; }
static inline int pci_disable_link_state(struct pci_dev *pdev, int state) { return 0; }
static inline int pci_disable_link_state_locked(struct pci_dev *pdev, int state) { return 0; }
static inline bool pcie_aspm_enabled(struct pci_dev *pdev) { return false; }
static inline bool pcie_aspm_support_enabled(void) { return false; }
#define PCIE_LINK_STATE_L0S		1
#define PCIE_LINK_STATE_L1		2
#define PCIE_LINK_STATE_CLKPM		4
#define PCIE_LINK_STATE_L1_1		8
#define PCIE_LINK_STATE_L1_2		16
#define PCIE_LINK_STATE_L1_1_PCIPM	32
#define PCIE_LINK_STATE_L1_2_PCIPM	64

#define dev_is_pci(d) ((d)->bus == &pci_bus_type)
extern struct bus_type pci_bus_type;

/* Allocation hints for DMA: no-ops without an IOMMU or NUMA. */
static inline int pci_set_dma_seg_boundary(struct pci_dev *dev, unsigned long mask)
{
	return dma_set_seg_boundary(&dev->dev, mask);
}

#define pci_printk(level, pdev, fmt, arg...) dev_printk(level, &(pdev)->dev, fmt, ##arg)
#define pci_emerg(pdev, fmt, arg...)	dev_emerg(&(pdev)->dev, fmt, ##arg)
#define pci_alert(pdev, fmt, arg...)	dev_alert(&(pdev)->dev, fmt, ##arg)
#define pci_crit(pdev, fmt, arg...)	dev_crit(&(pdev)->dev, fmt, ##arg)
#define pci_err(pdev, fmt, arg...)	dev_err(&(pdev)->dev, fmt, ##arg)
#define pci_warn(pdev, fmt, arg...)	dev_warn(&(pdev)->dev, fmt, ##arg)
#define pci_notice(pdev, fmt, arg...)	dev_notice(&(pdev)->dev, fmt, ##arg)
#define pci_info(pdev, fmt, arg...)	dev_info(&(pdev)->dev, fmt, ##arg)
#define pci_dbg(pdev, fmt, arg...)	dev_dbg(&(pdev)->dev, fmt, ##arg)
#define pci_warn_once(pdev, fmt, arg...)	dev_warn_once(&(pdev)->dev, fmt, ##arg)
#define pci_err_ratelimited(pdev, fmt, arg...) dev_err_ratelimited(&(pdev)->dev, fmt, ##arg)
#define pci_info_ratelimited(pdev, fmt, arg...) dev_info_ratelimited(&(pdev)->dev, fmt, ##arg)
#define pci_WARN(pdev, condition, fmt, arg...) WARN(condition, "%s %s: " fmt, dev_driver_string(&(pdev)->dev), pci_name(pdev), ##arg)
#define pci_WARN_ONCE(pdev, condition, fmt, arg...) WARN_ONCE(condition, "%s %s: " fmt, dev_driver_string(&(pdev)->dev), pci_name(pdev), ##arg)

#endif
