// SPDX-License-Identifier: GPL-2.0-only
/*
 * Workqueues (linux/workqueue.h has the model). A work item's PENDING bit (data bit 0) says it is owned by
 * a queue operation: set by whoever queues it (or grabs it to cancel), cleared by the worker just before
 * the item runs, so an item may be queued again while it runs. `worker` is where it was last queued; that
 * worker's lock guards the item's list entry and the worker's `current_work`.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/workqueue.h>
#include <linux/cache.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/printk.h>
#include "lkpi.h"

struct lkpi_worker {
	raw_spinlock_t lock;
	struct list_head list;			/* queued items, oldest first */
	struct work_struct *current_work;	/* the item running now */
	struct wait_queue_head done_wait;	/* woken after each item */
	struct task_struct *task;
	struct workqueue_struct *wq;
	int cpu;
};

struct workqueue_struct {
	char name[24];
	unsigned int flags;
	bool single;				/* one worker: ordered, or unbound with max_active 1 */
	atomic_t next_worker;			/* round-robin for unbound queues */
	int nr_workers;
	struct lkpi_worker *workers[NR_CPUS];	/* single: [0]; else indexed by CPU */
};

struct workqueue_struct *system_wq __read_mostly;
EXPORT_SYMBOL(system_wq);
struct workqueue_struct *system_highpri_wq __read_mostly;
EXPORT_SYMBOL_GPL(system_highpri_wq);
struct workqueue_struct *system_long_wq __read_mostly;
EXPORT_SYMBOL_GPL(system_long_wq);
struct workqueue_struct *system_unbound_wq __read_mostly;
EXPORT_SYMBOL_GPL(system_unbound_wq);
/* Apus never freezes tasks and has no power-efficient mode: these are system_wq. */
struct workqueue_struct *system_freezable_wq __read_mostly;
EXPORT_SYMBOL_GPL(system_freezable_wq);
struct workqueue_struct *system_power_efficient_wq __read_mostly;
EXPORT_SYMBOL_GPL(system_power_efficient_wq);
struct workqueue_struct *system_freezable_power_efficient_wq __read_mostly;
EXPORT_SYMBOL_GPL(system_freezable_power_efficient_wq);

static inline void set_pending_owned(struct work_struct *work) { set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)); }
static inline void clear_pending(struct work_struct *work)
{
	smp_mb__before_atomic();
	clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
}

/* ---- the worker ---- */

static int worker_thread(void *arg)
{
	struct lkpi_worker *worker = arg;

	current->worker = worker;
	current->flags |= PF_WQ_WORKER;
	raw_spin_lock_irq(&worker->lock);
	for (;;) {
		struct work_struct *work;
		work_func_t func;

		if (list_empty(&worker->list)) {
			if (kthread_should_stop())
				break;
			set_current_state(TASK_IDLE);
			raw_spin_unlock_irq(&worker->lock);
			schedule();
			raw_spin_lock_irq(&worker->lock);
			continue;
		}
		work = list_first_entry(&worker->list, struct work_struct, entry);
		list_del_init(&work->entry);
		worker->current_work = work;
		func = work->func;
		clear_pending(work);
		raw_spin_unlock_irq(&worker->lock);

		func(work);	/* may free `work`: only its address is used afterwards */
		WARN_ONCE(preempt_count() != 0 || irqs_disabled(),
			  "workqueue: %ps left preempt_count %d, irqs_disabled %d\n", func, preempt_count(),
			  irqs_disabled());

		raw_spin_lock_irq(&worker->lock);
		worker->current_work = NULL;
		raw_spin_unlock_irq(&worker->lock);
		if (waitqueue_active(&worker->done_wait))
			wake_up_all(&worker->done_wait);
		raw_spin_lock_irq(&worker->lock);
	}
	raw_spin_unlock_irq(&worker->lock);
	return 0;
}

/* Adds `work` to `worker` (its lock held, PENDING owned by the caller) and wakes the worker. */
static void insert_work(struct lkpi_worker *worker, struct work_struct *work, struct list_head *after)
{
	WRITE_ONCE(work->worker, worker);
	list_add_tail(&work->entry, after);
	wake_up_process(worker->task);
}

static struct lkpi_worker *select_worker(struct workqueue_struct *wq, int cpu)
{
	if (wq->single)
		return wq->workers[0];
	if (cpu == WORK_CPU_UNBOUND || cpu < 0 || cpu >= NR_CPUS || !wq->workers[cpu]) {
		if (wq->flags & WQ_UNBOUND)
			cpu = cpumask_local_spread(atomic_inc_return(&wq->next_worker), NUMA_NO_NODE);
		else
			cpu = raw_smp_processor_id();
	}
	return wq->workers[cpu] ? wq->workers[cpu] : wq->workers[cpumask_first(cpu_online_mask)];
}

