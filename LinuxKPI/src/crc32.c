// SPDX-License-Identifier: GPL-2.0-only
/*
 * CRC-32 and CRC-32C with 256-entry tables built on first use (a byte at a time: plenty for the MAC
 * filters and descriptors drivers checksum). Racing first users build identical tables, so no lock.
 */
#include <linux/crc32.h>
#include <linux/export.h>
#include <linux/compiler.h>

#define CRC32_POLY_LE 0xedb88320u  /* 0x04c11db7 reflected */
#define CRC32_POLY_BE 0x04c11db7u
#define CRC32C_POLY_LE 0x82f63b78u /* 0x1edc6f41 reflected */

static u32 crc32_le_table[256], crc32_be_table[256], crc32c_le_table[256];
static bool tables_ready;

static void lkpi_crc_tables(void)
{
	for (u32 i = 0; i < 256; i++) {
		u32 le = i, c = i, be = i << 24;

		for (int bit = 0; bit < 8; bit++) {
			le = (le >> 1) ^ (le & 1 ? CRC32_POLY_LE : 0);
			c = (c >> 1) ^ (c & 1 ? CRC32C_POLY_LE : 0);
			be = (be << 1) ^ (be & 0x80000000u ? CRC32_POLY_BE : 0);
		}
		crc32_le_table[i] = le;
		crc32c_le_table[i] = c;
		crc32_be_table[i] = be;
	}
	__atomic_store_n(&tables_ready, true, __ATOMIC_RELEASE);
}

static inline void lkpi_crc_ready(void)
{
	if (unlikely(!__atomic_load_n(&tables_ready, __ATOMIC_ACQUIRE)))
		lkpi_crc_tables();
}

u32 crc32_le(u32 crc, unsigned char const *p, size_t len)
{
	lkpi_crc_ready();
	while (len--)
		crc = (crc >> 8) ^ crc32_le_table[(crc ^ *p++) & 0xff];
	return crc;
}
EXPORT_SYMBOL(crc32_le);

u32 crc32_be(u32 crc, unsigned char const *p, size_t len)
{
	lkpi_crc_ready();
	while (len--)
		crc = (crc << 8) ^ crc32_be_table[((crc >> 24) ^ *p++) & 0xff];
	return crc;
}
EXPORT_SYMBOL(crc32_be);

u32 __crc32c_le(u32 crc, unsigned char const *p, size_t len)
{
	lkpi_crc_ready();
	while (len--)
		crc = (crc >> 8) ^ crc32c_le_table[(crc ^ *p++) & 0xff];
	return crc;
}
EXPORT_SYMBOL(__crc32c_le);
