/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Clocks. CLOCK_MONOTONIC is the TSC since boot. Apus reads no real-time clock yet and never suspends, so
 * CLOCK_BOOTTIME equals CLOCK_MONOTONIC and CLOCK_REALTIME (and TAI) is monotonic time counted from the
 * Unix epoch: wall-clock readings start at 1970-01-01 at boot (LinuxKPI/README.md).
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/ktime.h>

enum tk_offsets {
	TK_OFFS_REAL,
	TK_OFFS_BOOT,
	TK_OFFS_TAI,
	TK_OFFS_MAX,
};

ktime_t ktime_get(void);
ktime_t ktime_get_with_offset(enum tk_offsets offs);
ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets offs);
ktime_t ktime_get_raw(void);
u64 ktime_get_mono_fast_ns(void);
u64 ktime_get_raw_fast_ns(void);
u64 ktime_get_boot_fast_ns(void);
u64 ktime_get_real_fast_ns(void);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *ts);
void ktime_get_raw_ts64(struct timespec64 *ts);
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);

static inline ktime_t ktime_get_real(void) { return ktime_get_with_offset(TK_OFFS_REAL); }
static inline ktime_t ktime_get_coarse_real(void) { return ktime_get_real(); }
static inline ktime_t ktime_get_boottime(void) { return ktime_get_with_offset(TK_OFFS_BOOT); }
static inline ktime_t ktime_get_coarse_boottime(void) { return ktime_get_boottime(); }
static inline ktime_t ktime_get_clocktai(void) { return ktime_get_with_offset(TK_OFFS_TAI); }
static inline ktime_t ktime_get_coarse(void) { return ktime_get(); }
static inline u64 ktime_get_ns(void) { return ktime_to_ns(ktime_get()); }
static inline u64 ktime_get_coarse_ns(void) { return ktime_get_ns(); }
static inline u64 ktime_get_real_ns(void) { return ktime_to_ns(ktime_get_real()); }
static inline u64 ktime_get_coarse_real_ns(void) { return ktime_get_real_ns(); }
static inline u64 ktime_get_boottime_ns(void) { return ktime_to_ns(ktime_get_boottime()); }
static inline u64 ktime_get_coarse_boottime_ns(void) { return ktime_get_boottime_ns(); }
static inline u64 ktime_get_clocktai_ns(void) { return ktime_to_ns(ktime_get_clocktai()); }
static inline u64 ktime_get_raw_ns(void) { return ktime_to_ns(ktime_get_raw()); }
static inline ktime_t ktime_mono_to_real(ktime_t mono) { return ktime_mono_to_any(mono, TK_OFFS_REAL); }
static inline void ktime_get_boottime_ts64(struct timespec64 *ts) { *ts = ns_to_timespec64(ktime_get_boottime()); }
static inline void ktime_get_coarse_ts64(struct timespec64 *ts) { ktime_get_ts64(ts); }
static inline void ktime_get_coarse_real_ts64(struct timespec64 *ts) { ktime_get_real_ts64(ts); }
static inline time64_t ktime_get_boottime_seconds(void) { return ktime_get_seconds(); }
static inline u64 ktime_get_tai_fast_ns(void) { return ktime_get_real_fast_ns(); }

/* Compatibility names. */
#define getboottime64(ts) do { (ts)->tv_sec = 0; (ts)->tv_nsec = 0; } while (0)

#endif
