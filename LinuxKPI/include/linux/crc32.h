/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CRC-32 (IEEE 802.3 polynomial 0x04c11db7) in both bit orders, and CRC-32C (Castagnoli). As in Linux the
 * caller seeds and finishes: crc32_le(~0, p, n) ^ ~0 is the Ethernet FCS; ether_crc is the multicast-hash
 * form drivers use.
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>
#include <linux/bitrev.h>

u32 __pure crc32_le(u32 crc, unsigned char const *p, size_t len);
u32 __pure crc32_be(u32 crc, unsigned char const *p, size_t len);
u32 __pure __crc32c_le(u32 crc, unsigned char const *p, size_t len);

#define crc32(seed, data, length) crc32_le(seed, (unsigned char const *)(data), length)

/* The CRC of an Ethernet address as big-endian and little-endian multicast filters use it. */
#define ether_crc(length, data) bitrev32(crc32_le(~0, data, length))
#define ether_crc_le(length, data) crc32_le(~0, data, length)

#endif
