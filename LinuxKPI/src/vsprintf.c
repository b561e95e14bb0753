// SPDX-License-Identifier: GPL-2.0-only
/*
 * vsnprintf and friends with the Linux extensions drivers use. Conversions: d i u o x X c s p % with
 * flags - + space # 0, field width and precision (digits or *), length modifiers hh h l ll L z Z t j;
 * %n is refused (ignored, as Linux does). Pointer extensions:
 *   %p %px %pK  the address as 16 hex digits (pointers are not hashed in Apus: no_hash_pointers)
 *   %pS %ps %pB the function: name+0xoff/0xsize (%pS, %pB) or name (%ps), then " [module]" for a module's
 *               (whose size is unknown: no /0xsize); the address in hex when no function contains it
 *   %pM %pMR %pMF %pm %pmR  MAC addresses        %pI4 %pi4 %pI6 %pi6 %pI6c  IP addresses
 *   %pa[p] %pad  phys_addr_t / dma_addr_t by reference    %pe  error pointers as -ENAME
 *   %*ph[CDN]    hex bytes     %pU[bBlL]  UUIDs     %pV  nested struct va_format    %pNF netdev features
 * Other extensions print the address, as Linux does for ones it does not know.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/slab.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/limits.h>
#include <asm/page.h>
#include <linux/bug.h>
#include <apus/bridge.h>

#define ZEROPAD 1  /* pad with zero */
#define SIGN 2	   /* unsigned/signed long */
#define PLUS 4	   /* show plus */
#define SPACE 8	   /* space if plus */
#define LEFT 16	   /* left justified */
#define SMALL 32   /* use lowercase in hex (must be 32 == 0x20) */
#define SPECIAL 64 /* prefix hex with "0x", octal with "0" */

struct printf_spec {
	unsigned int flags;
	int field_width; /* -1: none */
	int precision;	 /* -1: none */
	unsigned int base;
};

static void put(char **buf, char *end, char c)
{
	if (*buf < end)
		**buf = c;
	(*buf)++;
}

/* Formats num per spec; num holds a signed value when spec.flags has SIGN. */
static char *number(char *buf, char *end, unsigned long long num, struct printf_spec spec)
{
	static const char digits[] = "0123456789ABCDEF";
	char tmp[3 * sizeof(num)];
	char sign = 0;
	char locase = spec.flags & SMALL;
	int need_pfx = (spec.flags & SPECIAL) && spec.base != 10;
	int i = 0;
	int precision = spec.precision;
	int width = spec.field_width;

	if (spec.flags & LEFT)
		spec.flags &= ~ZEROPAD;
	if (spec.flags & SIGN) {
		if ((long long)num < 0) {
			sign = '-';
			num = -(long long)num;
			width--;
		} else if (spec.flags & PLUS) {
			sign = '+';
			width--;
		} else if (spec.flags & SPACE) {
			sign = ' ';
			width--;
		}
	}
	if (need_pfx)
		width -= spec.base == 16 ? 2 : 1;
	if (num == 0 && precision == 0) {
		/* %.0d of 0 prints no digits */
	} else if (num == 0) {
		tmp[i++] = '0';
	} else {
		while (num) {
			tmp[i++] = digits[num % spec.base] | locase;
			num /= spec.base;
		}
	}
	if (i > precision)
		precision = i;
	width -= precision;
	if (!(spec.flags & (ZEROPAD | LEFT)))
		while (--width >= 0)
			put(&buf, end, ' ');
	if (sign)
		put(&buf, end, sign);
	if (need_pfx) {
		if (spec.base == 16 || !(i > 0 && tmp[i - 1] == '0'))
			put(&buf, end, '0');
		if (spec.base == 16)
			put(&buf, end, 'X' | locase);
	}
	if (!(spec.flags & LEFT)) {
		char c = spec.flags & ZEROPAD ? '0' : ' ';

		while (--width >= 0)
			put(&buf, end, c);
	}
	while (i <= --precision)
		put(&buf, end, '0');
	while (--i >= 0)
		put(&buf, end, tmp[i]);
	while (--width >= 0)
		put(&buf, end, ' ');
	return buf;
}

