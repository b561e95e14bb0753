// SPDX-License-Identifier: GPL-2.0-only
/*
 * Completions (linux/completion.h). A waiter queues on the simple wait queue and sleeps until `done` is
 * non-zero, then consumes one (unless complete_all() made it UINT_MAX). The waiter reacquires the queue
 * lock before it returns, so a completer is out of complete() before the waiter can free the completion
 * (the pattern of a completion on the waiter's stack).
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/limits.h>

void complete(struct completion *x)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	swake_up_locked(&x->wait);
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
}
EXPORT_SYMBOL(complete);

void complete_all(struct completion *x)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	while (!list_empty(&x->wait.task_list))
		swake_up_locked(&x->wait);
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
}
EXPORT_SYMBOL(complete_all);

/* Waits (in `state`) up to `timeout` jiffies; returns what is left of it (at least 1) or 0 on timeout. */
static long do_wait_for_common(struct completion *x, long timeout, unsigned int state)
{
	unsigned long flags;

	might_sleep();
	raw_spin_lock_irqsave(&x->wait.lock, flags);
	if (!x->done) {
		DECLARE_SWAITQUEUE(wait);

		do {
			__prepare_to_swait(&x->wait, &wait);
			__set_current_state(state);
			raw_spin_unlock_irqrestore(&x->wait.lock, flags);
			timeout = schedule_timeout(timeout);
			raw_spin_lock_irqsave(&x->wait.lock, flags);
		} while (!x->done && timeout);
		__finish_swait(&x->wait, &wait);
		if (!x->done) {
			raw_spin_unlock_irqrestore(&x->wait.lock, flags);
			return 0;
		}
	}
	if (x->done != UINT_MAX)
		x->done--;
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
	return timeout ? timeout : 1;
}

void wait_for_completion(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion);

void wait_for_completion_io(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_io);

int wait_for_completion_interruptible(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
	return 0;
}
EXPORT_SYMBOL(wait_for_completion_interruptible);

int wait_for_completion_killable(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);
	return 0;
}
EXPORT_SYMBOL(wait_for_completion_killable);

int wait_for_completion_state(struct completion *x, unsigned int state)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, state);
	return 0;
}
EXPORT_SYMBOL(wait_for_completion_state);

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return do_wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_timeout);

unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout)
{
	return do_wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_io_timeout);

long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	return do_wait_for_common(x, timeout, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);

long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout)
{
	return do_wait_for_common(x, timeout, TASK_KILLABLE);
}
EXPORT_SYMBOL(wait_for_completion_killable_timeout);

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = true;

	if (!READ_ONCE(x->done))
		return false;
	raw_spin_lock_irqsave(&x->wait.lock, flags);
	if (!x->done)
		ret = false;
	else if (x->done != UINT_MAX)
		x->done--;
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}
EXPORT_SYMBOL(try_wait_for_completion);

bool completion_done(struct completion *x)
{
	unsigned long flags;

	if (!READ_ONCE(x->done))
		return false;
	/* Wait out a complete() still inside its critical section. */
	raw_spin_lock_irqsave(&x->wait.lock, flags);
	raw_spin_unlock_irqrestore(&x->wait.lock, flags);
	return true;
}
EXPORT_SYMBOL(completion_done);
