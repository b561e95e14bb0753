/* SPDX-License-Identifier: GPL-2.0-only */
/* CRC-32 (IEEE 802.3 polynomial), little- and big-endian bit order. */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>

u32 crc32_le(u32 crc, unsigned char const *p, size_t len);
u32 crc32_be(u32 crc, unsigned char const *p, size_t len);

#define crc32(seed, data, length)	crc32_le(seed, (unsigned char const *)(data), length)

#endif