/* Queues a work item whose PENDING bit the caller owns; interrupts are off. */
static void __queue_work(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	struct lkpi_worker *last = READ_ONCE(work->worker), *worker;

	/* Still running on the worker it last ran on: queue it there, behind itself. */
	if (last && last->wq == wq) {
		raw_spin_lock(&last->lock);
		if (last->current_work == work) {
			insert_work(last, work, &last->list);
			raw_spin_unlock(&last->lock);
			return;
		}
		raw_spin_unlock(&last->lock);
	}
	worker = select_worker(wq, cpu);
	raw_spin_lock(&worker->lock);
	insert_work(worker, work, &worker->list);
	raw_spin_unlock(&worker->lock);
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool queued = false;

	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
		__queue_work(cpu, wq, work);
		queued = true;
	}
	local_irq_restore(flags);
	return queued;
}
EXPORT_SYMBOL(queue_work_on);

bool queue_work_node(int node, struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}
EXPORT_SYMBOL_GPL(queue_work_node);

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);
	unsigned long flags;

	local_irq_save(flags);
	__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(delayed_work_timer_fn);

/* PENDING owned by the caller, interrupts off. */
static void __queue_delayed_work(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
				 unsigned long delay)
{
	struct timer_list *timer = &dwork->timer;

	WARN_ON_ONCE(timer->function != delayed_work_timer_fn);
	WARN_ON_ONCE(timer_pending(timer));
	WARN_ON_ONCE(!list_empty(&dwork->work.entry));
	dwork->wq = wq;
	dwork->cpu = cpu;
	if (!delay) {
		__queue_work(cpu, wq, &dwork->work);
		return;
	}
	timer->expires = jiffies + delay;
	add_timer(timer);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	unsigned long flags;
	bool queued = false;

	local_irq_save(flags);
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work))) {
		__queue_delayed_work(cpu, wq, dwork, delay);
		queued = true;
	}
	local_irq_restore(flags);
	return queued;
}
EXPORT_SYMBOL(queue_delayed_work_on);

/*
 * Takes ownership of PENDING: 1 if the item was pending (now off its timer or list), 0 if it was idle,
 * -EAGAIN while it passes between timer and list or between test_and_set and the list (retry). Returns
 * with interrupts off in *flags' scope, as Linux's does, so nothing on this CPU can requeue it meanwhile.
 */
static int try_to_grab_pending(struct work_struct *work, bool is_dwork, unsigned long *flags)
{
	struct lkpi_worker *worker;

	local_irq_save(*flags);
	if (is_dwork && likely(del_timer(&to_delayed_work(work)->timer)))
		return 1;
	if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return 0;
	worker = READ_ONCE(work->worker);
	if (worker) {
		raw_spin_lock(&worker->lock);
		if (READ_ONCE(work->worker) == worker && !list_empty(&work->entry)) {
			list_del_init(&work->entry);
			raw_spin_unlock(&worker->lock);
			return 1;
		}
		raw_spin_unlock(&worker->lock);
	}
	local_irq_restore(*flags);
	return -EAGAIN;
}

static int grab_pending(struct work_struct *work, bool is_dwork, unsigned long *flags)
{
	int ret;

	while ((ret = try_to_grab_pending(work, is_dwork, flags)) == -EAGAIN)
		cpu_relax();
	return ret;
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	unsigned long flags;
	int ret = grab_pending(&dwork->work, true, &flags);

	__queue_delayed_work(cpu, wq, dwork, delay);
	local_irq_restore(flags);
	return ret;
}
EXPORT_SYMBOL_GPL(mod_delayed_work_on);

/* Waits until no worker runs `work` (PENDING owned by the caller, so it cannot start again). */
static void wait_for_running(struct work_struct *work)
{
	struct lkpi_worker *worker = READ_ONCE(work->worker);

	if (!worker)
		return;
	if (worker->task == current && worker->current_work == work) {
		WARN(1, "workqueue: %ps waits for itself\n", work->func);
		return;
	}
	wait_event(worker->done_wait, READ_ONCE(worker->current_work) != work);
}

static bool __cancel_work(struct work_struct *work, bool is_dwork, bool sync)
{
	unsigned long flags;
	int ret;

	if (sync)
		might_sleep();
	ret = grab_pending(work, is_dwork, &flags);
	local_irq_restore(flags);
	if (sync)
		wait_for_running(work);
	clear_pending(work);
	return ret;
}

bool cancel_work(struct work_struct *work)
{
	return __cancel_work(work, false, false);
}
EXPORT_SYMBOL(cancel_work);

bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work(work, false, true);
}
EXPORT_SYMBOL_GPL(cancel_work_sync);

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true, false);
}
EXPORT_SYMBOL(cancel_delayed_work);

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true, true);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

/* ---- flushing: a barrier item queued behind what must finish ---- */

