/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Network devices as drivers see them (linux/netdevice.h of Linux 6.1): struct net_device with the fields
 * drivers read and write, its operations, transmit queues, NAPI polling, address lists and the logging
 * helpers. The out-of-line functions declared here are LinuxKPI's networking core.
 * Differences from Linux: no network namespaces, no qdiscs, no XDP, no byte queue limits (CONFIG_BQL is
 * off, so netdev_*_queue accounting does nothing, as in Linux without it); statistics are plain counters.
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/workqueue.h>
#include <linux/device.h>
#include <linux/printk.h>
#include <linux/if.h>
#include <linux/socket.h>
#include <linux/if_ether.h>
#include <linux/skbuff.h>
#include <linux/ethtool.h>
#include <linux/netdev_features.h>
#include <linux/interrupt.h>
#include <linux/rtnetlink.h>
#include <uapi/linux/if_link.h>

struct netlink_ext_ack;
struct ifreq;

#define MAX_ADDR_LEN		32
#define NAPI_POLL_WEIGHT	64
#define LL_MAX_HEADER		32
#define MAX_HEADER		LL_MAX_HEADER

/* What ndo_start_xmit returns. */
enum netdev_tx {
	__NETDEV_TX_MIN	= INT_MIN,
	NETDEV_TX_OK	= 0x00,
	NETDEV_TX_BUSY	= 0x10,
};
typedef enum netdev_tx netdev_tx_t;

/* Bits of net_device.state. */
enum netdev_state_t {
	__LINK_STATE_START,
	__LINK_STATE_PRESENT,
	__LINK_STATE_NOCARRIER,
	__LINK_STATE_LINKWATCH_PENDING,
	__LINK_STATE_DORMANT,
	__LINK_STATE_TESTING,
};

/* Bits of net_device.priv_flags. */
enum netdev_priv_flags {
	IFF_802_1Q_VLAN		= 1 << 0,
	IFF_EBRIDGE		= 1 << 1,
	IFF_BONDING		= 1 << 2,
	IFF_ISATAP		= 1 << 3,
	IFF_WAN_HDLC		= 1 << 4,
	IFF_XMIT_DST_RELEASE	= 1 << 5,
	IFF_DONT_BRIDGE		= 1 << 6,
	IFF_DISABLE_NETPOLL	= 1 << 7,
	IFF_MACVLAN_PORT	= 1 << 8,
	IFF_BRIDGE_PORT		= 1 << 9,
	IFF_OVS_DATAPATH	= 1 << 10,
	IFF_TX_SKB_SHARING	= 1 << 11,
	IFF_UNICAST_FLT		= 1 << 12,
	IFF_TEAM_PORT		= 1 << 13,
	IFF_SUPP_NOFCS		= 1 << 14,
	IFF_LIVE_ADDR_CHANGE	= 1 << 15,
};

/* Message classes of a driver's msg_enable (ethtool's msglvl). */
enum {
	NETIF_MSG_DRV_BIT,
	NETIF_MSG_PROBE_BIT,
	NETIF_MSG_LINK_BIT,
	NETIF_MSG_TIMER_BIT,
	NETIF_MSG_IFDOWN_BIT,
	NETIF_MSG_IFUP_BIT,
	NETIF_MSG_RX_ERR_BIT,
	NETIF_MSG_TX_ERR_BIT,
	NETIF_MSG_TX_QUEUED_BIT,
	NETIF_MSG_INTR_BIT,
	NETIF_MSG_TX_DONE_BIT,
	NETIF_MSG_RX_STATUS_BIT,
	NETIF_MSG_PKTDATA_BIT,
	NETIF_MSG_HW_BIT,
	NETIF_MSG_WOL_BIT,
	NETIF_MSG_CLASS_COUNT,
};

