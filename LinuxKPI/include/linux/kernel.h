/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The grab bag every driver includes: container_of, ARRAY_SIZE, min/max/clamp, rounding and division,
 * upper/lower_32_bits, printk, kstrto*, sprintf, bit operations, the system state.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/limits.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/build_bug.h>
#include <linux/array_size.h>
#include <linux/instruction_pointer.h>
#include <linux/sprintf.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/linkage.h>
#include <asm/byteorder.h>

#define STACK_MAGIC 0xdeadbeef

/* The byte x repeated in every byte of an unsigned long. */
#define REPEAT_BYTE(x) ((~0ul / 0xff) * (x))

#define READ 0
#define WRITE 1

/* Bits 32..63 of n (0 for 32-bit values, without a shift-count warning). */
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))

#define u64_to_user_ptr(x) ((void __user *)(uintptr_t)(x))
#define PTR_IF(cond, ptr) ((cond) ? (ptr) : NULL)

/* Where the kernel is in its life; drivers check for SYSTEM_RUNNING (Apus is running once drivers load). */
extern enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_FREEING_INITMEM,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
} system_state;

/* Tracing is not offered: trace_printk checks its format and prints nothing. */
#define trace_printk(fmt, ...) no_printk(fmt, ##__VA_ARGS__)
#define tracing_off() do { } while (0)

#define __CONCAT(a, b) a##b
#define CONCATENATE(a, b) __CONCAT(a, b)

#endif
