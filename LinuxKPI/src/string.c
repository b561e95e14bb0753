// SPDX-License-Identifier: GPL-2.0-only
/*
 * The string and memory functions of lib/string.c that the kernel's own C library
 * (Sources/KernelSupport/lib/string.c: memcpy, memmove, memset, memcmp, strlen, strcmp, strncmp, strcpy,
 * strncpy, strcat, strncat) does not provide, plus the allocating copies (kstrdup …) of mm/util.c.
 * Those C library functions are exported to modules here too.
 */
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/slab.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/limits.h>
#include <linux/kernel.h>

EXPORT_SYMBOL(memcpy);
EXPORT_SYMBOL(memmove);
EXPORT_SYMBOL(memset);
EXPORT_SYMBOL(memcmp);
EXPORT_SYMBOL(strlen);
EXPORT_SYMBOL(strcmp);
EXPORT_SYMBOL(strncmp);
EXPORT_SYMBOL(strcpy);
EXPORT_SYMBOL(strncpy);
EXPORT_SYMBOL(strcat);
EXPORT_SYMBOL(strncat);

int bcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}
EXPORT_SYMBOL(bcmp);

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr);

/* The first byte equal to c, or addr + size if there is none. */
void *memscan(void *addr, int c, size_t size)
{
	unsigned char *p = addr;

	for (; size; size--, p++)
		if (*p == (unsigned char)c)
			return p;
	return p;
}
EXPORT_SYMBOL(memscan);

/* The first byte that is NOT c, or NULL when all bytes are c. */
void *memchr_inv(const void *start, int c, size_t bytes)
{
	const u8 *p = start;
	u8 value = c;

	for (; bytes; bytes--, p++)
		if (*p != value)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr_inv);

void *memset16(u16 *s, u16 v, size_t count)
{
	for (size_t i = 0; i < count; i++)
		s[i] = v;
	return s;
}
EXPORT_SYMBOL(memset16);

void *memset32(u32 *s, u32 v, size_t count)
{
	for (size_t i = 0; i < count; i++)
		s[i] = v;
	return s;
}
EXPORT_SYMBOL(memset32);

void *memset64(u64 *s, u64 v, size_t count)
{
	for (size_t i = 0; i < count; i++)
		s[i] = v;
	return s;
}
EXPORT_SYMBOL(memset64);

size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}
EXPORT_SYMBOL(strnlen);

/* Copies with truncation to size - 1 bytes and always a NUL (size > 0); returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t ret = strlen(src);

	if (size) {
		size_t len = ret >= size ? size - 1 : ret;

		memcpy(dst, src, len);
		dst[len] = '\0';
	}
	return ret;
}
EXPORT_SYMBOL(strlcpy);

/* Copies with a NUL always; returns the length copied or -E2BIG when truncated (or count is 0). */
ssize_t strscpy(char *dst, const char *src, size_t count)
{
	size_t i;

	if (count == 0 || count > INT_MAX)
		return -E2BIG;
	for (i = 0; i < count; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	dst[count - 1] = '\0';
	return -E2BIG;
}
EXPORT_SYMBOL(strscpy);

/* strscpy, then NULs up to count. */
ssize_t strscpy_pad(char *dst, const char *src, size_t count)
{
	ssize_t written = strscpy(dst, src, count);

	if (written < 0 || written == count - 1)
		return written;
	memset(dst + written + 1, 0, count - written - 1);
	return written;
}
EXPORT_SYMBOL(strscpy_pad);

/* Appends with the total kept below count bytes; returns the length it tried to create. */
size_t strlcat(char *dst, const char *src, size_t count)
{
	size_t dsize = strlen(dst);
	size_t len = strlen(src);
	size_t res = dsize + len;

	if (dsize >= count)
		return count + len;
	dst += dsize;
	count -= dsize;
	if (len >= count)
		len = count - 1;
	memcpy(dst, src, len);
	dst[len] = 0;
	return res;
}
EXPORT_SYMBOL(strlcat);

int strcasecmp(const char *a, const char *b)
{
	int c1, c2;

	do {
		c1 = tolower(*a++);
		c2 = tolower(*b++);
	} while (c1 == c2 && c1 != 0);
	return c1 - c2;
}
EXPORT_SYMBOL(strcasecmp);

int strncasecmp(const char *a, const char *b, size_t n)
{
	unsigned char c1, c2;

	if (!n)
		return 0;
	do {
		c1 = *a++;
		c2 = *b++;
		if (!c1 || !c2)
			break;
		if (c1 == c2)
			continue;
		c1 = tolower(c1);
		c2 = tolower(c2);
		if (c1 != c2)
			break;
	} while (--n);
	return (int)c1 - (int)c2;
}
EXPORT_SYMBOL(strncasecmp);

char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++)
		if (*s == '\0')
			return NULL;
	return (char *)s;
}
EXPORT_SYMBOL(strchr);

/* The first c in s, or the terminating NUL. */
char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)s;
}
EXPORT_SYMBOL(strchrnul);

