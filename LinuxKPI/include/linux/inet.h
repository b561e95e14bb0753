/* SPDX-License-Identifier: GPL-2.0-only */
/* Text to IPv4/IPv6 address conversion (LinuxKPI's networking core). */
#ifndef _LINUX_INET_H
#define _LINUX_INET_H

#include <linux/types.h>

#define INET_ADDRSTRLEN		16
#define INET6_ADDRSTRLEN	48

int in4_pton(const char *src, int srclen, u8 *dst, int delim, const char **end);
int in6_pton(const char *src, int srclen, u8 *dst, int delim, const char **end);

#endif
