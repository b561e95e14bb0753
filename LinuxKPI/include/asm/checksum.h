/* SPDX-License-Identifier: GPL-2.0-only */
/* Internet checksum (RFC 1071) primitives in portable C; csum_partial and csum_ipv6_magic are out of line. */
#ifndef _ASM_X86_CHECKSUM_H
#define _ASM_X86_CHECKSUM_H

#include <linux/types.h>
#include <asm/byteorder.h>

__wsum csum_partial(const void *buff, int len, __wsum sum);
__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr,
			__u32 len, __u8 proto, __wsum sum);
#define _HAVE_ARCH_IPV6_CSUM 1

/* Folds a 32-bit partial sum to 16 bits and complements it. */
static inline __sum16 csum_fold(__wsum csum)
{
	u32 sum = (__force u32)csum;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__force __sum16)~sum;
}

static inline u32 __csum_from64to32(u64 sum)
{
	sum = (sum & 0xffffffff) + (sum >> 32);
	sum = (sum & 0xffffffff) + (sum >> 32);
	return (u32)sum;
}

/* The TCP/UDP pseudo-header sum, unfolded (little-endian: protocol and length land byte-swapped). */
static inline __wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, __u32 len, __u8 proto, __wsum sum)
{
	u64 s = (__force u32)sum;

	s += (__force u32)saddr;
	s += (__force u32)daddr;
	s += (u64)(proto + len) << 8;
	return (__force __wsum)__csum_from64to32(s);
}

static inline __sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, __u32 len, __u8 proto, __wsum sum)
{
	return csum_fold(csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}

/* The IPv4 header checksum of ihl 32-bit words. */
static inline __sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	const u32 *word = iph;
	u64 sum = 0;
	unsigned int i;

	for (i = 0; i < ihl; i++)
		sum += word[i];
	return csum_fold((__force __wsum)__csum_from64to32(sum));
}

#endif
