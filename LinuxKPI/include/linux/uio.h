/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * I/O vectors. Apus has no user space to copy from yet: drivers whose user-buffer paths (ioctl
 * passthrough) compile them against this, but nothing reaches them.
 */
#ifndef __LINUX_UIO_H
#define __LINUX_UIO_H

#include <linux/types.h>

struct iovec {
	void __user	*iov_base;
	__kernel_size_t	iov_len;
};

/* Where a user or kernel buffer of an I/O request is (kept opaque to drivers). */
struct iov_iter {
	u8		iter_type;
	bool		nofault;
	bool		data_source;
	bool		user_backed;
	size_t		iov_offset;
	size_t		count;
	const struct iovec *iov;
	unsigned long	nr_segs;
};

#endif
