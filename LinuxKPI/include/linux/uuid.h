/* SPDX-License-Identifier: GPL-2.0-only */
/* UUIDs (RFC 4122, big-endian fields) and GUIDs (the first three fields little-endian). */
#ifndef _LINUX_UUID_H
#define _LINUX_UUID_H

#include <linux/types.h>
#include <linux/string.h>

#define UUID_SIZE 16

typedef struct {
	__u8 b[UUID_SIZE];
} uuid_t;

typedef struct {
	__u8 b[UUID_SIZE];
} guid_t;

#define UUID_INIT(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)			\
	((uuid_t){ { ((a) >> 24) & 0xff, ((a) >> 16) & 0xff, ((a) >> 8) & 0xff, (a) & 0xff, \
		     ((b) >> 8) & 0xff, (b) & 0xff, ((c) >> 8) & 0xff, (c) & 0xff, \
		     (d0), (d1), (d2), (d3), (d4), (d5), (d6), (d7) } })
#define GUID_INIT(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)			\
	((guid_t){ { (a) & 0xff, ((a) >> 8) & 0xff, ((a) >> 16) & 0xff, ((a) >> 24) & 0xff, \
		     (b) & 0xff, ((b) >> 8) & 0xff, (c) & 0xff, ((c) >> 8) & 0xff, \
		     (d0), (d1), (d2), (d3), (d4), (d5), (d6), (d7) } })

/* The text form's length without the NUL: 8-4-4-4-12 hex digits. */
#define UUID_STRING_LEN 36

extern const uuid_t uuid_null;
extern const guid_t guid_null;

static inline bool uuid_equal(const uuid_t *u1, const uuid_t *u2) { return memcmp(u1, u2, sizeof(uuid_t)) == 0; }
static inline void uuid_copy(uuid_t *dst, const uuid_t *src) { memcpy(dst, src, sizeof(uuid_t)); }
static inline bool uuid_is_null(const uuid_t *uuid) { return uuid_equal(uuid, &uuid_null); }
static inline void import_uuid(uuid_t *dst, const __u8 *src) { memcpy(dst, src, sizeof(uuid_t)); }
static inline void export_uuid(__u8 *dst, const uuid_t *src) { memcpy(dst, src, sizeof(uuid_t)); }
static inline bool guid_equal(const guid_t *u1, const guid_t *u2) { return memcmp(u1, u2, sizeof(guid_t)) == 0; }
static inline void guid_copy(guid_t *dst, const guid_t *src) { memcpy(dst, src, sizeof(guid_t)); }
static inline bool guid_is_null(const guid_t *guid) { return guid_equal(guid, &guid_null); }

/* Parses the 36-character text form (hex digits in any case); 0 or -EINVAL. */
int uuid_parse(const char *uuid, uuid_t *u);
int guid_parse(const char *uuid, guid_t *u);
bool uuid_is_valid(const char *uuid);

/* A random (version 4) UUID. */
void uuid_gen(uuid_t *u);
void guid_gen(guid_t *u);

#endif
