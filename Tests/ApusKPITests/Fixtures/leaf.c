/* SPDX-License-Identifier: GPL-2.0-only */
/* A module whose every import the kernel fixture exports. */
void *kmalloc(unsigned long size, unsigned flags);
int gpl_only(void);

int init_module(void)
{
	return kmalloc(8, 0) ? gpl_only() : -12;
}
