/* SPDX-License-Identifier: GPL-2.0-only */
/* PTP (IEEE 1588) message classification: the UDP ports and message types drivers match in hardware. */
#ifndef _PTP_CLASSIFY_H_
#define _PTP_CLASSIFY_H_

#include <linux/types.h>

#define PTP_EV_PORT		319
#define PTP_GEN_PORT		320

#define PTP_MSGTYPE_SYNC	0x0
#define PTP_MSGTYPE_DELAY_REQ	0x1
#define PTP_MSGTYPE_PDELAY_REQ	0x2
#define PTP_MSGTYPE_PDELAY_RESP	0x3

#endif