/* Pads the len bytes already written before buf to the field width. */
static char *widen(char *buf, char *end, int len, struct printf_spec spec)
{
	int spaces = spec.field_width - len;

	if (spaces <= 0)
		return buf;
	if (!(spec.flags & LEFT)) {
		/* Right-aligned: move the text right, then fill the gap. */
		char *start = buf - len;

		for (int i = len - 1; i >= 0; i--)
			if (start + i + spaces < end)
				start[i + spaces] = start[i];
		for (int i = 0; i < spaces; i++)
			if (start + i < end)
				start[i] = ' ';
		return buf + spaces;
	}
	while (spaces-- > 0)
		put(&buf, end, ' ');
	return buf;
}

static char *string_nocheck(char *buf, char *end, const char *s, struct printf_spec spec)
{
	int len = 0;
	int lim = spec.precision;

	while (lim--) {
		char c = *s++;

		if (!c)
			break;
		put(&buf, end, c);
		len++;
	}
	return widen(buf, end, len, spec);
}

/* %s: NULL prints "(null)", other addresses in the first page or error pointers "(efault)". */
static char *string(char *buf, char *end, const char *s, struct printf_spec spec)
{
	if (!s)
		return string_nocheck(buf, end, "(null)", spec);
	if ((unsigned long)s < PAGE_SIZE || IS_ERR(s))
		return string_nocheck(buf, end, "(efault)", spec);
	return string_nocheck(buf, end, s, spec);
}

static char *pointer_raw(char *buf, char *end, const void *ptr, struct printf_spec spec)
{
	spec.base = 16;
	spec.flags |= SMALL;
	if (spec.field_width == -1) {
		spec.field_width = 2 * sizeof(ptr);
		spec.flags |= ZEROPAD;
	}
	return number(buf, end, (unsigned long)ptr, spec);
}

static char *symbol_string(char *buf, char *end, void *ptr, struct printf_spec spec, const char *fmt)
{
	char sym[128], module[64];
	unsigned long address = (unsigned long)ptr;
	unsigned long offset, size;
	size_t len;
	char *start = buf;
	struct printf_spec hex = { .flags = SPECIAL | SMALL, .field_width = -1, .precision = -1, .base = 16 };

	/* %pB: a return address, which points after the call: name the call's function. */
	if (fmt[0] == 'B')
		address--;
	len = apus_symbol_lookup(address, sym, sizeof(sym), &offset, &size, module, sizeof(module));
	if (len == 0) {
		buf = number(buf, end, (unsigned long)ptr, hex);
		return widen(buf, end, buf - start, spec);
	}
	if (fmt[0] == 'B')
		offset++;
	for (size_t i = 0; i < len; i++)
		put(&buf, end, sym[i]);
	if (fmt[0] != 's') {
		put(&buf, end, '+');
		buf = number(buf, end, offset, hex);
		if (size) {
			put(&buf, end, '/');
			buf = number(buf, end, size, hex);
		}
	}
	if (module[0]) {
		put(&buf, end, ' ');
		put(&buf, end, '[');
		for (const char *p = module; *p; p++)
			put(&buf, end, *p);
		put(&buf, end, ']');
	}
	return widen(buf, end, buf - start, spec);
}

/* %pM[RF], %pm[R]: six bytes as hex pairs, ':' or '-' between them unless %pm. */
static char *mac_address_string(char *buf, char *end, const u8 *addr, struct printf_spec spec,
				const char *fmt)
{
	char separator = fmt[1] == 'F' ? '-' : ':';
	bool reversed = fmt[1] == 'R';
	char *start = buf;

	for (int i = 0; i < 6; i++) {
		u8 byte = reversed ? addr[5 - i] : addr[i];

		put(&buf, end, hex_asc_hi(byte));
		put(&buf, end, hex_asc_lo(byte));
		if (fmt[0] == 'M' && i != 5)
			put(&buf, end, separator);
	}
	return widen(buf, end, buf - start, spec);
}

