// SPDX-License-Identifier: GPL-2.0-only
/* sort/sort_r: heapsort, so the stack depth and the running time stay bounded whatever the input. */
#include <linux/sort.h>
#include <linux/export.h>

static void lkpi_swap_bytes(void *a, void *b, size_t size)
{
	char *x = a, *y = b;

	while (size--) {
		char t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

struct lkpi_sort {
	char *base;
	size_t size;
	cmp_r_func_t cmp;
	cmp_func_t cmp_plain; /* set for sort(): cmp is then unused */
	swap_func_t swap;
	const void *priv;
};

static int lkpi_cmp(const struct lkpi_sort *s, size_t i, size_t j)
{
	const void *a = s->base + i * s->size, *b = s->base + j * s->size;

	return s->cmp_plain ? s->cmp_plain(a, b) : s->cmp(a, b, s->priv);
}

static void lkpi_swap(const struct lkpi_sort *s, size_t i, size_t j)
{
	void *a = s->base + i * s->size, *b = s->base + j * s->size;

	if (s->swap)
		s->swap(a, b, (int)s->size);
	else
		lkpi_swap_bytes(a, b, s->size);
}

/* Moves element `root` down the max-heap of the first n elements until both children are smaller. */
static void lkpi_sift_down(const struct lkpi_sort *s, size_t root, size_t n)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n && lkpi_cmp(s, child + 1, child) > 0)
			child++;
		if (lkpi_cmp(s, child, root) <= 0)
			return;
		lkpi_swap(s, root, child);
		root = child;
	}
}

static void lkpi_heapsort(const struct lkpi_sort *s, size_t num)
{
	if (num < 2)
		return;
	for (size_t i = num / 2; i-- > 0;)
		lkpi_sift_down(s, i, num);
	for (size_t end = num - 1; end > 0; end--) {
		lkpi_swap(s, 0, end);
		lkpi_sift_down(s, 0, end);
	}
}

void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func, swap_func_t swap_func, const void *priv)
{
	struct lkpi_sort s = { .base = base, .size = size, .cmp = cmp_func, .swap = swap_func, .priv = priv };

	lkpi_heapsort(&s, num);
}
EXPORT_SYMBOL(sort_r);

void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func, swap_func_t swap_func)
{
	struct lkpi_sort s = { .base = base, .size = size, .cmp_plain = cmp_func, .swap = swap_func };

	lkpi_heapsort(&s, num);
}
EXPORT_SYMBOL(sort);
