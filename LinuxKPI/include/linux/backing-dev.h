/* SPDX-License-Identifier: GPL-2.0-only */
/* Writeback state of a block device. Apus has no page cache, so nothing here yet beyond the type. */
#ifndef _LINUX_BACKING_DEV_H
#define _LINUX_BACKING_DEV_H

#include <linux/blkdev.h>

struct backing_dev_info;

#endif
