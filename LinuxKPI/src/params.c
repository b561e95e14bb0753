// SPDX-License-Identifier: GPL-2.0-only
/*
 * Module parameters (linux/moduleparam.h): the standard set operations with Linux's parsing rules, arrays
 * and copied strings, and apus_module_set_param(), through which the Swift loader sets a parameter of a
 * module being loaded (`insmod NAME p=v`, command-line `NAME.p=v`). Errors are negative errnos; the loader
 * prints the message. The loader keeps every value string it passes, writable, for the module's lifetime,
 * so charp parameters point at it and arrays split it in place, as Linux does with its own copy.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/limits.h>
#include <linux/moduleparam.h>
#include <linux/sprintf.h>

#include <asm/page.h>

static_assert(sizeof(struct kernel_param) == 40, "ModuleLinker.kernelParamSize in KernelCore must match");

static char kpi_dash_to_underscore(char c)
{
	return c == '-' ? '_' : c;
}

bool parameqn(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (kpi_dash_to_underscore(a[i]) != kpi_dash_to_underscore(b[i]))
			return false;
		if (a[i] == '\0')
			break;
	}
	return true;
}
EXPORT_SYMBOL(parameqn);

bool parameq(const char *a, const char *b)
{
	return parameqn(a, b, SIZE_MAX);
}
EXPORT_SYMBOL(parameq);

/*
 * kstrtoull's rules: optional '+', base 0 picks 0x/0X hexadecimal, a leading 0 octal, else decimal; at
 * least one digit; one trailing newline allowed; -ERANGE on overflow, -EINVAL on anything else.
 */
static int kpi_parse_unsigned(const char *s, unsigned long long *result)
{
	unsigned long long value = 0;
	unsigned int base = 10, digits = 0;

	if (*s == '+')
		s++;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    ((s[2] >= '0' && s[2] <= '9') || ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'f'))) {
		base = 16;
		s += 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (;; s++, digits++) {
		unsigned int digit;
		char c = *s;

		if (c >= '0' && c <= '9')
			digit = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			digit = (c | 0x20) - 'a' + 10;
		else
			break;
		if (digit >= base)
			return -EINVAL;
		if (value > (ULLONG_MAX - digit) / base)
			return -ERANGE;
		value = value * base + digit;
	}
	if (digits == 0)
		return -EINVAL;
	if (*s == '\n')
		s++;
	if (*s != '\0')
		return -EINVAL;
	*result = value;
	return 0;
}

/* kstrtoll's rules: a leading '-' negates; the magnitude must fit. */
static int kpi_parse_signed(const char *s, long long *result)
{
	unsigned long long magnitude;
	int ret;

	if (*s == '-') {
		ret = kpi_parse_unsigned(s + 1, &magnitude);
		if (ret)
			return ret;
		if (magnitude > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*result = magnitude == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)magnitude;
		return 0;
	}
	ret = kpi_parse_unsigned(s, &magnitude);
	if (ret)
		return ret;
	if (magnitude > LLONG_MAX)
		return -ERANGE;
	*result = magnitude;
	return 0;
}