struct wq_barrier {
	struct work_struct work;
	struct completion done;
};

static void wq_barrier_func(struct work_struct *work)
{
	complete(&container_of(work, struct wq_barrier, work)->done);
}

static void init_barrier(struct wq_barrier *barrier)
{
	INIT_WORK_ONSTACK(&barrier->work, wq_barrier_func);
	set_pending_owned(&barrier->work);
	init_completion(&barrier->done);
}

bool flush_work(struct work_struct *work)
{
	struct lkpi_worker *worker = READ_ONCE(work->worker);
	struct wq_barrier barrier;
	bool queued = false;

	might_sleep();
	if (!worker)
		return false;
	init_barrier(&barrier);
	raw_spin_lock_irq(&worker->lock);
	if (READ_ONCE(work->worker) == worker && !list_empty(&work->entry)) {
		insert_work(worker, &barrier.work, work->entry.next);
		queued = true;
	} else if (worker->current_work == work) {
		insert_work(worker, &barrier.work, worker->list.next);
		queued = true;
	}
	raw_spin_unlock_irq(&worker->lock);
	if (queued)
		wait_for_completion(&barrier.done);
	return queued;
}
EXPORT_SYMBOL_GPL(flush_work);

bool flush_delayed_work(struct delayed_work *dwork)
{
	unsigned long flags;

	local_irq_save(flags);
	if (del_timer_sync(&dwork->timer))
		__queue_work(dwork->cpu, dwork->wq, &dwork->work);
	local_irq_restore(flags);
	return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);

static void queue_rcu_work_callback(struct rcu_head *rcu)
{
	struct rcu_work *rwork = container_of(rcu, struct rcu_work, rcu);
	unsigned long flags;

	local_irq_save(flags);
	__queue_work(WORK_CPU_UNBOUND, rwork->wq, &rwork->work);
	local_irq_restore(flags);
}

bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&rwork->work)))
		return false;
	rwork->wq = wq;
	call_rcu(&rwork->rcu, queue_rcu_work_callback);
	return true;
}
EXPORT_SYMBOL(queue_rcu_work);

bool flush_rcu_work(struct rcu_work *rwork)
{
	if (test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&rwork->work))) {
		rcu_barrier();
		flush_work(&rwork->work);
		return true;
	}
	return flush_work(&rwork->work);
}
EXPORT_SYMBOL(flush_rcu_work);

void __flush_workqueue(struct workqueue_struct *wq)
{
	struct wq_barrier *barriers;
	int i;

	might_sleep();
	barriers = kcalloc(wq->nr_workers, sizeof(*barriers), GFP_KERNEL);
	if (!barriers) {
		/* Without memory for barriers: wait for each worker to run dry. */
		for (i = 0; i < NR_CPUS; i++) {
			struct lkpi_worker *worker = wq->workers[i];
			if (worker)
				wait_event(worker->done_wait, list_empty_careful(&worker->list) &&
					   !READ_ONCE(worker->current_work));
		}
		return;
	}
	for (i = 0; i < wq->nr_workers; i++) {
		struct lkpi_worker *worker = wq->workers[wq->single ? 0 : i];

		init_barrier(&barriers[i]);
		if (!worker)
			continue;
		raw_spin_lock_irq(&worker->lock);
		insert_work(worker, &barriers[i].work, &worker->list);
		raw_spin_unlock_irq(&worker->lock);
	}
	for (i = 0; i < wq->nr_workers; i++)
		if (wq->workers[wq->single ? 0 : i])
			wait_for_completion(&barriers[i].done);
	kfree(barriers);
}
EXPORT_SYMBOL(__flush_workqueue);

static bool workqueue_idle(struct workqueue_struct *wq)
{
	int i;

	for (i = 0; i < NR_CPUS; i++) {
		struct lkpi_worker *worker = wq->workers[i];
		bool idle;

		if (!worker)
			continue;
		raw_spin_lock_irq(&worker->lock);
		idle = list_empty(&worker->list) && !worker->current_work;
		raw_spin_unlock_irq(&worker->lock);
		if (!idle)
			return false;
	}
	return true;
}

/* Flushes until nothing is queued, including what the items queue again (no new outside callers). */
void drain_workqueue(struct workqueue_struct *wq)
{
	wq->flags |= __WQ_DRAINING;
	do
		__flush_workqueue(wq);
	while (!workqueue_idle(wq));
	wq->flags &= ~__WQ_DRAINING;
}
EXPORT_SYMBOL_GPL(drain_workqueue);

/* ---- creating and destroying ---- */

static void free_workers(struct workqueue_struct *wq)
{
	int i;

	for (i = 0; i < NR_CPUS; i++) {
		struct lkpi_worker *worker = wq->workers[i];

		if (!worker)
			continue;
		if (worker->task)
			kthread_stop(worker->task);
		kfree(worker);
		wq->workers[i] = NULL;
	}
}

