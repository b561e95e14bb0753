/* SPDX-License-Identifier: GPL-2.0-only */
/* NVMe in-band authentication (DH-HMAC-CHAP). Off in Apus (CONFIG_NVME_AUTH): nothing is declared. */
#ifndef _NVME_AUTH_H
#define _NVME_AUTH_H

#include <linux/nvme.h>

#endif
