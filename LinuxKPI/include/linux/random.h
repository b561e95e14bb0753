/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Random numbers from the CPU: RDSEED, else RDRAND; on a CPU with neither (QEMU's default TCG models) a
 * generator seeded from the TSC, which is NOT cryptographically strong (LinuxKPI/README.md).
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>
#include <linux/once.h>
#include <linux/kernel.h>

void get_random_bytes(void *buf, size_t len);
u8 get_random_u8(void);
u16 get_random_u16(void);
u32 get_random_u32(void);
u64 get_random_u64(void);

static inline unsigned int get_random_int(void) { return get_random_u32(); }
static inline unsigned long get_random_long(void) { return get_random_u64(); }

/* A uniformly distributed value in [0, ceil) (ceil > 0), without modulo bias. */
u32 __get_random_u32_below(u32 ceil);

static inline u32 get_random_u32_below(u32 ceil)
{
	return __get_random_u32_below(ceil);
}

static inline u32 prandom_u32_max(u32 ep_ro)
{
	return ep_ro ? get_random_u32_below(ep_ro) : 0;
}

static inline u32 prandom_u32(void) { return get_random_u32(); }
static inline void prandom_bytes(void *buf, size_t nbytes) { get_random_bytes(buf, nbytes); }

/* The boot-time entropy a driver may add (a MAC address, a serial number): mixed into the fallback. */
void add_device_randomness(const void *buf, size_t len);

#define get_random_once(buf, nbytes) DO_ONCE(get_random_bytes, (buf), (nbytes))

#endif
