/* SPDX-License-Identifier: GPL-2.0-only */
/* Device tree: CONFIG_OF is off on Apus (ACPI machine); lookups find nothing, as Linux's !CONFIG_OF stubs do. */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/types.h>
#include <linux/errno.h>

struct device_node;
struct device;

static inline struct device_node *of_node_get(struct device_node *node) { return node; }
static inline void of_node_put(struct device_node *node) { }
static inline bool of_device_is_compatible(const struct device_node *device, const char *name) { return false; }
static inline int of_property_read_u32(const struct device_node *np, const char *propname, u32 *out_value)
{
	return -ENOSYS;
}
static inline bool of_property_read_bool(const struct device_node *np, const char *propname) { return false; }
static inline struct device_node *of_get_child_by_name(const struct device_node *node, const char *name)
{
	return NULL;
}

#endif
