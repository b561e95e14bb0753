/* SPDX-License-Identifier: GPL-2.0-only */
/* 802.1Q VLAN tags: header layout, the tag carried beside a packet (hardware acceleration), protocol lookup. */
#ifndef _LINUX_IF_VLAN_H
#define _LINUX_IF_VLAN_H

#include <linux/netdevice.h>
#include <linux/etherdevice.h>

#define VLAN_HLEN		4
#define VLAN_ETH_HLEN		18
#define VLAN_ETH_ZLEN		64
#define VLAN_ETH_DATA_LEN	1500
#define VLAN_ETH_FRAME_LEN	1518

#define VLAN_PRIO_MASK		0xe000
#define VLAN_PRIO_SHIFT		13
#define VLAN_CFI_MASK		0x1000
#define VLAN_VID_MASK		0x0fff
#define VLAN_N_VID		4096
#define VLAN_MAX_DEPTH		8	/* nested VLAN headers looked through */

struct vlan_hdr {
	__be16	h_vlan_TCI;
	__be16	h_vlan_encapsulated_proto;
};

struct vlan_ethhdr {
	unsigned char	h_dest[ETH_ALEN];
	unsigned char	h_source[ETH_ALEN];
	__be16		h_vlan_proto;
	__be16		h_vlan_TCI;
	__be16		h_vlan_encapsulated_proto;
};

static inline bool eth_type_vlan(__be16 ethertype)
{
	return ethertype == htons(ETH_P_8021Q) || ethertype == htons(ETH_P_8021AD);
}

/* The tag beside the packet: vlan_proto is nonzero when present, as in Linux 6.1. */
#define skb_vlan_tag_present(__skb)	(!!(__skb)->vlan_proto)
#define skb_vlan_tag_get(__skb)		((__skb)->vlan_tci)
#define skb_vlan_tag_get_id(__skb)	((__skb)->vlan_tci & VLAN_VID_MASK)
#define skb_vlan_tag_get_prio(__skb)	(((__skb)->vlan_tci & VLAN_PRIO_MASK) >> VLAN_PRIO_SHIFT)

static inline void __vlan_hwaccel_put_tag(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci)
{
	skb->vlan_proto = vlan_proto;
	skb->vlan_tci = vlan_tci;
}

static inline void __vlan_hwaccel_clear_tag(struct sk_buff *skb)
{
	skb->vlan_proto = 0;
}

/* The network protocol of a packet, looking through in-band VLAN headers; 0 if they are truncated. */
static inline __be16 __vlan_get_protocol(const struct sk_buff *skb, __be16 type, int *depth)
{
	unsigned int vlan_depth = skb->mac_len, parse_depth = VLAN_MAX_DEPTH;

	if (eth_type_vlan(type)) {
		if (vlan_depth) {
			if (WARN_ON(vlan_depth < VLAN_HLEN))
				return 0;
			vlan_depth -= VLAN_HLEN;
		} else {
			vlan_depth = ETH_HLEN;
		}
		do {
			struct vlan_hdr vhdr, *vh;

			vh = skb_header_pointer(skb, vlan_depth, sizeof(vhdr), &vhdr);
			if (unlikely(!vh || !--parse_depth))
				return 0;
			type = vh->h_vlan_encapsulated_proto;
			vlan_depth += VLAN_HLEN;
		} while (eth_type_vlan(type));
	}
	if (depth)
		*depth = vlan_depth;
	return type;
}

static inline __be16 vlan_get_protocol(const struct sk_buff *skb)
{
	return __vlan_get_protocol(skb, skb->protocol, NULL);
}

#endif
