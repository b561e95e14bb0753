// SPDX-License-Identifier: GPL-2.0-only
/*
 * ACPICA's OS services layer, C part: the entry points whose ACPICA types or varargs are awkward in Swift
 * (printf, the PCI id structure, table and name overrides) and the trivial ones. The rest — memory, ports,
 * locks, semaphores, deferred calls, time, the SCI, the root pointer — is Swift: Sources/Kernel/ACPI/
 * OSServices.swift exports them under their acpi_os_* names.
 *
 * Why here and not in Sources/KernelSupport: this file needs ACPICA's headers (fetched into
 * third_party/linux/src by scripts/fetch-linux) and is built with ACPICA by scripts/build, like every
 * Linux-API glue file will be (LinuxKPI/src/<subsystem>.c, DESIGN.md); KernelSupport is built by SwiftPM
 * and must not depend on fetched sources.
 */
#include <acpi/acpi.h>
#include "acpica_bridge.h"

acpi_status acpi_os_initialize(void) { return AE_OK; }
acpi_status acpi_os_terminate(void) { return AE_OK; }

/* One CPU, no threads yet: every caller is the same thread. */
acpi_thread_id acpi_os_get_thread_id(void) { return 1; }

/* No table or predefined-name overrides: firmware's tables are used as they are. */
acpi_status acpi_os_predefined_override(const struct acpi_predefined_names *init_val, acpi_string *new_val)
{
	(void)init_val;
	*new_val = NULL;
	return AE_OK;
}

acpi_status acpi_os_table_override(struct acpi_table_header *existing_table, struct acpi_table_header **new_table)
{
	(void)existing_table;
	*new_table = NULL;
	return AE_OK;
}

acpi_status acpi_os_physical_table_override(struct acpi_table_header *existing_table,
					    acpi_physical_address *new_address, u32 *new_table_length)
{
	(void)existing_table;
	*new_address = 0;
	*new_table_length = 0;
	return AE_OK;
}

/* Breakpoints and fatal opcodes in AML are reported and otherwise ignored, as Linux does. */
acpi_status acpi_os_signal(u32 function, void *info)
{
	(void)info;
	acpi_os_printf("ACPI: AML signal %u (%s)\n", function,
		       function == ACPI_SIGNAL_FATAL ? "Fatal opcode" : "Breakpoint");
	return AE_OK;
}

/* Nothing to do before the sleep registers are written. */
acpi_status acpi_os_enter_sleep(u8 sleep_state, u32 rega_value, u32 regb_value)
{
	(void)sleep_state;
	(void)rega_value;
	(void)regb_value;
	return AE_OK;
}

acpi_status acpi_os_read_pci_configuration(struct acpi_pci_id *pci_id, u32 reg, u64 *value, u32 width)
{
	*value = apus_acpi_pci_config_read(pci_id->segment, pci_id->bus, pci_id->device, pci_id->function,
					   reg, width);
	return AE_OK;
}

acpi_status acpi_os_write_pci_configuration(struct acpi_pci_id *pci_id, u32 reg, u64 value, u32 width)
{
	apus_acpi_pci_config_write(pci_id->segment, pci_id->bus, pci_id->device, pci_id->function, reg, value,
				   width);
	return AE_OK;
}

/*
 * printf for ACPICA's messages. The output goes to the kernel log through a small buffer; the Swift side
 * joins fragments into lines. The formatter knows what ACPICA's format strings use: flags - 0 + space #,
 * width and precision (digits or *), length h hh l ll z t j, conversions d i u o x X p c s %.
 */
struct osl_sink {
	char buffer[128];
	size_t used;
};

static void osl_flush(struct osl_sink *sink)
{
	if (sink->used > 0)
		apus_acpi_log_write(sink->buffer, sink->used);
	sink->used = 0;
}

static void osl_put(struct osl_sink *sink, char c)
{
	if (sink->used == sizeof(sink->buffer))
		osl_flush(sink);
	sink->buffer[sink->used++] = c;
}

static void osl_pad(struct osl_sink *sink, char c, int count)
{
	for (; count > 0; count--)
		osl_put(sink, c);
}

