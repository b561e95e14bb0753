/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * io_uring passthrough commands. Apus has no io_uring (CONFIG_IO_URING is off): as in Linux without it,
 * importing a fixed buffer fails with -EOPNOTSUPP and completions do nothing.
 */
#ifndef _LINUX_IO_URING_H
#define _LINUX_IO_URING_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/limits.h>
#include <linux/fs.h>

#define IORING_URING_CMD_FIXED	(1U << 0)

enum io_uring_cmd_flags {
	IO_URING_F_COMPLETE_DEFER	= 1,
	IO_URING_F_UNLOCKED		= 2,
	IO_URING_F_NONBLOCK		= INT_MIN,
	IO_URING_F_SQE128		= 4,
	IO_URING_F_CQE32		= 8,
	IO_URING_F_IOPOLL		= 16,
	IO_URING_F_MULTISHOT		= 32,
	IO_URING_F_IOWQ			= 64,
};

struct io_uring_cmd {
	struct file	*file;
	const void	*cmd;
	union {
		void	(*task_work_cb)(struct io_uring_cmd *cmd, unsigned);
		void	*cookie;
	};
	u32		cmd_op;
	u32		flags;
	u8		pdu[32];
};

static inline int io_uring_cmd_import_fixed(u64 ubuf, unsigned long len, int rw, struct iov_iter *iter,
					    void *ioucmd)
{
	return -EOPNOTSUPP;
}

static inline void io_uring_cmd_done(struct io_uring_cmd *cmd, ssize_t ret, ssize_t ret2,
				     unsigned issue_flags)
{
}

static inline void io_uring_cmd_complete_in_task(struct io_uring_cmd *ioucmd,
						 void (*task_work_cb)(struct io_uring_cmd *, unsigned))
{
}

#endif
