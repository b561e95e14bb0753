/* SPDX-License-Identifier: GPL-2.0-only */
/* IPv6 header access on a socket buffer. */
#ifndef _LINUX_IPV6_H
#define _LINUX_IPV6_H

#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <uapi/linux/ipv6.h>

static inline struct ipv6hdr *ipv6_hdr(const struct sk_buff *skb)
{
	return (struct ipv6hdr *)skb_network_header(skb);
}

#endif
