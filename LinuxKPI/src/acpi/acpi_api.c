// SPDX-License-Identifier: GPL-2.0-only
/*
 * ACPICA's API as the Swift core uses it, flattened to the plain C types of acpica_bridge.h: start-up,
 * the table list, evaluating objects and reading the result tree, namespace walks, PCI interrupt routing
 * (_PRT), the power button and sleep states. Built with ACPICA (scripts/build), see acpi_osl.c for why here.
 */
#include <acpi/acpi.h>
#include "accommon.h"
#include "acpica_bridge.h"

/* ACPICA copies the root table list to the heap once the heap is there (acpi_allocate_root_table). */
#define APUS_INITIAL_TABLES 32
static struct acpi_table_desc initial_tables[APUS_INITIAL_TABLES];

uint32_t apus_acpica_initialize(const char **failed_step)
{
	acpi_status status;
	*failed_step = "AcpiInitializeSubsystem";
	status = acpi_initialize_subsystem();
	if (ACPI_FAILURE(status))
		return status;
	*failed_step = "AcpiInitializeTables";
	status = acpi_initialize_tables(initial_tables, APUS_INITIAL_TABLES, TRUE);
	if (ACPI_FAILURE(status))
		return status;
	*failed_step = "AcpiLoadTables";
	status = acpi_load_tables();
	if (ACPI_FAILURE(status))
		return status;
	*failed_step = "AcpiEnableSubsystem";
	status = acpi_enable_subsystem(ACPI_FULL_INITIALIZATION);
	if (ACPI_FAILURE(status))
		return status;
	*failed_step = "AcpiInitializeObjects";
	status = acpi_initialize_objects(ACPI_FULL_INITIALIZATION);
	if (ACPI_FAILURE(status))
		return status;
	/* Enable the GPEs that have _Lxx/_Exx methods: on laptops the lid, the battery and the embedded
	 * controller signal through them. */
	*failed_step = "AcpiUpdateAllGpes";
	status = acpi_update_all_gpes();
	if (ACPI_FAILURE(status))
		return status;
	*failed_step = NULL;
	return AE_OK;
}

const char *apus_acpica_status_name(uint32_t status)
{
	return acpi_format_exception(status);
}

uint32_t apus_acpica_table(uint32_t index, struct apus_acpi_table *table)
{
	struct acpi_table_header *header;
	acpi_status status = acpi_get_table_by_index(index, &header);
	if (ACPI_FAILURE(status))
		return status;
	/* Tables stay mapped for ACPICA's lifetime (acpi_os_unmap_memory keeps mappings); release the count. */
	acpi_put_table(header);
	table->header = (const uint8_t *)header;
	table->address = acpi_gbl_root_table_list.tables[index].address;
	table->length = header->length;
	memcpy(table->signature, header->signature, sizeof(table->signature));
	/* The FACS header is shorter: no OEM fields. */
	if (ACPI_COMPARE_NAMESEG(header->signature, ACPI_SIG_FACS)) {
		memset(table->oem_id, ' ', sizeof(table->oem_id));
		memset(table->oem_table_id, ' ', sizeof(table->oem_table_id));
	} else {
		memcpy(table->oem_id, header->oem_id, sizeof(table->oem_id));
		memcpy(table->oem_table_id, header->oem_table_id, sizeof(table->oem_table_id));
	}
	return AE_OK;
}

uint32_t apus_acpica_evaluate(const char *path, const void **result)
{
	struct acpi_buffer buffer = { ACPI_ALLOCATE_BUFFER, NULL };
	acpi_status status = acpi_evaluate_object(NULL, (acpi_string)path, NULL, &buffer);
	if (ACPI_FAILURE(status))
		return status;
	if (buffer.pointer == NULL)
		return AE_NULL_OBJECT;
	*result = buffer.pointer;
	return AE_OK;
}

/* Evaluates `path` with one Integer argument (_PIC), discarding any result. */
uint32_t apus_acpica_call_integer(const char *path, uint64_t value)
{
	union acpi_object argument = { .integer = { ACPI_TYPE_INTEGER, value } };
	struct acpi_object_list arguments = { 1, &argument };
	return acpi_evaluate_object(NULL, (acpi_string)path, &arguments, NULL);
}

/* Evaluates `path` with one Buffer argument (_SRS), discarding any result. */
uint32_t apus_acpica_call_buffer(const char *path, const uint8_t *bytes, uint32_t length)
{
	union acpi_object argument = { .buffer = { ACPI_TYPE_BUFFER, length, (u8 *)bytes } };
	struct acpi_object_list arguments = { 1, &argument };
	return acpi_evaluate_object(NULL, (acpi_string)path, &arguments, NULL);
}

void apus_acpica_release(const void *result)
{
	ACPI_FREE((void *)result);
}

uint32_t apus_acpica_object_type(const void *object)
{
	return ((const union acpi_object *)object)->type;
}

uint64_t apus_acpica_object_integer(const void *object)
{
	const union acpi_object *o = object;
	return o->type == ACPI_TYPE_INTEGER ? o->integer.value : 0;
}

const uint8_t *apus_acpica_object_bytes(const void *object, uint32_t *length)
{
	const union acpi_object *o = object;
	switch (o->type) {
	case ACPI_TYPE_STRING:
		*length = o->string.length;
		return (const uint8_t *)o->string.pointer;
	case ACPI_TYPE_BUFFER:
		*length = o->buffer.length;
		return o->buffer.pointer;
	default:
		*length = 0;
		return NULL;
	}
}

uint32_t apus_acpica_object_count(const void *object)
{
	const union acpi_object *o = object;
	return o->type == ACPI_TYPE_PACKAGE ? o->package.count : 0;
}

