/* SPDX-License-Identifier: GPL-2.0-only */
/* Network interface flags and names. */
#ifndef _LINUX_IF_H
#define _LINUX_IF_H

#include <uapi/linux/if.h>

#endif