#define __NETIF_MSG(name)	((u32)1 << NETIF_MSG_ ## name ## _BIT)
#define NETIF_MSG_DRV		__NETIF_MSG(DRV)
#define NETIF_MSG_PROBE		__NETIF_MSG(PROBE)
#define NETIF_MSG_LINK		__NETIF_MSG(LINK)
#define NETIF_MSG_TIMER		__NETIF_MSG(TIMER)
#define NETIF_MSG_IFDOWN	__NETIF_MSG(IFDOWN)
#define NETIF_MSG_IFUP		__NETIF_MSG(IFUP)
#define NETIF_MSG_RX_ERR	__NETIF_MSG(RX_ERR)
#define NETIF_MSG_TX_ERR	__NETIF_MSG(TX_ERR)
#define NETIF_MSG_TX_QUEUED	__NETIF_MSG(TX_QUEUED)
#define NETIF_MSG_INTR		__NETIF_MSG(INTR)
#define NETIF_MSG_TX_DONE	__NETIF_MSG(TX_DONE)
#define NETIF_MSG_RX_STATUS	__NETIF_MSG(RX_STATUS)
#define NETIF_MSG_PKTDATA	__NETIF_MSG(PKTDATA)
#define NETIF_MSG_HW		__NETIF_MSG(HW)
#define NETIF_MSG_WOL		__NETIF_MSG(WOL)

#define netif_msg_drv(p)	((p)->msg_enable & NETIF_MSG_DRV)
#define netif_msg_probe(p)	((p)->msg_enable & NETIF_MSG_PROBE)
#define netif_msg_link(p)	((p)->msg_enable & NETIF_MSG_LINK)
#define netif_msg_timer(p)	((p)->msg_enable & NETIF_MSG_TIMER)
#define netif_msg_ifdown(p)	((p)->msg_enable & NETIF_MSG_IFDOWN)
#define netif_msg_ifup(p)	((p)->msg_enable & NETIF_MSG_IFUP)
#define netif_msg_rx_err(p)	((p)->msg_enable & NETIF_MSG_RX_ERR)
#define netif_msg_tx_err(p)	((p)->msg_enable & NETIF_MSG_TX_ERR)
#define netif_msg_tx_queued(p)	((p)->msg_enable & NETIF_MSG_TX_QUEUED)
#define netif_msg_intr(p)	((p)->msg_enable & NETIF_MSG_INTR)
#define netif_msg_tx_done(p)	((p)->msg_enable & NETIF_MSG_TX_DONE)
#define netif_msg_rx_status(p)	((p)->msg_enable & NETIF_MSG_RX_STATUS)
#define netif_msg_pktdata(p)	((p)->msg_enable & NETIF_MSG_PKTDATA)
#define netif_msg_hw(p)		((p)->msg_enable & NETIF_MSG_HW)
#define netif_msg_wol(p)	((p)->msg_enable & NETIF_MSG_WOL)

static inline u32 netif_msg_init(int debug_value, int default_msg_enable_bits)
{
	if (debug_value < 0 || debug_value >= (sizeof(u32) * 8))
		return default_msg_enable_bits;
	if (debug_value == 0)
		return 0;
	return (1U << debug_value) - 1;
}

/* Interface counters (the legacy unsigned long form; ndo_get_stats64 fills rtnl_link_stats64). */
struct net_device_stats {
	unsigned long	rx_packets;
	unsigned long	tx_packets;
	unsigned long	rx_bytes;
	unsigned long	tx_bytes;
	unsigned long	rx_errors;
	unsigned long	tx_errors;
	unsigned long	rx_dropped;
	unsigned long	tx_dropped;
	unsigned long	multicast;
	unsigned long	collisions;
	unsigned long	rx_length_errors;
	unsigned long	rx_over_errors;
	unsigned long	rx_crc_errors;
	unsigned long	rx_frame_errors;
	unsigned long	rx_fifo_errors;
	unsigned long	rx_missed_errors;
	unsigned long	tx_aborted_errors;
	unsigned long	tx_carrier_errors;
	unsigned long	tx_fifo_errors;
	unsigned long	tx_heartbeat_errors;
	unsigned long	tx_window_errors;
	unsigned long	rx_compressed;
	unsigned long	tx_compressed;
};

