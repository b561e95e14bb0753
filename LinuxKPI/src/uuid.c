// SPDX-License-Identifier: GPL-2.0-only
/* The null UUID/GUID and random (version 4, RFC 4122 variant) UUIDs. */
#include <linux/uuid.h>
#include <linux/random.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/errno.h>

const uuid_t uuid_null;
EXPORT_SYMBOL(uuid_null);
const guid_t guid_null;
EXPORT_SYMBOL(guid_null);

void uuid_gen(uuid_t *u)
{
	get_random_bytes(u, sizeof(*u));
	u->b[6] = (u->b[6] & 0x0f) | 0x40; /* version 4 */
	u->b[8] = (u->b[8] & 0x3f) | 0x80; /* variant 10 */
}
EXPORT_SYMBOL(uuid_gen);

/* The same bits; in a GUID the version sits in byte 7 (the third field is little-endian). */
void guid_gen(guid_t *u)
{
	get_random_bytes(u, sizeof(*u));
	u->b[7] = (u->b[7] & 0x0f) | 0x40;
	u->b[8] = (u->b[8] & 0x3f) | 0x80;
}
EXPORT_SYMBOL(guid_gen);

/* Where each byte's two hex digits start in the text form, for UUIDs and for GUIDs. */
static const u8 uuid_index[16] = { 0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34 };
static const u8 guid_index[16] = { 6, 4, 2, 0, 11, 9, 16, 14, 19, 21, 24, 26, 28, 30, 32, 34 };

bool uuid_is_valid(const char *uuid)
{
	for (unsigned int i = 0; i < UUID_STRING_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (uuid[i] != '-')
				return false;
		} else if (!isxdigit(uuid[i])) {
			return false;
		}
	}
	return true;
}
EXPORT_SYMBOL(uuid_is_valid);

static int lkpi_uuid_parse(const char *uuid, u8 b[16], const u8 index[16])
{
	if (!uuid_is_valid(uuid))
		return -EINVAL;
	for (unsigned int i = 0; i < 16; i++)
		b[i] = (hex_to_bin(uuid[index[i]]) << 4) | hex_to_bin(uuid[index[i] + 1]);
	return 0;
}

int uuid_parse(const char *uuid, uuid_t *u)
{
	return lkpi_uuid_parse(uuid, u->b, uuid_index);
}
EXPORT_SYMBOL(uuid_parse);

int guid_parse(const char *uuid, guid_t *u)
{
	return lkpi_uuid_parse(uuid, u->b, guid_index);
}
EXPORT_SYMBOL(guid_parse);
