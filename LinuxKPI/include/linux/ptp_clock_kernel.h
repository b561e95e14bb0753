/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PTP hardware clocks a driver can offer. Apus has no PTP clock class (CONFIG_PTP_1588_CLOCK is off), so
 * registration returns NULL and the other calls do nothing, exactly as in Linux built without it; drivers
 * then run without a PHC.
 */
#ifndef _PTP_CLOCK_KERNEL_H_
#define _PTP_CLOCK_KERNEL_H_

#include <linux/types.h>
#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>

#define PTP_CLOCK_NAME_LEN	32

struct ptp_clock;
struct ptp_pin_desc;
struct ptp_clock_event;
struct system_device_crosststamp;
struct module;

enum ptp_pin_function {
	PTP_PF_NONE,
	PTP_PF_EXTTS,
	PTP_PF_PEROUT,
	PTP_PF_PHYSYNC,
};

/* A request to the clock's enable operation (external timestamps, periodic outputs, PPS); opaque here. */
struct ptp_clock_request;

/* System time read just before and after the device clock (gettimex64). */
struct ptp_system_timestamp {
	struct timespec64 pre_ts;
	struct timespec64 post_ts;
};

struct ptp_clock_info {
	struct module	*owner;
	char		name[PTP_CLOCK_NAME_LEN];
	s32		max_adj;
	int		n_alarm;
	int		n_ext_ts;
	int		n_per_out;
	int		n_pins;
	int		pps;
	struct ptp_pin_desc *pin_config;
	int		(*adjfine)(struct ptp_clock_info *ptp, long scaled_ppm);
	int		(*adjfreq)(struct ptp_clock_info *ptp, s32 delta);
	int		(*adjphase)(struct ptp_clock_info *ptp, s32 phase);
	int		(*adjtime)(struct ptp_clock_info *ptp, s64 delta);
	int		(*gettime64)(struct ptp_clock_info *ptp, struct timespec64 *ts);
	int		(*gettimex64)(struct ptp_clock_info *ptp, struct timespec64 *ts,
				      struct ptp_system_timestamp *sts);
	int		(*getcrosststamp)(struct ptp_clock_info *ptp, struct system_device_crosststamp *cts);
	int		(*settime64)(struct ptp_clock_info *p, const struct timespec64 *ts);
	int		(*enable)(struct ptp_clock_info *ptp, struct ptp_clock_request *request, int on);
	int		(*verify)(struct ptp_clock_info *ptp, unsigned int pin, enum ptp_pin_function func,
				  unsigned int chan);
	long		(*do_aux_work)(struct ptp_clock_info *ptp);
};

/* ppm with a 16-bit binary fraction, to parts per billion. */
static inline long scaled_ppm_to_ppb(long ppm)
{
	s64 ppb = 1 + ppm;

	ppb *= 125;
	ppb >>= 13;
	return (long)ppb;
}

static inline struct ptp_clock *ptp_clock_register(struct ptp_clock_info *info, struct device *parent)
{
	return NULL;
}

static inline int ptp_clock_unregister(struct ptp_clock *ptp)
{
	return 0;
}

static inline int ptp_clock_index(struct ptp_clock *ptp)
{
	return -1;
}

static inline int ptp_schedule_worker(struct ptp_clock *ptp, unsigned long delay)
{
	return -EOPNOTSUPP;
}

static inline void ptp_cancel_worker_sync(struct ptp_clock *ptp)
{
}

static inline void ptp_read_system_prets(struct ptp_system_timestamp *sts)
{
	if (sts)
		ktime_get_real_ts64(&sts->pre_ts);
}

static inline void ptp_read_system_postts(struct ptp_system_timestamp *sts)
{
	if (sts)
		ktime_get_real_ts64(&sts->post_ts);
}

#endif