char *strnchr(const char *s, size_t count, int c)
{
	while (count--) {
		if (*s == (char)c)
			return (char *)s;
		if (*s++ == '\0')
			break;
	}
	return NULL;
}
EXPORT_SYMBOL(strnchr);

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}
EXPORT_SYMBOL(strrchr);

char *strstr(const char *haystack, const char *needle)
{
	size_t l2 = strlen(needle);
	size_t l1;

	if (!l2)
		return (char *)haystack;
	l1 = strlen(haystack);
	while (l1 >= l2) {
		l1--;
		if (!memcmp(haystack, needle, l2))
			return (char *)haystack;
		haystack++;
	}
	return NULL;
}
EXPORT_SYMBOL(strstr);

/* strstr within the first len bytes of haystack. */
char *strnstr(const char *haystack, const char *needle, size_t len)
{
	size_t l2 = strlen(needle);

	if (!l2)
		return (char *)haystack;
	while (len >= l2) {
		len--;
		if (!memcmp(haystack, needle, l2))
			return (char *)haystack;
		haystack++;
	}
	return NULL;
}
EXPORT_SYMBOL(strnstr);

char *strpbrk(const char *cs, const char *ct)
{
	for (; *cs; cs++)
		if (strchr(ct, *cs))
			return (char *)cs;
	return NULL;
}
EXPORT_SYMBOL(strpbrk);

/* Splits *s at the first byte of ct: NUL-terminates the token, advances *s past it (NULL at the end). */
char *strsep(char **s, const char *ct)
{
	char *sbegin = *s;
	char *end;

	if (sbegin == NULL)
		return NULL;
	end = strpbrk(sbegin, ct);
	if (end)
		*end++ = '\0';
	*s = end;
	return sbegin;
}
EXPORT_SYMBOL(strsep);

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}
EXPORT_SYMBOL(strspn);

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}
EXPORT_SYMBOL(strcspn);

char *skip_spaces(const char *str)
{
	while (isspace(*str))
		++str;
	return (char *)str;
}
EXPORT_SYMBOL(skip_spaces);

/* Removes trailing whitespace in place and returns the string past leading whitespace. */
char *strim(char *s)
{
	size_t size = strlen(s);
	char *end;

	if (!size)
		return s;
	end = s + size - 1;
	while (end >= s && isspace(*end))
		end--;
	*(end + 1) = '\0';
	return skip_spaces(s);
}
EXPORT_SYMBOL(strim);

char *strreplace(char *s, char old, char new)
{
	for (; *s; ++s)
		if (*s == old)
			*s = new;
	return s;
}
EXPORT_SYMBOL(strreplace);

/* Equal, ignoring one trailing newline on either side (sysfs input). */
bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	if (*s1 == '\n' && !s1[1] && !*s2)
		return true;
	return false;
}
EXPORT_SYMBOL(sysfs_streq);

/* The index of string in array (stopping at a NULL entry), or -EINVAL. */
int match_string(const char * const *array, size_t n, const char *string)
{
	for (size_t index = 0; index < n; index++) {
		if (!array[index])
			break;
		if (!strcmp(array[index], string))
			return index;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(match_string);

int __sysfs_match_string(const char * const *array, size_t n, const char *str)
{
	for (size_t index = 0; index < n; index++) {
		if (!array[index])
			continue;
		if (sysfs_streq(array[index], str))
			return index;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(__sysfs_match_string);

/* ---- allocating copies ---- */

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}
EXPORT_SYMBOL(kstrdup);

/* Whether x lies in the kernel image's read-only data (string literals), which never needs copying. */
extern const char __rodata_start[], __rodata_end[];

static bool lkpi_is_kernel_rodata(const void *x)
{
	return (const char *)x >= __rodata_start && (const char *)x < __rodata_end;
}

/* Returns s itself when it is a constant of the kernel image, else a copy; free with kfree_const. */
const char *kstrdup_const(const char *s, gfp_t gfp)
{
	if (lkpi_is_kernel_rodata(s))
		return s;
	return kstrdup(s, gfp);
}
EXPORT_SYMBOL(kstrdup_const);

void kfree_const(const void *x)
{
	if (!lkpi_is_kernel_rodata(x))
		kfree(x);
}
EXPORT_SYMBOL(kfree_const);

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kstrndup);

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);

void *memdup_user(const void __user *src, size_t len)
{
	void *p = kmemdup(src, len, GFP_KERNEL);

	return p ? p : ERR_PTR(-ENOMEM);
}
EXPORT_SYMBOL(memdup_user);

char *memdup_user_nul(const void __user *src, size_t len)
{
	char *p = kmemdup_nul(src, len, GFP_KERNEL);

	return p ? p : ERR_PTR(-ENOMEM);
}
EXPORT_SYMBOL(memdup_user_nul);

/* len bytes of s and a NUL. */
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *buf;

	if (!s)
		return NULL;
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kmemdup_nul);