static char *ip4_string(char *buf, char *end, const u8 *addr, struct printf_spec spec, bool leading_zeros)
{
	struct printf_spec dec = { .flags = 0, .field_width = -1, .precision = -1, .base = 10 };
	char *start = buf;

	if (leading_zeros)
		dec.precision = 3;
	for (int i = 0; i < 4; i++) {
		buf = number(buf, end, addr[i], dec);
		if (i != 3)
			put(&buf, end, '.');
	}
	return widen(buf, end, buf - start, spec);
}

/* %pI6: eight groups of four hex digits; %pi6: 32 hex digits; %pI6c: RFC 5952 (the longest zero run as ::). */
static char *ip6_string(char *buf, char *end, const u8 *addr, struct printf_spec spec, const char *fmt)
{
	struct printf_spec hex = { .flags = SMALL, .field_width = -1, .precision = -1, .base = 16 };
	char *start = buf;
	u16 group[8];
	int best = -1, best_len = 0;

	for (int i = 0; i < 8; i++)
		group[i] = (addr[2 * i] << 8) | addr[2 * i + 1];
	if (fmt[0] == 'i') {
		for (int i = 0; i < 16; i++) {
			put(&buf, end, hex_asc_hi(addr[i]));
			put(&buf, end, hex_asc_lo(addr[i]));
		}
		return widen(buf, end, buf - start, spec);
	}
	if (fmt[2] != 'c') {
		hex.precision = 4;
		for (int i = 0; i < 8; i++) {
			buf = number(buf, end, group[i], hex);
			if (i != 7)
				put(&buf, end, ':');
		}
		return widen(buf, end, buf - start, spec);
	}
	for (int i = 0; i < 8;) {
		int run = 0;

		while (i + run < 8 && group[i + run] == 0)
			run++;
		if (run > best_len) {
			best = i;
			best_len = run;
		}
		i += run ? run : 1;
	}
	if (best_len < 2)
		best = -1;
	for (int i = 0; i < 8; i++) {
		if (i == best) {
			put(&buf, end, ':');
			if (i == 0)
				put(&buf, end, ':');
			i += best_len - 1;
			continue;
		}
		buf = number(buf, end, group[i], hex);
		if (i != 7)
			put(&buf, end, ':');
	}
	return widen(buf, end, buf - start, spec);
}

