/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory and string functions. memcpy, memmove, memset, memcmp, strlen, strcmp, strncmp, strcpy, strncpy,
 * strcat and strncat are the kernel's own C library (Sources/KernelSupport/lib/string.c); the rest are
 * LinuxKPI/src/string.c. kstrdup and friends allocate with kmalloc.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/stddef.h>
#include <linux/err.h>
#include <linux/array_size.h>
#include <linux/kstrtox.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
int bcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memscan(void *addr, int c, size_t size);
void *memchr_inv(const void *start, int c, size_t bytes);
void *memset16(u16 *s, u16 v, size_t count);
void *memset32(u32 *s, u32 v, size_t count);
void *memset64(u64 *s, u64 v, size_t count);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
ssize_t strscpy(char *dst, const char *src, size_t count);
ssize_t strscpy_pad(char *dst, const char *src, size_t count);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
size_t strlcat(char *dst, const char *src, size_t count);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strchrnul(const char *s, int c);
char *strnchr(const char *s, size_t count, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strnstr(const char *haystack, const char *needle, size_t len);
char *strpbrk(const char *cs, const char *ct);
char *strsep(char **s, const char *ct);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *skip_spaces(const char *str);
char *strim(char *s);
char *strreplace(char *s, char old, char new);

/* Old name of kstrtobool. */
static inline int strtobool(const char *s, bool *res)
{
	return kstrtobool(s, res);
}

/*
 * Copies of "user" buffers: Apus has no user space, so a __user pointer is a kernel pointer and these are
 * kmemdup (with a NUL for _nul); they return ERR_PTR(-ENOMEM) on failure, as Linux's do.
 */
void *memdup_user(const void __user *src, size_t len);
char *memdup_user_nul(const void __user *src, size_t len);

static inline __must_check char *strstrip(char *str)
{
	return strim(str);
}

/* Allocating copies (kfree them; kfree_const for kstrdup_const's result). */
char *kstrdup(const char *s, gfp_t gfp) __malloc;
const char *kstrdup_const(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t len, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp) __malloc;
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
void kfree_const(const void *x);

bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char * const *array, size_t n, const char *string);
int __sysfs_match_string(const char * const *array, size_t n, const char *s);
#define sysfs_match_string(_a, _s) __sysfs_match_string(_a, ARRAY_SIZE(_a), _s)

/* Clears memory the compiler may not elide even when it is never read again (secrets). */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	barrier_data(s);
}

/* Copies count bytes and fills the rest of dest_len with pad. */
static inline void memcpy_and_pad(void *dest, size_t dest_len, const void *src, size_t count, int pad)
{
	if (dest_len > count) {
		memcpy(dest, src, count);
		memset((char *)dest + count, pad, dest_len - count);
	} else {
		memcpy(dest, src, dest_len);
	}
}

/* The length of prefix if str starts with it, else 0. */
static __always_inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

static inline const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

static inline const char *str_yes_no(bool v) { return v ? "yes" : "no"; }
static inline const char *str_on_off(bool v) { return v ? "on" : "off"; }
static inline const char *str_enable_disable(bool v) { return v ? "enable" : "disable"; }
static inline const char *str_enabled_disabled(bool v) { return v ? "enabled" : "disabled"; }
static inline const char *str_true_false(bool v) { return v ? "true" : "false"; }
static inline const char *str_read_write(bool v) { return v ? "read" : "write"; }

/* Struct copies and fills of a member range (the fortified checks of Linux are not provided). */
#define memset_after(obj, v, member)						\
	({									\
		u8 *__ptr = (u8 *)(obj);					\
		typeof(v) __val = (v);						\
		memset(__ptr + offsetofend(typeof(*(obj)), member), __val,	\
		       sizeof(*(obj)) - offsetofend(typeof(*(obj)), member));	\
	})
#define memset_startat(obj, v, member)						\
	({									\
		u8 *__ptr = (u8 *)(obj);					\
		typeof(v) __val = (v);						\
		memset(__ptr + offsetof(typeof(*(obj)), member), __val,		\
		       sizeof(*(obj)) - offsetof(typeof(*(obj)), member));	\
	})
#define unsafe_memcpy(dst, src, bytes, justification) memcpy(dst, src, bytes)

#endif