/* Hardware (unicast and multicast) address lists. */
struct netdev_hw_addr {
	struct list_head	list;
	unsigned char		addr[MAX_ADDR_LEN];
	unsigned char		type;
	bool			global_use;
	int			sync_cnt;
	int			refcount;
	int			synced;
};

struct netdev_hw_addr_list {
	struct list_head	list;
	int			count;
};

#define netdev_hw_addr_list_count(l)		((l)->count)
#define netdev_hw_addr_list_empty(l)		(netdev_hw_addr_list_count(l) == 0)
#define netdev_hw_addr_list_for_each(ha, l)	list_for_each_entry(ha, &(l)->list, list)
#define netdev_uc_count(dev)			netdev_hw_addr_list_count(&(dev)->uc)
#define netdev_uc_empty(dev)			netdev_hw_addr_list_empty(&(dev)->uc)
#define netdev_for_each_uc_addr(ha, dev)	netdev_hw_addr_list_for_each(ha, &(dev)->uc)
#define netdev_mc_count(dev)			netdev_hw_addr_list_count(&(dev)->mc)
#define netdev_mc_empty(dev)			netdev_hw_addr_list_empty(&(dev)->mc)
#define netdev_for_each_mc_addr(ha, dev)	netdev_hw_addr_list_for_each(ha, &(dev)->mc)

/* NAPI: interrupt-driven polling of a receive (and transmit-completion) ring. */
enum {
	NAPI_STATE_SCHED,
	NAPI_STATE_MISSED,
	NAPI_STATE_DISABLE,
	NAPI_STATE_NPSVC,
	NAPI_STATE_LISTED,
	NAPI_STATE_NO_BUSY_POLL,
	NAPI_STATE_IN_BUSY_POLL,
	NAPI_STATE_PREFER_BUSY_POLL,
	NAPI_STATE_THREADED,
	NAPI_STATE_SCHED_THREADED,
};

struct napi_struct {
	struct list_head	poll_list;
	unsigned long		state;
	int			weight;
	int			defer_hard_irqs_count;
	unsigned long		gro_bitmask;
	int			(*poll)(struct napi_struct *, int);
	struct net_device	*dev;
	struct sk_buff		*skb;
	struct list_head	rx_list;
	int			rx_count;
	struct list_head	dev_list;
	unsigned int		napi_id;
};

enum gro_result {
	GRO_MERGED,
	GRO_MERGED_FREE,
	GRO_HELD,
	GRO_NORMAL,
	GRO_CONSUMED,
};
typedef enum gro_result gro_result_t;

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
void __netif_napi_del(struct napi_struct *napi);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
void __napi_schedule_irqoff(struct napi_struct *n);
bool napi_complete_done(struct napi_struct *n, int work_done);
void napi_disable(struct napi_struct *n);
void napi_enable(struct napi_struct *n);
gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
gro_result_t napi_gro_frags(struct napi_struct *napi);
struct sk_buff *napi_get_frags(struct napi_struct *napi);

static inline void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
				  int (*poll)(struct napi_struct *, int))
{
	netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT);
}

static inline void netif_napi_del(struct napi_struct *napi)
{
	__netif_napi_del(napi);
}

static inline bool napi_schedule(struct napi_struct *n)
{
	if (napi_schedule_prep(n)) {
		__napi_schedule(n);
		return true;
	}
	return false;
}

static inline void napi_schedule_irqoff(struct napi_struct *n)
{
	if (napi_schedule_prep(n))
		__napi_schedule_irqoff(n);
}

static inline bool napi_complete(struct napi_struct *n)
{
	return napi_complete_done(n, 0);
}

/* Waits until a scheduled poll of n has finished. */
static inline void napi_synchronize(const struct napi_struct *n)
{
	while (test_bit(NAPI_STATE_SCHED, &n->state))
		msleep(1);
}

static inline void napi_free_frags(struct napi_struct *napi)
{
	kfree_skb(napi->skb);
	napi->skb = NULL;
}

/* Transmit queues. */
enum netdev_queue_state_t {
	__QUEUE_STATE_DRV_XOFF,
	__QUEUE_STATE_STACK_XOFF,
	__QUEUE_STATE_FROZEN,
};

