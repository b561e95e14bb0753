/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the system-test modules print with: one line into the kernel log through apus_test_print (exported
 * by LinuxKPI/src/module.c for these tests), formatted here with %d, %u and %s only. Kept apart from printk
 * so that the loader's tests do not depend on the rest of LinuxKPI.
 */
#ifndef _APUS_TEST_H
#define _APUS_TEST_H

#include <linux/stdarg.h>

void apus_test_print(const char *text);

static inline void test_print(const char *format, ...)
{
	char line[200], digits[24];
	unsigned int at = 0;
	va_list args;

	va_start(args, format);
	for (; *format && at < sizeof(line) - 1; format++) {
		const char *text = digits;
		long long value;
		unsigned long long magnitude;
		int n = sizeof(digits) - 1;

		if (*format != '%' || (format[1] != 'd' && format[1] != 'u' && format[1] != 's')) {
			line[at++] = *format;
			continue;
		}
		format++;
		if (*format == 's') {
			text = va_arg(args, const char *);
			if (!text)
				text = "(null)";
		} else {
			value = *format == 'd' ? (long long)va_arg(args, int) : (long long)va_arg(args, unsigned int);
			magnitude = value < 0 ? -(unsigned long long)value : (unsigned long long)value;
			digits[n] = '\0';
			do {
				digits[--n] = '0' + magnitude % 10;
				magnitude /= 10;
			} while (magnitude);
			if (value < 0)
				digits[--n] = '-';
			text = digits + n;
		}
		while (*text && at < sizeof(line) - 1)
			line[at++] = *text++;
	}
	va_end(args);
	line[at] = '\0';
	apus_test_print(line);
}

#endif