static struct lkpi_worker *create_worker(struct workqueue_struct *wq, int cpu)
{
	struct lkpi_worker *worker = kzalloc(sizeof(*worker), GFP_KERNEL);
	char name[48];			/* the thread's name in `ps`; comm keeps the first 15 bytes */
	struct task_struct *task;

	if (!worker)
		return NULL;
	raw_spin_lock_init(&worker->lock);
	INIT_LIST_HEAD(&worker->list);
	init_waitqueue_head(&worker->done_wait);
	worker->wq = wq;
	worker->cpu = cpu;
	if (cpu >= 0)
		snprintf(name, sizeof(name), "kworker/%d:%s", cpu, wq->name);
	else
		snprintf(name, sizeof(name), "kworker/u:%s", wq->name);
	task = lkpi_kthread_create(worker_thread, worker, cpu, (wq->flags & WQ_HIGHPRI) ? 0 : 1, name);
	if (IS_ERR(task)) {
		kfree(worker);
		return NULL;
	}
	if (wq->flags & WQ_HIGHPRI)
		task->prio = DEFAULT_PRIO + MIN_NICE;
	worker->task = task;
	wake_up_process(task);
	return worker;
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;
	int cpu;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	/* Linux makes an unbound queue with max_active 1 ordered too. */
	if ((flags & WQ_UNBOUND) && max_active == 1)
		flags |= __WQ_ORDERED;
	wq->flags = flags;
	wq->single = flags & __WQ_ORDERED;
	atomic_set(&wq->next_worker, 0);
	if (wq->single) {
		wq->nr_workers = 1;
		wq->workers[0] = create_worker(wq, -1);
		if (!wq->workers[0])
			goto fail;
		return wq;
	}
	for_each_online_cpu(cpu) {
		wq->workers[cpu] = create_worker(wq, cpu);
		if (!wq->workers[cpu])
			goto fail;
		wq->nr_workers = cpu + 1;
	}
	return wq;
fail:
	free_workers(wq);
	kfree(wq);
	return NULL;
}
EXPORT_SYMBOL_GPL(alloc_workqueue);

void destroy_workqueue(struct workqueue_struct *wq)
{
	drain_workqueue(wq);
	free_workers(wq);
	kfree(wq);
}
EXPORT_SYMBOL_GPL(destroy_workqueue);

/* ---- queries ---- */

unsigned int work_busy(struct work_struct *work)
{
	struct lkpi_worker *worker = READ_ONCE(work->worker);
	unsigned int busy = 0;
	unsigned long flags;

	if (work_pending(work))
		busy |= WORK_BUSY_PENDING;
	if (worker) {
		raw_spin_lock_irqsave(&worker->lock, flags);
		if (worker->current_work == work)
			busy |= WORK_BUSY_RUNNING;
		raw_spin_unlock_irqrestore(&worker->lock, flags);
	}
	return busy;
}
EXPORT_SYMBOL_GPL(work_busy);

struct work_struct *current_work(void)
{
	struct lkpi_worker *worker = current->worker;
	return worker ? worker->current_work : NULL;
}
EXPORT_SYMBOL(current_work);

bool current_is_workqueue_rescuer(void)
{
	return false;
}
EXPORT_SYMBOL(current_is_workqueue_rescuer);

bool workqueue_congested(int cpu, struct workqueue_struct *wq)
{
	struct lkpi_worker *worker = select_worker(wq, cpu);
	return !list_empty_careful(&worker->list);
}
EXPORT_SYMBOL_GPL(workqueue_congested);

struct work_for_cpu {
	struct work_struct work;
	long (*fn)(void *);
	void *arg;
	long ret;
};

static void work_for_cpu_fn(struct work_struct *work)
{
	struct work_for_cpu *wfc = container_of(work, struct work_for_cpu, work);
	wfc->ret = wfc->fn(wfc->arg);
}

long work_on_cpu(int cpu, long (*fn)(void *), void *arg)
{
	struct work_for_cpu wfc = { .fn = fn, .arg = arg };

	INIT_WORK_ONSTACK(&wfc.work, work_for_cpu_fn);
	queue_work_on(cpu, system_wq, &wfc.work);
	flush_work(&wfc.work);
	return wfc.ret;
}
EXPORT_SYMBOL_GPL(work_on_cpu);

void lkpi_workqueue_init(void)
{
	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND, WQ_MAX_ACTIVE);
	if (!system_wq || !system_highpri_wq || !system_long_wq || !system_unbound_wq)
		panic("LinuxKPI: cannot create the system workqueues");
	system_freezable_wq = system_wq;
	system_power_efficient_wq = system_wq;
	system_freezable_power_efficient_wq = system_wq;
}
