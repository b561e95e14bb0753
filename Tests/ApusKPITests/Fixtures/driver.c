/* SPDX-License-Identifier: GPL-2.0-only */
/* A driver module: imports from the core module, from the kernel, one config-dependent symbol
 * (__stack_chk_fail) and two symbols nobody exports. */
int core_register(void *driver);
int _printk(const char *fmt, ...);
void __stack_chk_fail(void);
int missing_b(void);
int missing_a(void);

int init_module(void)
{
	if (core_register(0) < 0)
		__stack_chk_fail();
	return _printk("driver\n") + missing_a() + missing_b();
}
