/* SPDX-License-Identifier: GPL-2.0-only */
/* TCP header access on a socket buffer. */
#ifndef _LINUX_TCP_H
#define _LINUX_TCP_H

#include <linux/skbuff.h>
#include <uapi/linux/tcp.h>

static inline struct tcphdr *tcp_hdr(const struct sk_buff *skb)
{
	return (struct tcphdr *)skb_transport_header(skb);
}

static inline unsigned int __tcp_hdrlen(const struct tcphdr *th)
{
	return th->doff * 4;
}

static inline unsigned int tcp_hdrlen(const struct sk_buff *skb)
{
	return __tcp_hdrlen(tcp_hdr(skb));
}

/* Bytes from the start of the packet data through the TCP header (with options). */
static inline int skb_tcp_all_headers(const struct sk_buff *skb)
{
	return skb_transport_offset(skb) + tcp_hdrlen(skb);
}

#endif