#define KPI_UNSIGNED_PARAM(name, type, max, format)					\
	int param_set_##name(const char *val, const struct kernel_param *kp)		\
	{										\
		unsigned long long value;						\
		int ret;								\
											\
		if (!val)								\
			return -EINVAL;							\
		ret = kpi_parse_unsigned(val, &value);					\
		if (ret)								\
			return ret;							\
		if (value > (max))							\
			return -ERANGE;							\
		*(type *)kp->arg = value;						\
		return 0;								\
	}										\
	EXPORT_SYMBOL(param_set_##name);						\
	int param_get_##name(char *buffer, const struct kernel_param *kp)		\
	{										\
		return scnprintf(buffer, PAGE_SIZE, format "\n", *(type *)kp->arg);	\
	}										\
	EXPORT_SYMBOL(param_get_##name);						\
	const struct kernel_param_ops param_ops_##name = { .set = param_set_##name, .get = param_get_##name }; \
	EXPORT_SYMBOL(param_ops_##name)

#define KPI_SIGNED_PARAM(name, type, min, max, format)					\
	int param_set_##name(const char *val, const struct kernel_param *kp)		\
	{										\
		long long value;							\
		int ret;								\
											\
		if (!val)								\
			return -EINVAL;							\
		ret = kpi_parse_signed(val, &value);					\
		if (ret)								\
			return ret;							\
		if (value < (min) || value > (max))					\
			return -ERANGE;							\
		*(type *)kp->arg = value;						\
		return 0;								\
	}										\
	EXPORT_SYMBOL(param_set_##name);						\
	int param_get_##name(char *buffer, const struct kernel_param *kp)		\
	{										\
		return scnprintf(buffer, PAGE_SIZE, format "\n", *(type *)kp->arg);	\
	}										\
	EXPORT_SYMBOL(param_get_##name);						\
	const struct kernel_param_ops param_ops_##name = { .set = param_set_##name, .get = param_get_##name }; \
	EXPORT_SYMBOL(param_ops_##name)

KPI_UNSIGNED_PARAM(byte, unsigned char, U8_MAX, "%hhu");
KPI_SIGNED_PARAM(short, short, SHRT_MIN, SHRT_MAX, "%hi");
KPI_UNSIGNED_PARAM(ushort, unsigned short, USHRT_MAX, "%hu");
KPI_SIGNED_PARAM(int, int, INT_MIN, INT_MAX, "%i");
KPI_UNSIGNED_PARAM(uint, unsigned int, UINT_MAX, "%u");
KPI_SIGNED_PARAM(long, long, LONG_MIN, LONG_MAX, "%li");
KPI_UNSIGNED_PARAM(ulong, unsigned long, ULONG_MAX, "%lu");
KPI_UNSIGNED_PARAM(ullong, unsigned long long, ULLONG_MAX, "%llu");
KPI_UNSIGNED_PARAM(hexint, unsigned int, UINT_MAX, "%#08x");

int param_set_uint_minmax(const char *val, const struct kernel_param *kp, unsigned int min, unsigned int max)
{
	unsigned long long value;
	int ret;

	if (!val)
		return -EINVAL;
	ret = kpi_parse_unsigned(val, &value);
	if (ret)
		return ret;
	if (value < min || value > max)
		return -EINVAL;
	*(unsigned int *)kp->arg = value;
	return 0;
}
EXPORT_SYMBOL(param_set_uint_minmax);

/* Linux's charp holds a copy; here the loader's value string already lives as long as the module. */
int param_set_charp(const char *val, const struct kernel_param *kp)
{
	if (!val)
		return -EINVAL;
	if (__builtin_strlen(val) > 1024)
		return -ENOSPC;
	*(const char **)kp->arg = val;
	return 0;
}
EXPORT_SYMBOL(param_set_charp);
const struct kernel_param_ops param_ops_charp = { .set = param_set_charp };
EXPORT_SYMBOL(param_ops_charp);

/* kstrtobool: y/Y/1/on → true, n/N/0/off → false; no value means true. */
static int kpi_parse_bool(const char *s, bool *result)
{
	if (!s)
		s = "1";
	switch (s[0]) {
	case 'y': case 'Y': case '1':
		*result = true;
		return 0;
	case 'n': case 'N': case '0':
		*result = false;
		return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') {
			*result = true;
			return 0;
		}
		if (s[1] == 'f' || s[1] == 'F') {
			*result = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return kpi_parse_bool(val, kp->arg);
}
EXPORT_SYMBOL(param_set_bool);
const struct kernel_param_ops param_ops_bool = { .flags = KERNEL_PARAM_OPS_FL_NOARG, .set = param_set_bool };
EXPORT_SYMBOL(param_ops_bool);

/* Can only be turned on: parameters cannot change after load here, so this is param_set_bool. */
int param_set_bool_enable_only(const char *val, const struct kernel_param *kp)
{
	return param_set_bool(val, kp);
}
EXPORT_SYMBOL(param_set_bool_enable_only);
const struct kernel_param_ops param_ops_bool_enable_only = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG, .set = param_set_bool_enable_only
};
EXPORT_SYMBOL(param_ops_bool_enable_only);

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool value;
	int ret = kpi_parse_bool(val, &value);

	if (ret == 0)
		*(bool *)kp->arg = !value;
	return ret;
}
EXPORT_SYMBOL(param_set_invbool);
const struct kernel_param_ops param_ops_invbool = { .flags = KERNEL_PARAM_OPS_FL_NOARG, .set = param_set_invbool };
EXPORT_SYMBOL(param_ops_invbool);

int param_set_bint(const char *val, const struct kernel_param *kp)
{
	bool value;
	int ret = kpi_parse_bool(val, &value);

	if (ret == 0)
		*(int *)kp->arg = value;
	return ret;
}
EXPORT_SYMBOL(param_set_bint);
const struct kernel_param_ops param_ops_bint = { .flags = KERNEL_PARAM_OPS_FL_NOARG, .set = param_set_bint };
EXPORT_SYMBOL(param_ops_bint);

int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;
	size_t i;

	if (!val)
		return -EINVAL;
	for (i = 0; val[i] != '\0'; i++) {
		if (i + 1 >= kps->maxlen)
			return -ENOSPC;
	}
	__builtin_memcpy(kps->string, val, i + 1);
	return 0;
}
EXPORT_SYMBOL(param_set_copystring);
const struct kernel_param_ops param_ops_string = { .set = param_set_copystring };
EXPORT_SYMBOL(param_ops_string);

/* A comma-separated list, each item set with the element's operations; *num counts the items set. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param element = { .name = kp->name, .mod = kp->mod, .ops = arr->ops, .level = kp->level };
	char *item = (char *)val;
	unsigned int count = 0;
	char separator;
	int ret;

	if (!val)
		return -EINVAL;
	do {
		size_t length = 0;

		if (count == arr->max)
			return -EINVAL;
		while (item[length] != '\0' && item[length] != ',')
			length++;
		separator = item[length];
		item[length] = '\0';
		element.arg = (char *)arr->elem + (size_t)count * arr->elemsize;
		ret = arr->ops->set(item, &element);
		if (ret)
			return ret;
		count++;
		item += length + 1;
	} while (separator == ',');
	if (arr->num)
		*arr->num = count;
	return 0;
}
const struct kernel_param_ops param_array_ops = { .set = param_array_set };
EXPORT_SYMBOL(param_array_ops);

/*
 * Called by the Swift loader: sets parameter `name` of a module being loaded to `value` (NULL for a bare
 * word). -ENOENT when the module has no such parameter, -EINVAL when it needs a value, else the result of
 * the parameter's set operation.
 */
int apus_module_set_param(struct kernel_param *params, unsigned int count, const char *name, const char *value);
int apus_module_set_param(struct kernel_param *params, unsigned int count, const char *name, const char *value)
{
	unsigned int i;

	for (i = 0; i < count; i++) {
		if (!parameq(name, params[i].name))
			continue;
		if (!value && !(params[i].ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			return -EINVAL;
		return params[i].ops->set(value, &params[i]);
	}
	return -ENOENT;
}