#define E(name) [name] = #name
static const char *const errnames[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG), E(ENOEXEC), E(EBADF), E(ECHILD),
	E(EAGAIN), E(ENOMEM), E(EACCES), E(EFAULT), E(ENOTBLK), E(EBUSY), E(EEXIST), E(EXDEV), E(ENODEV),
	E(ENOTDIR), E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY), E(ETXTBSY), E(EFBIG), E(ENOSPC),
	E(ESPIPE), E(EROFS), E(EMLINK), E(EPIPE), E(EDOM), E(ERANGE), E(EDEADLK), E(ENAMETOOLONG), E(ENOLCK),
	E(ENOSYS), E(ENOTEMPTY), E(ELOOP), E(ENOMSG), E(EIDRM), E(ECHRNG), E(EL2NSYNC), E(EL3HLT), E(EL3RST),
	E(ELNRNG), E(EUNATCH), E(ENOCSI), E(EL2HLT), E(EBADE), E(EBADR), E(EXFULL), E(ENOANO), E(EBADRQC),
	E(EBADSLT), E(EBFONT), E(ENOSTR), E(ENODATA), E(ETIME), E(ENOSR), E(ENONET), E(ENOPKG), E(EREMOTE),
	E(ENOLINK), E(EADV), E(ESRMNT), E(ECOMM), E(EPROTO), E(EMULTIHOP), E(EDOTDOT), E(EBADMSG), E(EOVERFLOW),
	E(ENOTUNIQ), E(EBADFD), E(EREMCHG), E(ELIBACC), E(ELIBBAD), E(ELIBSCN), E(ELIBMAX), E(ELIBEXEC), E(EILSEQ),
	E(ERESTART), E(ESTRPIPE), E(EUSERS), E(ENOTSOCK), E(EDESTADDRREQ), E(EMSGSIZE), E(EPROTOTYPE),
	E(ENOPROTOOPT), E(EPROTONOSUPPORT), E(ESOCKTNOSUPPORT), E(EOPNOTSUPP), E(EPFNOSUPPORT), E(EAFNOSUPPORT),
	E(EADDRINUSE), E(EADDRNOTAVAIL), E(ENETDOWN), E(ENETUNREACH), E(ENETRESET), E(ECONNABORTED), E(ECONNRESET),
	E(ENOBUFS), E(EISCONN), E(ENOTCONN), E(ESHUTDOWN), E(ETOOMANYREFS), E(ETIMEDOUT), E(ECONNREFUSED),
	E(EHOSTDOWN), E(EHOSTUNREACH), E(EALREADY), E(EINPROGRESS), E(ESTALE), E(EUCLEAN), E(ENOTNAM), E(ENAVAIL),
	E(EISNAM), E(EREMOTEIO), E(EDQUOT), E(ENOMEDIUM), E(EMEDIUMTYPE), E(ECANCELED), E(ENOKEY), E(EKEYEXPIRED),
	E(EKEYREVOKED), E(EKEYREJECTED), E(EOWNERDEAD), E(ENOTRECOVERABLE), E(ERFKILL), E(EHWPOISON),
	E(ERESTARTSYS), E(ERESTARTNOINTR), E(ERESTARTNOHAND), E(ENOIOCTLCMD), E(EOPENSTALE), E(ENOPARAM),
	E(EBADHANDLE), E(ENOTSYNC), E(EBADCOOKIE), E(ENOTSUPP), E(ETOOSMALL), E(ESERVERFAULT), E(EBADTYPE),
	E(EJUKEBOX), E(EIOCBQUEUED), E(ERECALLCONFLICT), E(ENOGRACE),
};
#undef E

/* %pe: the error's name (-ENOMEM), or its number when it has none; a non-error pointer as %p. */
static char *error_string(char *buf, char *end, const void *ptr, struct printf_spec spec)
{
	long err = PTR_ERR(ptr);
	struct printf_spec dec = { .flags = SIGN, .field_width = -1, .precision = -1, .base = 10 };
	char *start = buf;

	if (!IS_ERR(ptr))
		return pointer_raw(buf, end, ptr, spec);
	if (-err < (long)ARRAY_SIZE(errnames) && errnames[-err]) {
		put(&buf, end, '-');
		for (const char *p = errnames[-err]; *p; p++)
			put(&buf, end, *p);
	} else {
		buf = number(buf, end, err, dec);
	}
	return widen(buf, end, buf - start, spec);
}

/* %*ph[CDN]: field-width bytes (1 without a width, at most 64) as hex pairs. */
static char *hex_string(char *buf, char *end, const u8 *addr, struct printf_spec spec, const char *fmt)
{
	char separator;
	int len;

	if (spec.field_width == 0)
		return buf;
	switch (fmt[1]) {
	case 'C':
		separator = ':';
		break;
	case 'D':
		separator = '-';
		break;
	case 'N':
		separator = 0;
		break;
	default:
		separator = ' ';
		break;
	}
	len = spec.field_width > 0 ? min(spec.field_width, 64) : 1;
	for (int i = 0; i < len; i++) {
		put(&buf, end, hex_asc_hi(addr[i]));
		put(&buf, end, hex_asc_lo(addr[i]));
		if (separator && i != len - 1)
			put(&buf, end, separator);
	}
	return buf;
}

