// SPDX-License-Identifier: GPL-2.0-only
/*
 * BUG, WARN and panic through the Swift core (bridge section "log and panic"), taint flags, and the
 * system state drivers look at.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/export.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <apus/bridge.h>

/* Drivers are loaded once the kernel runs: Apus reports SYSTEM_RUNNING from the start. */
enum system_states system_state = SYSTEM_RUNNING;
EXPORT_SYMBOL(system_state);

int oops_in_progress;
EXPORT_SYMBOL(oops_in_progress);

static unsigned long tainted_mask;

void add_taint(unsigned flag, enum lockdep_ok lockdep_ok)
{
	set_bit(flag, &tainted_mask);
}
EXPORT_SYMBOL(add_taint);

int test_taint(unsigned flag)
{
	return test_bit(flag, &tainted_mask);
}
EXPORT_SYMBOL(test_taint);

unsigned long get_taint(void)
{
	return READ_ONCE(tainted_mask);
}

void panic(const char *fmt, ...)
{
	char buf[1024];
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	if (len > 0 && buf[len - 1] == '\n')
		len--;
	apus_panic(buf, len);
}
EXPORT_SYMBOL(panic);

void lkpi_bug(const char *file, int line, const char *function)
{
	panic("kernel BUG at %s:%d! (%s)", file, line, function);
}
EXPORT_SYMBOL(lkpi_bug);

void lkpi_warn(const char *file, int line, const char *function)
{
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	apus_log_warning(file, line, function, (unsigned long)__builtin_frame_address(0));
}
EXPORT_SYMBOL(lkpi_warn);

void __warn_printk(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}
EXPORT_SYMBOL(__warn_printk);
