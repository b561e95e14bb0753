/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Files as character-device drivers see them: the operations they implement and the fields of struct file
 * and struct inode they read. Apus has no VFS yet; these are what LinuxKPI's character devices will hand
 * to drivers. Also the READ/WRITE direction constants.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/kdev_t.h>
#include <linux/uio.h>
#include <linux/ioctl.h>
#include <linux/stat.h>
#include <linux/capability.h>

struct module;
struct cdev;
struct poll_table_struct;
struct io_uring_cmd;
struct vm_area_struct;
struct io_comp_batch;
struct block_device;

#define READ	0
#define WRITE	1

/* fmode_t bits */
#define FMODE_READ	((__force fmode_t)0x1)
#define FMODE_WRITE	((__force fmode_t)0x2)
#define FMODE_LSEEK	((__force fmode_t)0x4)
#define FMODE_PREAD	((__force fmode_t)0x8)
#define FMODE_PWRITE	((__force fmode_t)0x10)
#define FMODE_EXEC	((__force fmode_t)0x20)
#define FMODE_NDELAY	((__force fmode_t)0x40)
#define FMODE_EXCL	((__force fmode_t)0x80)

struct inode {
	umode_t			i_mode;
	dev_t			i_rdev;
	loff_t			i_size;
	struct cdev		*i_cdev;
	void			*i_private;
};

struct file {
	struct inode		*f_inode;
	const struct file_operations *f_op;
	fmode_t			f_mode;
	unsigned int		f_flags;
	loff_t			f_pos;
	void			*private_data;
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline unsigned iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

struct file_operations {
	struct module *owner;
	loff_t	(*llseek)(struct file *, loff_t, int);
	ssize_t	(*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t	(*write)(struct file *, const char __user *, size_t, loff_t *);
	long	(*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long	(*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int	(*mmap)(struct file *, struct vm_area_struct *);
	int	(*open)(struct inode *, struct file *);
	int	(*flush)(struct file *, void *);
	int	(*release)(struct inode *, struct file *);
	int	(*uring_cmd)(struct io_uring_cmd *ioucmd, unsigned int issue_flags);
	int	(*uring_cmd_iopoll)(struct io_uring_cmd *ioucmd, struct io_comp_batch *iob,
				    unsigned int poll_flags);
};

int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);
long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
int blkdev_compat_ptr_ioctl(struct block_device *bdev, fmode_t mode, unsigned cmd, unsigned long arg);

#endif