/* %pU[bBlL]: 16 bytes as 8-4-4-4-12 hex digits; l/L put the first three fields little-endian. */
static char *uuid_string(char *buf, char *end, const u8 *addr, struct printf_spec spec, const char *fmt)
{
	static const u8 be_order[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
	static const u8 le_order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	const u8 *order = be_order;
	bool upper = false;
	char *start = buf;

	switch (fmt[1]) {
	case 'L':
		upper = true;
		fallthrough;
	case 'l':
		order = le_order;
		break;
	case 'B':
		upper = true;
		break;
	}
	for (int i = 0; i < 16; i++) {
		u8 byte = addr[order[i]];

		put(&buf, end, upper ? hex_asc_upper_hi(byte) : hex_asc_hi(byte));
		put(&buf, end, upper ? hex_asc_upper_lo(byte) : hex_asc_lo(byte));
		if (i == 3 || i == 5 || i == 7 || i == 9)
			put(&buf, end, '-');
	}
	return widen(buf, end, buf - start, spec);
}

/* An address of 64 bits by reference, as 0x and 16 digits (%pa, %pad, %pNF). */
static char *address_val(char *buf, char *end, const void *addr)
{
	struct printf_spec spec = { .flags = SPECIAL | SMALL | ZEROPAD, .field_width = 18, .precision = -1,
				    .base = 16 };

	return number(buf, end, *(const u64 *)addr, spec);
}

/* Dereferencing a NULL or error pointer would fault: print "(null)"/"(efault)" instead. */
static bool bad_pointer(char **buf, char *end, const void *ptr, struct printf_spec spec)
{
	if (!ptr) {
		*buf = string_nocheck(*buf, end, "(null)", spec);
		return true;
	}
	if ((unsigned long)ptr < PAGE_SIZE || IS_ERR(ptr)) {
		*buf = string_nocheck(*buf, end, "(efault)", spec);
		return true;
	}
	return false;
}

/* One %p conversion; fmt points after the 'p'. The caller skips the alphanumerics that follow. */
static char *pointer(const char *fmt, char *buf, char *end, void *ptr, struct printf_spec spec)
{
	switch (*fmt) {
	case 'S':
	case 's':
	case 'B':
	case 'F':
	case 'f':
		return symbol_string(buf, end, ptr, spec, *fmt == 'f' ? "s" : *fmt == 'F' ? "S" : fmt);
	case 'e':
		return error_string(buf, end, ptr, spec);
	case 'x':
	case 'K':
		return pointer_raw(buf, end, ptr, spec);
	}
	switch (*fmt) {
	case 'M':
	case 'm':
	case 'I':
	case 'i':
	case 'h':
	case 'U':
	case 'a':
	case 'V':
	case 'N':
		if (bad_pointer(&buf, end, ptr, spec))
			return buf;
		break;
	default:
		return pointer_raw(buf, end, ptr, spec);
	}
	switch (*fmt) {
	case 'M':
	case 'm':
		return mac_address_string(buf, end, ptr, spec, fmt);
	case 'I':
	case 'i':
		if (fmt[1] == '4')
			return ip4_string(buf, end, ptr, spec, *fmt == 'i');
		if (fmt[1] == '6')
			return ip6_string(buf, end, ptr, spec, fmt);
		return pointer_raw(buf, end, ptr, spec);
	case 'h':
		return hex_string(buf, end, ptr, spec, fmt);
	case 'U':
		return uuid_string(buf, end, ptr, spec, fmt);
	case 'a':
		return address_val(buf, end, ptr);
	case 'N':
		if (fmt[1] == 'F')
			return address_val(buf, end, ptr);
		return pointer_raw(buf, end, ptr, spec);
	case 'V': {
		const struct va_format *vaf = ptr;
		va_list va;

		va_copy(va, *vaf->va);
		buf += vsnprintf(buf, end > buf ? end - buf : 0, vaf->fmt, va);
		va_end(va);
		return buf;
	}
	}
	return pointer_raw(buf, end, ptr, spec);
}

/* Reads a decimal number at *s and advances past it. */
static int skip_atoi(const char **s)
{
	int i = 0;

	do {
		i = i * 10 + *((*s)++) - '0';
	} while (isdigit(**s));
	return i;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	char *str = buf;
	char *end;

	if (WARN_ON_ONCE(size > INT_MAX))
		return 0;
	end = buf + size;
	/* A buffer ending beyond the address space: clamp (size 0 with buf NULL is fine). */
	if (end < buf) {
		end = ((void *)-1);
		size = end - buf;
	}
	while (*fmt) {
		struct printf_spec spec = { .flags = 0, .field_width = -1, .precision = -1, .base = 10 };
		int qualifier = 0;

		if (*fmt != '%') {
			put(&str, end, *fmt++);
			continue;
		}
		fmt++;
		/* flags */
		for (;; fmt++) {
			if (*fmt == '-')
				spec.flags |= LEFT;
			else if (*fmt == '+')
				spec.flags |= PLUS;
			else if (*fmt == ' ')
				spec.flags |= SPACE;
			else if (*fmt == '#')
				spec.flags |= SPECIAL;
			else if (*fmt == '0')
				spec.flags |= ZEROPAD;
			else
				break;
		}
		/* field width */
		if (isdigit(*fmt)) {
			spec.field_width = skip_atoi(&fmt);
		} else if (*fmt == '*') {
			spec.field_width = va_arg(args, int);
			if (spec.field_width < 0) {
				spec.field_width = -spec.field_width;
				spec.flags |= LEFT;
			}
			fmt++;
		}
		/* precision */
		if (*fmt == '.') {
			fmt++;
			if (isdigit(*fmt)) {
				spec.precision = skip_atoi(&fmt);
			} else if (*fmt == '*') {
				spec.precision = va_arg(args, int);
				fmt++;
			} else {
				spec.precision = 0;
			}
			if (spec.precision < 0)
				spec.precision = 0;
		}
		/* length modifier */
		if (*fmt == 'h' || _tolower(*fmt) == 'l' || *fmt == 'z' || *fmt == 'Z' || *fmt == 't' || *fmt == 'j') {
			qualifier = *fmt++;
			if (qualifier == fmt[0] && (qualifier == 'l' || qualifier == 'h')) {
				qualifier = qualifier == 'l' ? 'L' : 'H';
				fmt++;
			}
		}

		switch (*fmt) {
		case 'c': {
			char c = (unsigned char)va_arg(args, int);
			int pad = spec.field_width - 1;

			if (!(spec.flags & LEFT))
				while (pad-- > 0)
					put(&str, end, ' ');
			put(&str, end, c);
			while (pad-- > 0)
				put(&str, end, ' ');
			fmt++;
			continue;
		}
		case 's':
			str = string(str, end, va_arg(args, char *), spec);
			fmt++;
			continue;
		case 'p':
			fmt++;
			str = pointer(fmt, str, end, va_arg(args, void *), spec);
			while (isalnum(*fmt))
				fmt++;
			continue;
		case '%':
			put(&str, end, '%');
			fmt++;
			continue;
		case 'n':
			/* Writing through %n is refused (a format-string attack vector); the argument is consumed. */
			(void)va_arg(args, void *);
			fmt++;
			continue;
		case 'o':
			spec.base = 8;
			break;
		case 'x':
			spec.flags |= SMALL;
			fallthrough;
		case 'X':
			spec.base = 16;
			break;
		case 'd':
		case 'i':
			spec.flags |= SIGN;
			break;
		case 'u':
			break;
		case '\0':
			continue;
		default:
			/* An unknown conversion: print it as it stands. */
			put(&str, end, '%');
			put(&str, end, *fmt++);
			continue;
		}
		fmt++;
		{
			unsigned long long num;

			switch (qualifier) {
			case 'L':
			case 'j':
				num = va_arg(args, unsigned long long);
				break;
			case 'l':
			case 'z':
			case 'Z':
			case 't':
				num = va_arg(args, unsigned long);
				if (spec.flags & SIGN)
					num = (long)num;
				break;
			case 'H':
				num = (unsigned char)va_arg(args, int);
				if (spec.flags & SIGN)
					num = (signed char)num;
				break;
			case 'h':
				num = (unsigned short)va_arg(args, int);
				if (spec.flags & SIGN)
					num = (short)num;
				break;
			default:
				num = va_arg(args, unsigned int);
				if (spec.flags & SIGN)
					num = (int)num;
				break;
			}
			str = number(str, end, num, spec);
		}
	}
	if (size > 0) {
		if (str < end)
			*str = '\0';
		else
			end[-1] = '\0';
	}
	return str - buf;
}
EXPORT_SYMBOL(vsnprintf);

/* The number of characters written into buf (not counting the NUL), never more than size - 1. */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int i;

	if (unlikely(!size))
		return 0;
	i = vsnprintf(buf, size, fmt, args);
	if (likely(i < size))
		return i;
	return size - 1;
}
EXPORT_SYMBOL(vscnprintf);

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int i;

	va_start(args, fmt);
	i = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return i;
}
EXPORT_SYMBOL(snprintf);

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int i;

	va_start(args, fmt);
	i = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return i;
}
EXPORT_SYMBOL(scnprintf);

