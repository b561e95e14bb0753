// SPDX-License-Identifier: GPL-2.0-only
/*
 * Asynchronous function calls (linux/async.h). Entries are kept in cookie order on a global list and on
 * their domain's list; a synchronize waits until the oldest entry still pending is at or past the cookie.
 * Without memory for an entry the call runs synchronously, as in Linux.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/async.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#define ASYNC_COOKIE_MAX U64_MAX

struct async_entry {
	struct list_head domain_list;
	struct list_head global_list;
	struct work_struct work;
	async_cookie_t cookie;
	async_func_t func;
	void *data;
	struct async_domain *domain;
};

static async_cookie_t next_cookie = 1;
static LIST_HEAD(async_global_pending);
static ASYNC_DOMAIN(async_dfl_domain);
static DEFINE_SPINLOCK(async_lock);
static DECLARE_WAIT_QUEUE_HEAD(async_done);

static async_cookie_t lowest_in_progress(struct async_domain *domain)
{
	struct list_head *pending = domain ? &domain->pending : &async_global_pending;
	async_cookie_t ret = ASYNC_COOKIE_MAX;
	unsigned long flags;

	spin_lock_irqsave(&async_lock, flags);
	if (!list_empty(pending)) {
		if (domain)
			ret = list_first_entry(pending, struct async_entry, domain_list)->cookie;
		else
			ret = list_first_entry(pending, struct async_entry, global_list)->cookie;
	}
	spin_unlock_irqrestore(&async_lock, flags);
	return ret;
}

static void async_run_entry_fn(struct work_struct *work)
{
	struct async_entry *entry = container_of(work, struct async_entry, work);
	unsigned long flags;

	entry->func(entry->data, entry->cookie);
	spin_lock_irqsave(&async_lock, flags);
	list_del_init(&entry->domain_list);
	list_del_init(&entry->global_list);
	spin_unlock_irqrestore(&async_lock, flags);
	kfree(entry);
	wake_up_all(&async_done);
}

async_cookie_t async_schedule_node_domain(async_func_t func, void *data, int node, struct async_domain *domain)
{
	struct async_entry *entry = kzalloc(sizeof(*entry), GFP_ATOMIC);
	async_cookie_t cookie;
	unsigned long flags;

	if (!entry) {
		spin_lock_irqsave(&async_lock, flags);
		cookie = next_cookie++;
		spin_unlock_irqrestore(&async_lock, flags);
		func(data, cookie);
		return cookie;
	}
	INIT_WORK(&entry->work, async_run_entry_fn);
	entry->func = func;
	entry->data = data;
	entry->domain = domain;
	spin_lock_irqsave(&async_lock, flags);
	cookie = entry->cookie = next_cookie++;
	list_add_tail(&entry->domain_list, &domain->pending);
	if (domain->registered)
		list_add_tail(&entry->global_list, &async_global_pending);
	else
		INIT_LIST_HEAD(&entry->global_list);
	spin_unlock_irqrestore(&async_lock, flags);
	queue_work(system_unbound_wq, &entry->work);
	return cookie;
}
EXPORT_SYMBOL_GPL(async_schedule_node_domain);

async_cookie_t async_schedule_node(async_func_t func, void *data, int node)
{
	return async_schedule_node_domain(func, data, node, &async_dfl_domain);
}
EXPORT_SYMBOL_GPL(async_schedule_node);

void async_synchronize_cookie_domain(async_cookie_t cookie, struct async_domain *domain)
{
	wait_event(async_done, lowest_in_progress(domain) >= cookie);
}
EXPORT_SYMBOL_GPL(async_synchronize_cookie_domain);

void async_synchronize_cookie(async_cookie_t cookie)
{
	async_synchronize_cookie_domain(cookie, &async_dfl_domain);
}
EXPORT_SYMBOL_GPL(async_synchronize_cookie);

void async_synchronize_full(void)
{
	async_synchronize_cookie_domain(ASYNC_COOKIE_MAX, NULL);
}
EXPORT_SYMBOL_GPL(async_synchronize_full);

void async_synchronize_full_domain(struct async_domain *domain)
{
	async_synchronize_cookie_domain(ASYNC_COOKIE_MAX, domain);
}
EXPORT_SYMBOL_GPL(async_synchronize_full_domain);

bool current_is_async(void)
{
	struct work_struct *work = current_work();
	return work && work->func == async_run_entry_fn;
}
EXPORT_SYMBOL_GPL(current_is_async);