#define QUEUE_STATE_DRV_XOFF	(1 << __QUEUE_STATE_DRV_XOFF)
#define QUEUE_STATE_STACK_XOFF	(1 << __QUEUE_STATE_STACK_XOFF)
#define QUEUE_STATE_FROZEN	(1 << __QUEUE_STATE_FROZEN)
#define QUEUE_STATE_ANY_XOFF	(QUEUE_STATE_DRV_XOFF | QUEUE_STATE_STACK_XOFF)

struct netdev_queue {
	struct net_device	*dev;
	unsigned long		state;
	spinlock_t		_xmit_lock;
	int			xmit_lock_owner;
	unsigned long		trans_start;
	unsigned long		trans_timeout;
};

/* The operations a driver gives its device. */
struct net_device_ops {
	int			(*ndo_init)(struct net_device *dev);
	void			(*ndo_uninit)(struct net_device *dev);
	int			(*ndo_open)(struct net_device *dev);
	int			(*ndo_stop)(struct net_device *dev);
	netdev_tx_t		(*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	netdev_features_t	(*ndo_features_check)(struct sk_buff *skb, struct net_device *dev,
						      netdev_features_t features);
	void			(*ndo_set_rx_mode)(struct net_device *dev);
	int			(*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int			(*ndo_validate_addr)(struct net_device *dev);
	int			(*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int			(*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void			(*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	void			(*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	int			(*ndo_vlan_rx_add_vid)(struct net_device *dev, __be16 proto, u16 vid);
	int			(*ndo_vlan_rx_kill_vid)(struct net_device *dev, __be16 proto, u16 vid);
	netdev_features_t	(*ndo_fix_features)(struct net_device *dev, netdev_features_t features);
	int			(*ndo_set_features)(struct net_device *dev, netdev_features_t features);
};

enum netdev_reg_state {
	NETREG_UNINITIALIZED = 0,
	NETREG_REGISTERED,
	NETREG_UNREGISTERING,
	NETREG_UNREGISTERED,
	NETREG_RELEASED,
	NETREG_DUMMY,
};

struct net_device {
	char			name[IFNAMSIZ];
	unsigned long		mem_end;
	unsigned long		mem_start;
	unsigned long		base_addr;
	unsigned long		state;
	struct list_head	dev_list;
	struct list_head	napi_list;
	netdev_features_t	features;
	netdev_features_t	hw_features;
	netdev_features_t	wanted_features;
	netdev_features_t	vlan_features;
	netdev_features_t	hw_enc_features;
	int			ifindex;
	struct net_device_stats	stats;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	unsigned int		flags;
	unsigned long long	priv_flags;
	unsigned short		gflags;
	unsigned int		mtu;
	unsigned int		min_mtu;
	unsigned int		max_mtu;
	unsigned short		type;
	unsigned short		hard_header_len;
	unsigned char		min_header_len;
	unsigned short		needed_headroom;
	unsigned short		needed_tailroom;
	unsigned char		perm_addr[MAX_ADDR_LEN];
	unsigned char		addr_assign_type;
	unsigned char		addr_len;
	struct netdev_hw_addr_list uc;
	struct netdev_hw_addr_list mc;
	unsigned int		promiscuity;
	unsigned int		allmulti;
	const unsigned char	*dev_addr;	/* written only through dev_addr_set()/eth_hw_addr_set() */
	unsigned char		broadcast[MAX_ADDR_LEN];
	struct netdev_queue	*_tx;
	unsigned int		num_tx_queues;
	unsigned int		real_num_tx_queues;
	unsigned int		num_rx_queues;
	unsigned int		real_num_rx_queues;
	int			watchdog_timeo;
	struct timer_list	watchdog_timer;
	int			irq;
	u8			reg_state;
	bool			needs_free_netdev;
	struct device		dev;
	unsigned int		gso_max_size;
	u16			gso_max_segs;
	unsigned int		tso_max_size;
	u16			tso_max_segs;
};
#define to_net_dev(d)	container_of(d, struct net_device, dev)

#define NETDEV_ALIGN	32

/* The driver's private area follows struct net_device, NETDEV_ALIGN-aligned. */
static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + ALIGN(sizeof(struct net_device), NETDEV_ALIGN);
}

#define SET_NETDEV_DEV(net, pdev)	((net)->dev.parent = (pdev))

static inline const char *netdev_name(const struct net_device *dev)
{
	return dev->name;
}

/* Registration and lifetime. */
struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
#define alloc_etherdev(sizeof_priv)	alloc_etherdev_mq(sizeof_priv, 1)
#define alloc_etherdev_mq(sizeof_priv, count) alloc_etherdev_mqs(sizeof_priv, count, count)
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
void netdev_update_features(struct net_device *dev);
void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len);
int dev_set_mtu(struct net_device *dev, int new_mtu);
void netif_set_tso_max_size(struct net_device *dev, unsigned int size);
void netif_set_tso_max_segs(struct net_device *dev, unsigned int segs);
int netif_set_real_num_tx_queues(struct net_device *dev, unsigned int txq);
int netif_set_real_num_rx_queues(struct net_device *dev, unsigned int rxq);
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *storage);
unsigned long dev_trans_start(struct net_device *dev);
void netdev_rss_key_fill(void *buffer, size_t len);
netdev_features_t passthru_features_check(struct sk_buff *skb, struct net_device *dev,
					  netdev_features_t features);

static inline void __dev_addr_set(struct net_device *dev, const void *addr, size_t len)
{
	dev_addr_mod(dev, 0, addr, len);
}

static inline void dev_addr_set(struct net_device *dev, const u8 *addr)
{
	__dev_addr_set(dev, addr, dev->addr_len);
}

/* Link state. */
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
void netif_device_detach(struct net_device *dev);
void netif_device_attach(struct net_device *dev);

static inline bool netif_running(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}

static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return !test_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

static inline bool netif_device_present(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_PRESENT, &dev->state);
}

/* Transmit queue control. */
void netif_tx_wake_queue(struct netdev_queue *dev_queue);
void netif_schedule_queue(struct netdev_queue *txq);
void netif_tx_stop_all_queues(struct net_device *dev);

static inline struct netdev_queue *netdev_get_tx_queue(const struct net_device *dev, unsigned int index)
{
	return &dev->_tx[index];
}

static inline void netif_tx_start_queue(struct netdev_queue *dev_queue)
{
	clear_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state);
}

static inline void netif_tx_stop_queue(struct netdev_queue *dev_queue)
{
	set_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state);
}

