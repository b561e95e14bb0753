// SPDX-License-Identifier: GPL-2.0-only
/*
 * String to integer: the strict kstrto* family (the whole string is one number, optionally followed by a
 * single newline; -EINVAL for anything else, -ERANGE when it does not fit) and the lenient simple_strto*.
 */
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/limits.h>

/* Skips a base prefix ("0x" for 16 or auto, "0" for auto = octal) and settles the base. */
static const char *lkpi_parse_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if (_tolower(s[1]) == 'x' && isxdigit(s[2]))
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && _tolower(s[1]) == 'x')
		s += 2;
	return s;
}

/*
 * Reads digits of `base` into *res; returns how many were read, with bit 31 set if the value overflowed
 * 64 bits (the digits are still consumed).
 */
#define LKPI_OVERFLOW (1U << 31)
static unsigned int lkpi_parse_digits(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long value = 0;
	unsigned int count = 0;
	bool overflow = false;

	for (;; s++, count++) {
		unsigned int digit;

		if (isdigit(*s))
			digit = *s - '0';
		else if (_tolower(*s) >= 'a' && _tolower(*s) <= 'f')
			digit = _tolower(*s) - 'a' + 10;
		else
			break;
		if (digit >= base)
			break;
		if (__builtin_mul_overflow(value, base, &value) || __builtin_add_overflow(value, digit, &value))
			overflow = true;
	}
	*res = value;
	return count | (overflow ? LKPI_OVERFLOW : 0);
}

static int lkpi_kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long value;
	unsigned int rv;

	s = lkpi_parse_base(s, &base);
	rv = lkpi_parse_digits(s, base, &value);
	if (rv & LKPI_OVERFLOW)
		return -ERANGE;
	if (rv == 0)
		return -EINVAL;
	s += rv;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = value;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return lkpi_kstrtoull(s, base, res);
}
EXPORT_SYMBOL(kstrtoull);

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long tmp;
	int rv;

	if (s[0] == '-') {
		rv = lkpi_kstrtoull(s + 1, base, &tmp);
		if (rv < 0)
			return rv;
		if ((long long)-tmp > 0)
			return -ERANGE;
		*res = -tmp;
	} else {
		rv = kstrtoull(s, base, &tmp);
		if (rv < 0)
			return rv;
		if ((long long)tmp < 0)
			return -ERANGE;
		*res = tmp;
	}
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

/* The narrower forms: parse at 64 bits, then check the range of the target type. */
#define LKPI_KSTRTO_UNSIGNED(name, type, maximum)				\
	int name(const char *s, unsigned int base, type *res)			\
	{									\
		unsigned long long tmp;						\
		int rv = kstrtoull(s, base, &tmp);				\
										\
		if (rv < 0)							\
			return rv;						\
		if (tmp > (maximum))						\
			return -ERANGE;						\
		*res = tmp;							\
		return 0;							\
	}									\
	EXPORT_SYMBOL(name)
#define LKPI_KSTRTO_SIGNED(name, type, minimum, maximum)			\
	int name(const char *s, unsigned int base, type *res)			\
	{									\
		long long tmp;							\
		int rv = kstrtoll(s, base, &tmp);				\
										\
		if (rv < 0)							\
			return rv;						\
		if (tmp < (minimum) || tmp > (maximum))				\
			return -ERANGE;						\
		*res = tmp;							\
		return 0;							\
	}									\
	EXPORT_SYMBOL(name)

LKPI_KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX);
LKPI_KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX);
LKPI_KSTRTO_UNSIGNED(kstrtou16, u16, U16_MAX);
LKPI_KSTRTO_SIGNED(kstrtos16, s16, S16_MIN, S16_MAX);
LKPI_KSTRTO_UNSIGNED(kstrtou8, u8, U8_MAX);
LKPI_KSTRTO_SIGNED(kstrtos8, s8, S8_MIN, S8_MAX);

/* y/Y/1/on → true, n/N/0/off → false (only the first one or two characters count, as in Linux). */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y':
	case 'Y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'N':
	case '0':
		*res = false;
		return 0;
	case 'o':
	case 'O':
		switch (s[1]) {
		case 'n':
		case 'N':
			*res = true;
			return 0;
		case 'f':
		case 'F':
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);

/* Parses as many digits as there are (overflow wraps silently, as in Linux) and stores the end in *endp. */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long result;
	unsigned int rv;

	cp = lkpi_parse_base(cp, &base);
	rv = lkpi_parse_digits(cp, base, &result);
	cp += rv & ~LKPI_OVERFLOW;
	if (endp)
		*endp = (char *)cp;
	return result;
}
EXPORT_SYMBOL(simple_strtoull);

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtoul);

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -simple_strtoul(cp + 1, endp, base);
	return simple_strtoul(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtol);

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return -simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtoll);
