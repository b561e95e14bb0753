// SPDX-License-Identifier: GPL-2.0-only
/* Sleepable RCU (linux/srcu.h has the design). */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/srcu.h>
#include <linux/sched.h>

int init_srcu_struct(struct srcu_struct *ssp)
{
	atomic_long_set(&ssp->readers[0], 0);
	atomic_long_set(&ssp->readers[1], 0);
	ssp->idx = 0;
	mutex_init(&ssp->gp_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(init_srcu_struct);

void cleanup_srcu_struct(struct srcu_struct *ssp)
{
	WARN_ON(atomic_long_read(&ssp->readers[0]) || atomic_long_read(&ssp->readers[1]));
}
EXPORT_SYMBOL_GPL(cleanup_srcu_struct);

int __srcu_read_lock(struct srcu_struct *ssp)
{
	int idx;

	/* Preemption off between reading idx and counting: synchronize_srcu's grace period covers this. */
	preempt_disable();
	idx = READ_ONCE(ssp->idx) & 1;
	atomic_long_inc(&ssp->readers[idx]);
	smp_mb();
	preempt_enable();
	return idx;
}
EXPORT_SYMBOL_GPL(__srcu_read_lock);

void __srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	smp_mb();
	atomic_long_dec(&ssp->readers[idx]);
}
EXPORT_SYMBOL_GPL(__srcu_read_unlock);

void synchronize_srcu(struct srcu_struct *ssp)
{
	unsigned long old;

	might_sleep();
	mutex_lock(&ssp->gp_lock);
	old = ssp->idx & 1;
	smp_mb();
	WRITE_ONCE(ssp->idx, old ^ 1);
	/* Every reader that read the old index has counted itself in readers[old] after this. */
	synchronize_rcu();
	while (atomic_long_read(&ssp->readers[old]) != 0)
		schedule_timeout_uninterruptible(1);
	smp_mb();
	mutex_unlock(&ssp->gp_lock);
}
EXPORT_SYMBOL_GPL(synchronize_srcu);

void synchronize_srcu_expedited(struct srcu_struct *ssp)
{
	synchronize_srcu(ssp);
}
EXPORT_SYMBOL_GPL(synchronize_srcu_expedited);