int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, INT_MAX, fmt, args);
}
EXPORT_SYMBOL(vsprintf);

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int i;

	va_start(args, fmt);
	i = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return i;
}
EXPORT_SYMBOL(sprintf);

char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	unsigned int first, second;
	char *p;
	va_list aq;

	va_copy(aq, ap);
	first = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	p = kmalloc(first + 1, gfp);
	if (!p)
		return NULL;
	second = vsnprintf(p, first + 1, fmt, ap);
	WARN(first != second, "different return values (%u and %u) from vsnprintf(\"%s\", ...)", first, second,
	     fmt);
	return p;
}
EXPORT_SYMBOL(kvasprintf);

/* A format without conversions is returned as it is (kfree_const frees either kind). */
const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list ap)
{
	if (!strchr(fmt, '%'))
		return kstrdup_const(fmt, gfp);
	if (!strcmp(fmt, "%s"))
		return kstrdup_const(va_arg(ap, const char *), gfp);
	return kvasprintf(gfp, fmt, ap);
}
EXPORT_SYMBOL(kvasprintf_const);

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}
EXPORT_SYMBOL(kasprintf);

/* num in decimal, right-aligned in at least width characters; 0 when it does not fit in size. */
int num_to_str(char *buf, int size, unsigned long long num, unsigned int width)
{
	char tmp[sizeof(num) * 3];
	int idx, len;

	idx = 0;
	do {
		tmp[idx++] = '0' + num % 10;
		num /= 10;
	} while (num);
	len = max_t(int, idx, width);
	if (len > size)
		return 0;
	for (int i = 0; i < len - idx; i++)
		buf[i] = ' ';
	for (int i = len - idx; i < len; i++)
		buf[i] = tmp[--idx];
	return len;
}

