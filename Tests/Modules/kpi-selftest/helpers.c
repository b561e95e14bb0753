// SPDX-License-Identifier: GPL-2.0-only
/* The KPI self-test's shared helpers (selftest.h): choosing another CPU, waiting for a flag. */
#include <linux/kernel.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include "selftest.h"

int selftest_other_cpu(void)
{
	int self = raw_smp_processor_id();
	int cpu;

	for_each_online_cpu(cpu) {
		if (cpu != self)
			return cpu;
	}
	return -1;
}

bool selftest_wait_until(const int *flag, unsigned int timeout_ms)
{
	ktime_t deadline = ktime_add_ms(ktime_get(), timeout_ms);

	while (!READ_ONCE(*flag)) {
		if (ktime_after(ktime_get(), deadline))
			return false;
		usleep_range(1000, 2000);
	}
	return true;
}
