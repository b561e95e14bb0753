// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk: formats into a buffer on the stack (vsnprintf), takes the KERN_* level prefix, and hands each
 * line to the kernel log as one record (bridge section "log and panic"). A message longer than the buffer
 * is cut at LOG_LINE_MAX bytes, as Linux cuts it. KERN_CONT text becomes a record of its own.
 */
#include <linux/printk.h>
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/string.h>
#include <apus/bridge.h>

#define LOG_LINE_MAX 1024

/* Emits text (which may hold several lines) as one record per line at `level`; returns its length. */
static int lkpi_log_text(int level, const char *text, size_t len)
{
	size_t start = 0;

	for (size_t i = 0; i <= len; i++) {
		if (i == len || text[i] == '\n') {
			/* A trailing newline ends the message; it does not open an empty record. */
			if (!(i == len && i == start))
				apus_log_write(level, text + start, i - start);
			start = i + 1;
		}
	}
	return len;
}

int vprintk(const char *fmt, va_list args)
{
	char buf[LOG_LINE_MAX];
	const char *text = buf;
	int level = MESSAGE_LOGLEVEL_DEFAULT;
	int len = vscnprintf(buf, sizeof(buf), fmt, args);
	int kern_level;

	while ((kern_level = printk_get_level(text)) != 0) {
		if (kern_level >= '0' && kern_level <= '7')
			level = kern_level - '0';
		text += 2;
		len -= 2;
	}
	return lkpi_log_text(level, text, len);
}
EXPORT_SYMBOL(vprintk);

int _printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}
EXPORT_SYMBOL(_printk);

/* Deferred printing exists for callers holding scheduler locks; the Swift log never wakes anyone. */
int _printk_deferred(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}
EXPORT_SYMBOL(_printk_deferred);

void dump_stack_lvl(const char *log_lvl)
{
	int level = printk_get_level(log_lvl);

	apus_log_backtrace(level >= '0' && level <= '7' ? level - '0' : MESSAGE_LOGLEVEL_DEFAULT,
			   (unsigned long)__builtin_frame_address(0));
}
EXPORT_SYMBOL(dump_stack_lvl);

void dump_stack(void)
{
	apus_log_backtrace(MESSAGE_LOGLEVEL_DEFAULT, (unsigned long)__builtin_frame_address(0));
}
EXPORT_SYMBOL(dump_stack);