const void *apus_acpica_object_element(const void *object, uint32_t index)
{
	const union acpi_object *o = object;
	if (o->type != ACPI_TYPE_PACKAGE || index >= o->package.count)
		return NULL;
	return &o->package.elements[index];
}

static uint32_t full_path(acpi_handle handle, char *buffer, uint32_t size)
{
	struct acpi_buffer name = { size, buffer };
	return acpi_get_name(handle, ACPI_FULL_PATHNAME, &name);
}

uint32_t apus_acpica_object_reference_path(const void *object, char *buffer, uint32_t size)
{
	const union acpi_object *o = object;
	if (o->type != ACPI_TYPE_LOCAL_REFERENCE || o->reference.handle == NULL)
		return AE_TYPE;
	return full_path(o->reference.handle, buffer, size);
}

int apus_acpica_path_exists(const char *path)
{
	acpi_handle handle;
	return ACPI_SUCCESS(acpi_get_handle(NULL, (acpi_string)path, &handle));
}

struct walk_context {
	void (*visit)(void *context, const char *path);
	void *context;
};

static acpi_status visit_device(acpi_handle handle, u32 level, void *context, void **return_value)
{
	struct walk_context *walk = context;
	char path[128];
	(void)level;
	(void)return_value;
	if (ACPI_SUCCESS(full_path(handle, path, sizeof(path))))
		walk->visit(walk->context, path);
	return AE_OK;
}

uint32_t apus_acpica_walk_devices(void (*visit)(void *context, const char *path), void *context)
{
	struct walk_context walk = { visit, context };
	return acpi_walk_namespace(ACPI_TYPE_DEVICE, ACPI_ROOT_OBJECT, ACPI_UINT32_MAX, visit_device, NULL, &walk,
				   NULL);
}

uint32_t apus_acpica_walk_devices_with_id(const char *hid, void (*visit)(void *context, const char *path),
					  void *context)
{
	struct walk_context walk = { visit, context };
	/* acpi_get_devices matches _HID and _CID and skips devices whose _STA says absent. */
	return acpi_get_devices((char *)hid, visit_device, &walk, NULL);
}

/*
 * One notify handler per device, with our (context, value) signature. ACPICA keeps the context pointer;
 * the slots live as long as the kernel (handlers are never removed).
 */
#define APUS_NOTIFY_SLOTS 16
static struct notify_slot {
	void (*handler)(void *context, uint32_t value);
	void *context;
} notify_slots[APUS_NOTIFY_SLOTS];
static unsigned int notify_slots_used;

static void dispatch_notify(acpi_handle device, u32 value, void *context)
{
	struct notify_slot *slot = context;
	(void)device;
	slot->handler(slot->context, value);
}

uint32_t apus_acpica_install_notify_handler(const char *path, void (*handler)(void *context, uint32_t value),
					    void *context)
{
	acpi_handle device;
	acpi_status status = acpi_get_handle(NULL, (acpi_string)path, &device);
	if (ACPI_FAILURE(status))
		return status;
	/* Called from the boot thread only, before any notification can use a slot. */
	if (notify_slots_used >= APUS_NOTIFY_SLOTS)
		return AE_NO_MEMORY;
	struct notify_slot *slot = &notify_slots[notify_slots_used];
	slot->handler = handler;
	slot->context = context;
	status = acpi_install_notify_handler(device, ACPI_DEVICE_NOTIFY, dispatch_notify, slot);
	if (ACPI_SUCCESS(status))
		notify_slots_used++;
	return status;
}

uint32_t apus_acpica_routing_table(const char *device_path, struct apus_acpi_route *routes, uint32_t capacity,
				   uint32_t *count)
{
	acpi_handle device;
	struct acpi_buffer buffer = { ACPI_ALLOCATE_BUFFER, NULL };
	acpi_status status = acpi_get_handle(NULL, (acpi_string)device_path, &device);
	*count = 0;
	if (ACPI_FAILURE(status))
		return status;
	status = acpi_get_irq_routing_table(device, &buffer);
	if (ACPI_FAILURE(status))
		return status;
	const u8 *end = (const u8 *)buffer.pointer + buffer.length;
	for (const u8 *p = buffer.pointer; p + sizeof(struct acpi_pci_routing_table) <= end;) {
		const struct acpi_pci_routing_table *entry = (const void *)p;
		if (entry->length == 0)
			break;
		if (*count < capacity) {
			struct apus_acpi_route *route = &routes[*count];
			route->address = entry->address;
			route->pin = entry->pin;
			route->source_index = entry->source_index;
			strncpy(route->source, entry->source, sizeof(route->source) - 1);
			route->source[sizeof(route->source) - 1] = 0;
		}
		(*count)++;
		p += entry->length;
	}
	ACPI_FREE(buffer.pointer);
	return AE_OK;
}

uint32_t apus_acpica_install_power_button_handler(uint32_t (*handler)(void *context))
{
	return acpi_install_fixed_event_handler(ACPI_EVENT_POWER_BUTTON, handler, NULL);
}

uint32_t apus_acpica_enter_sleep_state(uint8_t state)
{
	acpi_status status = acpi_enter_sleep_state_prep(state);
	if (ACPI_FAILURE(status))
		return status;
	/* ACPICA expects interrupts off here (Linux's acpi_suspend_enter disables them). */
	__asm__ __volatile__("cli" ::: "memory");
	return acpi_enter_sleep_state(state);
}

uint32_t apus_acpica_sleep_type(uint8_t state, uint8_t *type_a, uint8_t *type_b)
{
	return acpi_get_sleep_type_data(state, type_a, type_b);
}