static inline bool netif_tx_queue_stopped(const struct netdev_queue *dev_queue)
{
	return test_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state);
}

static inline bool netif_xmit_stopped(const struct netdev_queue *dev_queue)
{
	return dev_queue->state & QUEUE_STATE_ANY_XOFF;
}

static inline void netif_start_queue(struct net_device *dev)
{
	netif_tx_start_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_stop_queue(struct net_device *dev)
{
	netif_tx_stop_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_wake_queue(struct net_device *dev)
{
	netif_tx_wake_queue(netdev_get_tx_queue(dev, 0));
}

static inline bool netif_queue_stopped(const struct net_device *dev)
{
	return netif_tx_queue_stopped(netdev_get_tx_queue(dev, 0));
}

static inline void netif_tx_start_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_start_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_wake_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_wake_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_lock_bh(struct net_device *dev)
{
	unsigned int i;

	local_bh_disable();
	for (i = 0; i < dev->num_tx_queues; i++)
		spin_lock(&netdev_get_tx_queue(dev, i)->_xmit_lock);
}

static inline void netif_tx_unlock_bh(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		spin_unlock(&netdev_get_tx_queue(dev, i)->_xmit_lock);
	local_bh_enable();
}

/*
 * Stops every queue with its transmit lock held, so no ndo_start_xmit runs afterwards. Linux also takes
 * the device's tx_global_lock around the loop; with no other user of that lock here, it is left out.
 */
static inline void netif_tx_disable(struct net_device *dev)
{
	unsigned int i;

	local_bh_disable();
	for (i = 0; i < dev->num_tx_queues; i++) {
		struct netdev_queue *txq = netdev_get_tx_queue(dev, i);

		spin_lock(&txq->_xmit_lock);
		netif_tx_stop_queue(txq);
		spin_unlock(&txq->_xmit_lock);
	}
	local_bh_enable();
}

/* Byte queue limits: CONFIG_BQL is off, so these account nothing (as in Linux without it). */
static inline void netdev_tx_sent_queue(struct netdev_queue *dev_queue, unsigned int bytes)
{
}

static inline void netdev_tx_completed_queue(struct netdev_queue *dev_queue, unsigned int pkts,
					     unsigned int bytes)
{
}

static inline void netdev_tx_reset_queue(struct netdev_queue *q)
{
}

static inline void netdev_sent_queue(struct net_device *dev, unsigned int bytes)
{
	netdev_tx_sent_queue(netdev_get_tx_queue(dev, 0), bytes);
}

static inline void netdev_completed_queue(struct net_device *dev, unsigned int pkts, unsigned int bytes)
{
	netdev_tx_completed_queue(netdev_get_tx_queue(dev, 0), pkts, bytes);
}

static inline void netdev_reset_queue(struct net_device *dev)
{
	netdev_tx_reset_queue(netdev_get_tx_queue(dev, 0));
}

/* No transmit batching: the stack hands every packet over on its own. */
static inline bool netdev_xmit_more(void)
{
	return false;
}

/* Freeing packets from any context: in interrupts the free is deferred (LinuxKPI's networking core). */
enum skb_free_reason {
	SKB_REASON_CONSUMED,
	SKB_REASON_DROPPED,
};

void __dev_kfree_skb_irq(struct sk_buff *skb, enum skb_free_reason reason);
void __dev_kfree_skb_any(struct sk_buff *skb, enum skb_free_reason reason);

static inline void dev_kfree_skb_irq(struct sk_buff *skb)
{
	__dev_kfree_skb_irq(skb, SKB_REASON_DROPPED);
}

static inline void dev_consume_skb_irq(struct sk_buff *skb)
{
	__dev_kfree_skb_irq(skb, SKB_REASON_CONSUMED);
}

static inline void dev_kfree_skb_any(struct sk_buff *skb)
{
	__dev_kfree_skb_any(skb, SKB_REASON_DROPPED);
}

static inline void dev_consume_skb_any(struct sk_buff *skb)
{
	__dev_kfree_skb_any(skb, SKB_REASON_CONSUMED);
}

#define dev_kfree_skb(a)	consume_skb(a)

/* Receive into the stack. */
int netif_rx(struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
int net_ratelimit(void);

/* Logging with the device's name. */
__printf(2, 3) void netdev_err(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_warn(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_notice(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_info(const struct net_device *dev, const char *format, ...);

#define netdev_WARN_ONCE(dev, format, args...) \
	WARN_ONCE(1, "netdevice: %s: " format, netdev_name(dev), ##args)

/* Debug messages compile away, as in Linux without DEBUG or dynamic debug. */
#define netdev_dbg(__dev, format, args...)			\
({								\
	if (0)							\
		netdev_info(__dev, format, ##args);		\
})

#define netif_level(level, priv, type, dev, fmt, args...)	\
do {								\
	if (netif_msg_##type(priv))				\
		netdev_##level(dev, fmt, ##args);		\
} while (0)

#define netif_err(priv, type, dev, fmt, args...)	netif_level(err, priv, type, dev, fmt, ##args)
#define netif_warn(priv, type, dev, fmt, args...)	netif_level(warn, priv, type, dev, fmt, ##args)
#define netif_notice(priv, type, dev, fmt, args...)	netif_level(notice, priv, type, dev, fmt, ##args)
#define netif_info(priv, type, dev, fmt, args...)	netif_level(info, priv, type, dev, fmt, ##args)
#define netif_dbg(priv, type, netdev, format, args...)		\
({								\
	if (0)							\
		netif_info(priv, type, netdev, format, ##args);	\
})

#endif