/*
 * sscanf: conversions c s d i u o x X n %, each with an optional * (no assignment), width and length
 * (hh h l ll L z Z j t); whitespace in the format matches any amount of input whitespace. Returns the
 * number of assignments made before the first mismatch. Character sets (%[...]) are not supported.
 */
int vsscanf(const char *buf, const char *fmt, va_list args)
{
	const char *str = buf;
	int num = 0;

	while (*fmt) {
		bool suppress = false;
		int width = -1;
		int qualifier = 0;
		unsigned int base;
		bool is_sign = false;
		unsigned long long value;
		char *next;

		if (isspace(*fmt)) {
			fmt = skip_spaces(fmt);
			str = skip_spaces(str);
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			if (*fmt == '%')
				fmt++;
			if (*fmt++ != *str++)
				break;
			continue;
		}
		fmt++;
		if (*fmt == '*') {
			suppress = true;
			fmt++;
		}
		if (isdigit(*fmt)) {
			width = skip_atoi(&fmt);
			if (width <= 0)
				break;
		}
		if (*fmt == 'h' || _tolower(*fmt) == 'l' || *fmt == 'z' || *fmt == 'Z' || *fmt == 'j' || *fmt == 't') {
			qualifier = *fmt++;
			if (qualifier == *fmt && (qualifier == 'h' || qualifier == 'l')) {
				qualifier = qualifier == 'h' ? 'H' : 'L';
				fmt++;
			}
		}
		if (!*fmt)
			break;
		if (*fmt == 'n') {
			if (!suppress)
				*va_arg(args, int *) = str - buf;
			fmt++;
			continue;
		}
		if (!*str)
			break;
		switch (*fmt++) {
		case 'c': {
			char *out = suppress ? NULL : va_arg(args, char *);

			if (width == -1)
				width = 1;
			while (width-- > 0 && *str) {
				if (out)
					*out++ = *str;
				str++;
			}
			if (!suppress)
				num++;
			continue;
		}
		case 's': {
			char *out = suppress ? NULL : va_arg(args, char *);

			if (width == -1)
				width = SHRT_MAX;
			str = skip_spaces(str);
			while (*str && !isspace(*str) && width-- > 0) {
				if (out)
					*out++ = *str;
				str++;
			}
			if (out)
				*out = '\0';
			if (!suppress)
				num++;
			continue;
		}
		case 'o':
			base = 8;
			break;
		case 'x':
		case 'X':
			base = 16;
			break;
		case 'i':
			base = 0;
			is_sign = true;
			break;
		case 'd':
			is_sign = true;
			base = 10;
			break;
		case 'u':
			base = 10;
			break;
		default:
			/* An unknown conversion ends the scan, as in Linux. */
			return num;
		}

		/* A number of at most `width` characters: an optional sign (signed conversions), then digits. */
		{
			const char *p = skip_spaces(str);
			bool negative = false;
			char digits[32];
			int len = 0;
			int limit = width > 0 ? width : INT_MAX;

			if (*p == '-' || *p == '+') {
				if (*p == '-' && !is_sign)
					break;
				negative = *p == '-';
				p++;
				limit--;
			}
			while (isalnum(p[len]) && len < limit && len < (int)sizeof(digits) - 1) {
				digits[len] = p[len];
				len++;
			}
			digits[len] = '\0';
			value = simple_strtoull(digits, &next, base);
			if (next == digits)
				break;
			str = p + (next - digits);
			if (negative)
				value = -value;
		}
		if (suppress)
			continue;
		switch (qualifier) {
		case 'H':
			if (is_sign)
				*va_arg(args, signed char *) = value;
			else
				*va_arg(args, unsigned char *) = value;
			break;
		case 'h':
			if (is_sign)
				*va_arg(args, short *) = value;
			else
				*va_arg(args, unsigned short *) = value;
			break;
		case 'l':
		case 'z':
		case 'Z':
		case 't':
			if (is_sign)
				*va_arg(args, long *) = value;
			else
				*va_arg(args, unsigned long *) = value;
			break;
		case 'L':
		case 'j':
			if (is_sign)
				*va_arg(args, long long *) = value;
			else
				*va_arg(args, unsigned long long *) = value;
			break;
		default:
			if (is_sign)
				*va_arg(args, int *) = value;
			else
				*va_arg(args, unsigned int *) = value;
			break;
		}
		num++;
	}
	return num;
}
EXPORT_SYMBOL(vsscanf);

int sscanf(const char *buf, const char *fmt, ...)
{
	va_list args;
	int i;

	va_start(args, fmt);
	i = vsscanf(buf, fmt, args);
	va_end(args);
	return i;
}
EXPORT_SYMBOL(sscanf);
