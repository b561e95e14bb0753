// SPDX-License-Identifier: GPL-2.0-only
/* Hex digits and hex dumps (lib/hexdump.c): hex_to_bin, hex2bin, bin2hex, hex_dump_to_buffer, print_hex_dump. */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <asm/unaligned.h>

const char hex_asc[] = "0123456789abcdef";
EXPORT_SYMBOL(hex_asc);
const char hex_asc_upper[] = "0123456789ABCDEF";
EXPORT_SYMBOL(hex_asc_upper);

/* The value of one hex digit, or -1. */
int hex_to_bin(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = _tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}
EXPORT_SYMBOL(hex_to_bin);

/* count bytes from 2 * count hex digits; -EINVAL on a non-digit. */
int hex2bin(u8 *dst, const char *src, size_t count)
{
	while (count--) {
		int hi = hex_to_bin(*src++);
		int lo;

		if (hi < 0)
			return -EINVAL;
		lo = hex_to_bin(*src++);
		if (lo < 0)
			return -EINVAL;
		*dst++ = (hi << 4) | lo;
	}
	return 0;
}
EXPORT_SYMBOL(hex2bin);

/* 2 * count lower-case hex digits (no NUL); returns the end of the text. */
char *bin2hex(char *dst, const void *src, size_t count)
{
	const unsigned char *_src = src;

	while (count--)
		dst = hex_byte_pack(dst, *_src++);
	return dst;
}
EXPORT_SYMBOL(bin2hex);

struct hex_row {
	char *buf;
	size_t size;
	size_t pos; /* the length of the full text so far (may exceed size) */
};

static void hex_row_put(struct hex_row *row, char c)
{
	if (row->pos + 1 < row->size)
		row->buf[row->pos] = c;
	row->pos++;
}

/*
 * One row of a hex dump: groups of groupsize bytes (1, 2, 4 or 8, each read in CPU byte order as one
 * number) separated by spaces, then, when asked, the bytes as ASCII starting at a fixed column. Returns
 * the length the full text has, like snprintf; linebuf always ends with a NUL when linebuflen > 0.
 */
int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize, char *linebuf,
		       size_t linebuflen, bool ascii)
{
	struct hex_row row = { .buf = linebuf, .size = linebuflen, .pos = 0 };
	const u8 *ptr = buf;
	size_t ascii_column;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if (len > rowsize)
		len = rowsize;
	if (!is_power_of_2(groupsize) || groupsize > 8 || len % groupsize != 0)
		groupsize = 1;
	ascii_column = rowsize * 2 + rowsize / groupsize + 1;

	for (size_t group = 0; group < len / groupsize; group++) {
		const u8 *p = ptr + group * groupsize;
		u64 value;

		switch (groupsize) {
		case 8:
			value = get_unaligned((const u64 *)p);
			break;
		case 4:
			value = get_unaligned((const u32 *)p);
			break;
		case 2:
			value = get_unaligned((const u16 *)p);
			break;
		default:
			value = *p;
			break;
		}
		if (group)
			hex_row_put(&row, ' ');
		for (int shift = groupsize * 8 - 4; shift >= 0; shift -= 4)
			hex_row_put(&row, hex_asc[(value >> shift) & 0xf]);
	}
	if (ascii && len) {
		while (row.pos < ascii_column)
			hex_row_put(&row, ' ');
		for (size_t i = 0; i < len; i++)
			hex_row_put(&row, isascii(ptr[i]) && isprint(ptr[i]) ? ptr[i] : '.');
	}
	if (linebuflen)
		linebuf[min(row.pos, linebuflen - 1)] = '\0';
	return row.pos;
}
EXPORT_SYMBOL(hex_dump_to_buffer);

/* Logs buf as rows of hex (and ASCII), each prefixed by prefix_str and the address or offset. */
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type, int rowsize, int groupsize,
		    const void *buf, size_t len, bool ascii)
{
	const u8 *ptr = buf;
	int i, linelen, remaining = len;
	char linebuf[32 * 3 + 2 + 32 + 1];

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	for (i = 0; i < len; i += rowsize) {
		linelen = min(remaining, rowsize);
		remaining -= rowsize;
		hex_dump_to_buffer(ptr + i, linelen, rowsize, groupsize, linebuf, sizeof(linebuf), ascii);
		switch (prefix_type) {
		case DUMP_PREFIX_ADDRESS:
			printk("%s%s%p: %s\n", level, prefix_str, ptr + i, linebuf);
			break;
		case DUMP_PREFIX_OFFSET:
			printk("%s%s%.8x: %s\n", level, prefix_str, i, linebuf);
			break;
		default:
			printk("%s%s%s\n", level, prefix_str, linebuf);
			break;
		}
	}
}
EXPORT_SYMBOL(print_hex_dump);