static void osl_number(struct osl_sink *sink, u64 value, int negative, unsigned int base, int upper,
		       int width, int precision, int left, char pad, char sign)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char text[24];
	int length = 0;
	do {
		text[length++] = digits[value % base];
		value /= base;
	} while (value != 0);
	if (precision == 0 && length == 1 && text[0] == '0')
		length = 0;
	int zeros = precision > length ? precision - length : 0;
	char prefix = negative ? '-' : sign;
	int total = length + zeros + (prefix ? 1 : 0);
	if (!left && pad == ' ')
		osl_pad(sink, ' ', width - total);
	if (prefix)
		osl_put(sink, prefix);
	if (!left && pad == '0')
		osl_pad(sink, '0', width - total);
	osl_pad(sink, '0', zeros);
	while (length > 0)
		osl_put(sink, text[--length]);
	if (left)
		osl_pad(sink, ' ', width - total);
}

void acpi_os_vprintf(const char *format, va_list args)
{
	struct osl_sink sink = { .used = 0 };
	for (const char *p = format; *p != 0; p++) {
		if (*p != '%') {
			osl_put(&sink, *p);
			continue;
		}
		int left = 0, width = 0, precision = -1, longs = 0;
		char pad = ' ', sign = 0;
		for (;; p++) {
			if (p[1] == '-')
				left = 1;
			else if (p[1] == '0')
				pad = '0';
			else if (p[1] == '+')
				sign = '+';
			else if (p[1] == ' ')
				sign = sign ? sign : ' ';
			else if (p[1] != '#')
				break;
		}
		p++;
		if (*p == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				left = 1;
				width = -width;
			}
			p++;
		}
		for (; *p >= '0' && *p <= '9'; p++)
			width = width * 10 + (*p - '0');
		if (*p == '.') {
			p++;
			precision = 0;
			if (*p == '*') {
				precision = va_arg(args, int);
				p++;
			}
			for (; *p >= '0' && *p <= '9'; p++)
				precision = precision * 10 + (*p - '0');
		}
		for (;; p++) {
			if (*p == 'l' || *p == 'z' || *p == 't' || *p == 'j')
				longs++;
			else if (*p != 'h')
				break;
		}
		if (left || precision >= 0)
			pad = ' ';
		switch (*p) {
		case 'd':
		case 'i': {
			s64 value = longs ? va_arg(args, long) : va_arg(args, int);
			u64 magnitude = value < 0 ? -(u64)value : (u64)value;
			osl_number(&sink, magnitude, value < 0, 10, 0, width, precision, left, pad, sign);
			break;
		}
		case 'u':
		case 'o':
		case 'x':
		case 'X': {
			u64 value = longs ? va_arg(args, unsigned long) : va_arg(args, unsigned int);
			unsigned int base = *p == 'u' ? 10 : *p == 'o' ? 8 : 16;
			osl_number(&sink, value, 0, base, *p == 'X', width, precision, left, pad, 0);
			break;
		}
		case 'p':
			osl_put(&sink, '0');
			osl_put(&sink, 'x');
			osl_number(&sink, (u64)(uintptr_t)va_arg(args, void *), 0, 16, 0, 0, -1, 0, ' ', 0);
			break;
		case 'c':
			if (!left)
				osl_pad(&sink, ' ', width - 1);
			osl_put(&sink, (char)va_arg(args, int));
			if (left)
				osl_pad(&sink, ' ', width - 1);
			break;
		case 's': {
			const char *text = va_arg(args, const char *);
			if (text == NULL)
				text = "(null)";
			int length = 0;
			while (text[length] != 0 && (precision < 0 || length < precision))
				length++;
			if (!left)
				osl_pad(&sink, ' ', width - length);
			for (int i = 0; i < length; i++)
				osl_put(&sink, text[i]);
			if (left)
				osl_pad(&sink, ' ', width - length);
			break;
		}
		case '%':
			osl_put(&sink, '%');
			break;
		case 0:
			p--;            /* a lone % at the end */
			break;
		default:
			osl_put(&sink, '%');
			osl_put(&sink, *p);
			break;
		}
	}
	osl_flush(&sink);
}

void acpi_os_printf(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	acpi_os_vprintf(format, args);
	va_end(args);
}
